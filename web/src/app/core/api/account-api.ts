import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { arr, bool, num, obj, str } from './read';

export interface Profile {
  id: string | null;
  email: string;
  displayName: string | null;
  plan: string | null;
  role: string | null;
  createdAt: string | null;
}

export interface SessionInfo {
  id: string;
  current: boolean;
  method: string | null;
  device: string | null;
  startedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** Longest display name shown or sent. */
export const MAX_DISPLAY_NAME = 100;

export function readProfile(value: unknown): Profile {
  const body = obj(value);
  return {
    id: str(body?.['id']),
    email: str(body?.['email']) ?? '',
    displayName: str(body?.['displayName']),
    plan: str(body?.['plan']),
    role: str(body?.['role']),
    createdAt: str(body?.['createdAt']),
  };
}

export function readSessions(value: unknown): SessionInfo[] {
  return arr(obj(value)?.['sessions'])
    .flatMap((item) => {
      const session = obj(item);
      const id = str(session?.['id']);
      if (!id) return [];
      const device = str(session?.['device']) ?? str(obj(session?.['device'])?.['family']);
      return [
        {
          id,
          current: bool(session?.['current']),
          method: str(session?.['method']),
          device,
          startedAt: str(session?.['startedAt']) ?? numDate(session?.['startedAt']),
          lastUsedAt: str(session?.['lastUsedAt']) ?? numDate(session?.['lastUsedAt']),
          expiresAt: str(session?.['expiresAt']) ?? numDate(session?.['expiresAt']),
        },
      ];
    })
    .slice(0, 100);
}

function numDate(value: unknown): string | null {
  const ms = num(value);
  return ms === null ? null : new Date(ms).toISOString();
}

/** The signed-in person's own account: profile, password, sessions, deletion. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  me(): Observable<Profile> {
    return this.http.get<unknown>('/api/auth/me').pipe(map(readProfile));
  }

  rename(displayName: string): Observable<Profile> {
    return this.http
      .patch<unknown>('/api/auth/me', { displayName })
      .pipe(map((body) => readProfile(obj(body)?.['user'])));
  }

  changePassword(currentPassword: string, newPassword: string): Observable<unknown> {
    return this.http.post<unknown>('/api/auth/password', { currentPassword, newPassword });
  }

  sessions(): Observable<SessionInfo[]> {
    return this.http.get<unknown>('/api/auth/sessions').pipe(map(readSessions));
  }

  revoke(sessionId: string): Observable<unknown> {
    return this.http.delete<unknown>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`);
  }

  deleteAccount(password: string): Observable<unknown> {
    return this.http.request<unknown>('DELETE', '/api/auth/me', {
      body: { password },
      headers: new HttpHeaders({ 'content-type': 'application/json' }),
    });
  }
}
