import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { isApiError } from '../api/api-error';
import { obj, str } from '../api/read';

export interface SignedInUser {
  email: string;
  plan: string | null;
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

  async refresh(): Promise<void> {
    try {
      let body = obj(await firstValueFrom(this.http.get<unknown>('/api/auth/session')));
      if (!obj(body?.['user']) && str(body?.['reason']) === 'expired') {
        await firstValueFrom(this.http.post<unknown>('/api/auth/refresh', {}));
        body = obj(await firstValueFrom(this.http.get<unknown>('/api/auth/session')));
      }
      const email = str(obj(body?.['user'])?.['email']);
      const plan = str(obj(body?.['user'])?.['plan']);
      this.state.set(email ? { kind: 'user', user: { email, plan } } : { kind: 'guest' });
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
