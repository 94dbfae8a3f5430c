import type { Decider } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Plan, Role } from './access-token.ts';
import type { UserEvent } from './events.ts';

// The account's rules, pure: time comes in on the command, personal fields arrive sealed.

export type UserState = {
  exists: boolean;
  deleted: boolean;
  userId: string;
  emailHash: string;
  email: string;
  passwordHash: string;
  displayName: string | null;
  plan: Plan;
  role: Role;
  createdAt: string;
  /** Sessions started before this instant are over (password change, deletion). */
  sessionsValidAfter: string | null;
  claimedGuests: readonly string[];
};

export type UserCommand =
  | { type: 'Register'; userId: string; emailHash: string; email: string; passwordHash: string; displayName: string | null; at: string }
  | { type: 'UpdateProfile'; displayName: string | null; at: string }
  | { type: 'ChangePassword'; passwordHash: string; at: string; ipHash: string; uaFamily: string }
  | { type: 'ChangePlan'; plan: Plan; reason: string; at: string }
  | { type: 'ChangeRole'; role: Role; at: string }
  | { type: 'Delete'; at: string }
  | { type: 'ClaimGuest'; guestId: string; at: string };

export const initialUserState: UserState = {
  exists: false, deleted: false, userId: '', emailHash: '', email: '', passwordHash: '', displayName: null,
  plan: 'FREE', role: 'USER', createdAt: '', sessionsValidAfter: null, claimedGuests: [],
};

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const d = event.data;
      return { ...state, exists: true, userId: d.userId, emailHash: d.emailHash, email: d.email, passwordHash: d.passwordHash, displayName: d.displayName, plan: d.plan, role: d.role, createdAt: d.at };
    }
    case 'ProfileUpdated': return { ...state, displayName: event.data.displayName };
    case 'PasswordChanged': return { ...state, passwordHash: event.data.passwordHash, sessionsValidAfter: event.data.at };
    case 'PlanChanged': return { ...state, plan: event.data.plan };
    case 'RoleChanged': return { ...state, role: event.data.role };
    case 'UserDeleted': return { ...state, deleted: true, sessionsValidAfter: event.data.at };
    case 'GuestClaimed': return { ...state, claimedGuests: [...state.claimedGuests, event.data.guestId] };
    default: return state;
  }
}

function live(state: UserState): void {
  if (!state.exists || state.deleted) throw new AppError('NOT_FOUND');
}

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'Register': {
      if (state.exists) throw new AppError('CONFLICT');
      const { userId, emailHash, email, passwordHash, displayName, at } = command;
      return [{ type: 'UserRegistered', data: { userId, emailHash, email, passwordHash, displayName, plan: 'FREE', role: 'USER', at } }];
    }
    case 'UpdateProfile':
      live(state);
      return [{ type: 'ProfileUpdated', data: { userId: state.userId, displayName: command.displayName, at: command.at } }];
    case 'ChangePassword':
      live(state);
      return [{ type: 'PasswordChanged', data: { userId: state.userId, passwordHash: command.passwordHash, at: command.at, ipHash: command.ipHash, uaFamily: command.uaFamily } }];
    case 'ChangePlan':
      live(state);
      return state.plan === command.plan ? [] : [{ type: 'PlanChanged', data: { userId: state.userId, plan: command.plan, reason: command.reason, at: command.at } }];
    case 'ChangeRole':
      live(state);
      return state.role === command.role ? [] : [{ type: 'RoleChanged', data: { userId: state.userId, role: command.role, at: command.at } }];
    case 'Delete':
      if (!state.exists) throw new AppError('NOT_FOUND');
      return state.deleted ? [] : [{ type: 'UserDeleted', data: { userId: state.userId, at: command.at } }];
    case 'ClaimGuest':
      live(state);
      return state.claimedGuests.includes(command.guestId) ? [] : [{ type: 'GuestClaimed', data: { guestId: command.guestId, userId: state.userId, at: command.at } }];
  }
}

export const userDecider: Decider<UserCommand, UserState, UserEvent> = { initialState: initialUserState, evolve: evolveUser, decide: decideUser };
