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
 * Who is signed in, as the API sees it: GET /api/auth/me answers 200 for a user and 401 for
 * everyone else (guests included). Cookies carry the session; nothing is stored in JavaScript.
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
      const body = obj(await firstValueFrom(this.http.get<unknown>('/api/auth/me')));
      // The profile is the body itself; tolerate a `{ user: … }` wrapper too.
      const profile = obj(body?.['user']) ?? body;
      const email = str(profile?.['email']);
      this.state.set(
        email ? { kind: 'user', user: { email, plan: str(profile?.['plan']) } } : { kind: 'guest' },
      );
    } catch (error) {
      // 401 means "not signed in"; anything else (offline, 5xx) also shows the sign-in links.
      this.state.set({ kind: 'guest' });
      if (!isApiError(error)) throw error;
    }
  }

  async signOut(): Promise<void> {
    await firstValueFrom(this.http.post<unknown>('/api/auth/logout', {}));
    this.state.set({ kind: 'guest' });
  }
}
