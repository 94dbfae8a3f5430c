import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export interface Credentials {
  email: string;
  password: string;
}

export type AuthMode = 'sign-in' | 'register';

/**
 * Sign-in and registration calls. The API answers by setting HttpOnly cookies: no token ever
 * reaches this code, and nothing is written to localStorage.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  submit(mode: AuthMode, credentials: Credentials): Observable<unknown> {
    const path = mode === 'register' ? '/api/auth/register' : '/api/auth/login';
    return this.http.post<unknown>(path, credentials, { withCredentials: true });
  }
}
