import { AppError } from '../../platform/errors.ts';
import type { Decider } from '../../platform/command/index.ts';
import type { ApplicationDetails, ApplicationEvent, ApplicationStatus } from './events.ts';

// The tracker's rules, pure. Any move between statuses is allowed (a kanban board lets people drag
// back and forth); moving to where it already is writes nothing. Someone else's, unknown and
// deleted applications are all APPLICATION_NOT_FOUND. The follow-up is due only while the
// application is still "applied" since the same moment the timer started.

export type ApplicationState = {
  applicationId: string; exists: boolean; deleted: boolean; userId: string | null; status: ApplicationStatus; details: ApplicationDetails | null;
  /** When it last became "applied" (the follow-up timer's start), or null. */
  appliedAt: string | null; followUpsDue: string[];
};

export type ApplicationCommand =
  | { type: 'Create'; applicationId: string; userId: string; status: ApplicationStatus; details: ApplicationDetails; at: string }
  | { type: 'Edit'; userId: string; details: ApplicationDetails; at: string }
  | { type: 'Move'; userId: string; to: ApplicationStatus; at: string }
  | { type: 'Delete'; userId: string; at: string }
  | { type: 'RecordFollowUpDue'; appliedAt: string; at: string };

const initialState: ApplicationState = { applicationId: '', exists: false, deleted: false, userId: null, status: 'saved', details: null, appliedAt: null, followUpsDue: [] };

function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationCreated':
      return { ...state, applicationId: event.data.applicationId, exists: true, userId: event.data.userId, status: event.data.status, details: event.data.details, appliedAt: event.data.status === 'applied' ? event.data.at : null };
    case 'ApplicationEdited':
      return { ...state, details: event.data.details };
    case 'ApplicationStatusChanged':
      return {
        ...state, status: event.data.to, appliedAt: event.data.to === 'applied' ? event.data.at : null,
        details: state.details && { ...state.details, appliedOn: event.data.appliedOn },
      };
    case 'ApplicationDeleted':
      return { ...state, deleted: true };
    case 'FollowUpDue':
      return { ...state, followUpsDue: [...state.followUpsDue, event.data.appliedAt] };
    default:
      return state;
  }
}

function owned(state: ApplicationState, userId: string): void {
  if (!state.exists || state.deleted || state.userId !== userId) throw new AppError('APPLICATION_NOT_FOUND');
}

function decide(command: ApplicationCommand, state: ApplicationState): ApplicationEvent[] {
  switch (command.type) {
    case 'Create':
      if (state.exists) throw new AppError('CONFLICT');
      return [{ type: 'ApplicationCreated', data: { applicationId: command.applicationId, userId: command.userId, status: command.status, details: command.details, at: command.at } }];
    case 'Edit':
      owned(state, command.userId);
      if (JSON.stringify(state.details) === JSON.stringify(command.details)) return [];
      return [{ type: 'ApplicationEdited', data: { applicationId: state.applicationId, details: command.details, at: command.at } }];
    case 'Move': {
      owned(state, command.userId);
      if (state.status === command.to) return [];
      const appliedOn = command.to === 'applied' && !state.details!.appliedOn ? command.at.slice(0, 10) : state.details!.appliedOn;
      return [{ type: 'ApplicationStatusChanged', data: { applicationId: state.applicationId, from: state.status, to: command.to, appliedOn, at: command.at } }];
    }
    case 'Delete':
      owned(state, command.userId);
      return [{ type: 'ApplicationDeleted', data: { applicationId: state.applicationId, at: command.at } }];
    case 'RecordFollowUpDue':
      // Moved on, deleted, re-applied later or already recorded: nothing is due.
      if (!state.exists || state.deleted || state.status !== 'applied' || state.appliedAt !== command.appliedAt || state.followUpsDue.includes(command.appliedAt)) return [];
      return [{ type: 'FollowUpDue', data: { applicationId: state.applicationId, userId: state.userId!, appliedAt: command.appliedAt, at: command.at } }];
  }
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationState, ApplicationEvent> = { initialState, evolve, decide };
