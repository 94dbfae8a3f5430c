import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** Pages for signed-in people only: a guest (or a lost session) is sent to the sign-in page. */
export const signedInGuard: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const state = await session.known();
  return state.kind === 'user' ? true : router.createUrlTree(['/sign-in']);
};
