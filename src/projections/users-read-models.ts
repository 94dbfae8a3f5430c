import { sessionsProjection } from './sessions.ts';
import { guestsProjection } from './users-guests.ts';
import { usersProjection } from './users.ts';

// The accounts module's read models, for the projector's registry (index.ts).
export const accountReadModels = [usersProjection, sessionsProjection, guestsProjection] as const;
