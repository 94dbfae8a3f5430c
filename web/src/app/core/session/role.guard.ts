import { inject } from '@angular/core';
import { CanMatchFn } from '@angular/router';
import { Role, hasRole } from './session';
import { Session } from './session';

/**
 * Matches a staff route only for the given roles (after the session is known). Otherwise the
 * router moves on to the next route with the same path: the friendly "not allowed" page, so the
 * address stays and the console's code is never even loaded.
 */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return async () => {
    const state = await inject(Session).known();
    return hasRole(state.kind === 'user' ? state.user : null, roles);
  };
}
