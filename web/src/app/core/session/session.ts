import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { isApiError } from '../api/api-error';
import { obj, oneOf, str } from '../api/read';

export const ROLES = ['USER', 'SUPPORT', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface SignedInUser {
  id: string | null;
  email: string;
  plan: string | null;
  /** An unknown role is read as USER: nothing staff-only is shown for it. */
  role: Role;
}

/** Staff pages: support (SUPPORT or ADMIN) and admin (ADMIN only). */
export function hasRole(user: SignedInUser | null, roles: readonly Role[]): boolean {
  return !!user && roles.includes(user.role);
}

export type SessionState =
  { kind: 'unknown' } | { kind: 'guest' } | { kind: 'user'; user: SignedInUser };

/**
 * Who is signed in, as the API sees it: GET /api/auth/session always answers 200 (so an anonymous
 * visit logs no error) with `{ user }` or `{ user: null, reason }`. An expired access token is
 * refreshed once (POST /api/auth/refresh) and asked again. Cookies carry the session; nothing is
 * stored in JavaScript.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly state = signal<SessionState>({ kind: 'unknown' });

  readonly current = this.state.asReadonly();
  readonly user = computed(() => {
    const state = this.state();
    return state.kind === 'user' ? state.user : null;
  });
  readonly isStaff = computed(() => hasRole(this.user(), ['SUPPORT', 'ADMIN']));
  readonly isAdmin = computed(() => hasRole(this.user(), ['ADMIN']));

  private pending: Promise<void> | null = null;

  /** The session as soon as it is known (route guards wait for the first answer). */
  async known(): Promise<SessionState> {
    if (this.state().kind === 'unknown') await (this.pending ?? this.refresh());
    return this.state();
  }

  refresh(): Promise<void> {
    const run = this.load().finally(() => {
      if (this.pending === run) this.pending = null;
    });
    this.pending = run;
    return run;
  }

  private async load(): Promise<void> {
    try {
      let body = obj(await firstValueFrom(this.http.get<unknown>('/api/auth/session')));
      if (!obj(body?.['user']) && str(body?.['reason']) === 'expired') {
        await firstValueFrom(this.http.post<unknown>('/api/auth/refresh', {}));
        body = obj(await firstValueFrom(this.http.get<unknown>('/api/auth/session')));
      }
      const user = obj(body?.['user']);
      const email = str(user?.['email']);
      this.state.set(
        email
          ? {
              kind: 'user',
              user: {
                id: str(user?.['id']),
                email,
                plan: str(user?.['plan']),
                role: oneOf(user?.['role'], ROLES, 'USER'),
              },
            }
          : { kind: 'guest' },
      );
    } catch (error) {
      // A failed refresh means "sign in again"; offline or 5xx also shows the sign-in links.
      this.state.set({ kind: 'guest' });
      if (!isApiError(error)) throw error;
    }
  }

  async signOut(): Promise<void> {
    await firstValueFrom(this.http.post<unknown>('/api/auth/logout', {}));
    this.state.set({ kind: 'guest' });
  }
}
