import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { returnTo } from './return-url';
import { Session } from './session';

/**
 * Pages for signed-in people only: a guest (or a lost session) is sent to the sign-in page, which
 * brings them back to the address they asked for.
 */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const known = await session.known();
  return known.kind === 'user'
    ? true
    : router.createUrlTree(['/sign-in'], { queryParams: returnTo(state.url) });
};
