import { z } from 'zod';
import { defineOperations } from '../../platform/http/openapi/index.ts';
import { Plan, Role } from './access-token.ts';
import { DeleteBody, LoginBody, PasswordBody, ProfileBody, RegisterBody, SessionParams } from './routes.ts';

// /api/auth in the OpenAPI document (src/platform/http/openapi): the request schemas are the
// ones routes.ts validates with; the answers are described here.

const tag = 'accounts';
const position = z.number().int().describe('Event-store position of the change: pass it as x-min-position to read your write.');
const minPosition = { 'x-min-position': { schema: z.string().regex(/^\d{1,15}$/), description: 'Wait (bounded) until the read model has this position.' } };
export const ProfileView = z.object({
  id: z.string(), email: z.string(), displayName: z.string().nullable(), plan: Plan, role: Role, createdAt: z.string(),
  entitlements: z.object({ plan: z.string() }).loose(),
});
const SignedIn = z.object({ user: ProfileView, position });
const SessionView = z.object({ id: z.string(), current: z.boolean(), method: z.string(), device: z.string().nullable(), startedAt: z.string(), lastUsedAt: z.string(), expiresAt: z.string() });

export const accountsApi = defineOperations([
  {
    method: 'get', path: '/api/auth/csrf', tag, access: 'public', summary: 'The CSRF token (and its cookie) for unsafe requests',
    response: { status: 200, description: 'The token to send in x-csrf-token.', schema: z.object({ csrfToken: z.string(), header: z.literal('x-csrf-token') }) }, errors: [],
  },
  {
    method: 'post', path: '/api/auth/register', tag, access: 'public', summary: 'Create an account and sign in (claims the guest\'s drafts)',
    body: RegisterBody, bodyRequired: true,
    response: { status: 201, description: 'Signed in: session cookies are set.', schema: SignedIn },
    errors: ['EMAIL_TAKEN', 'WEAK_PASSWORD', 'RATE_LIMITED', 'CONFLICT', 'NOT_READY'],
  },
  {
    method: 'post', path: '/api/auth/login', tag, access: 'public', summary: 'Sign in (claims the guest\'s drafts)',
    body: LoginBody, bodyRequired: true,
    response: { status: 200, description: 'Signed in: session cookies are set.', schema: SignedIn },
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED', 'NOT_READY'],
  },
  {
    method: 'post', path: '/api/auth/refresh', tag, access: 'public', summary: 'Rotate the refresh cookie and issue a new access cookie',
    response: { status: 200, description: 'New cookies are set.', schema: z.object({ accessExpiresAt: z.string(), rotated: z.boolean() }) },
    errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'SESSION_REVOKED'],
  },
  {
    method: 'post', path: '/api/auth/logout', tag, access: 'caller', summary: 'End this session and clear the cookies',
    response: { status: 204, description: 'Signed out.' }, errors: [],
    notFuzzedBecause: 'it ends the session the fuzz run signs in with',
  },
  {
    method: 'get', path: '/api/auth/session', tag, access: 'caller', summary: 'Who is here: the user, a guest, or nobody (always 200)',
    response: { status: 200, description: 'The user, or `user: null` with `guest` and the `reason` a session is missing.', schema: z.object({ user: ProfileView.nullable(), guest: z.boolean(), reason: z.string().optional() }) },
    errors: [],
  },
  {
    method: 'get', path: '/api/auth/me', tag, access: 'user', summary: 'The signed-in user\'s profile and entitlements', headers: minPosition,
    response: { status: 200, description: 'The profile.', schema: ProfileView }, errors: ['BAD_REQUEST', 'NOT_FOUND', 'TIMEOUT'],
  },
  {
    method: 'patch', path: '/api/auth/me', tag, access: 'user', summary: 'Change the display name', body: ProfileBody,
    response: { status: 200, description: 'The new profile.', schema: SignedIn }, errors: ['NOT_FOUND', 'CONFLICT', 'TIMEOUT'],
  },
  {
    method: 'post', path: '/api/auth/password', tag, access: 'user', summary: 'Change the password (other sessions end)', body: PasswordBody, bodyRequired: true,
    response: { status: 200, description: 'Changed; this session gets new cookies.', schema: z.object({ position }) },
    errors: ['PASSWORD_MISMATCH', 'WEAK_PASSWORD', 'RATE_LIMITED', 'NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'delete', path: '/api/auth/me', tag, access: 'user', summary: 'Delete the account (needs the password)', body: DeleteBody, bodyRequired: true,
    response: { status: 204, description: 'Deleted; cookies cleared.' }, errors: ['PASSWORD_MISMATCH', 'RATE_LIMITED', 'NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'get', path: '/api/auth/sessions', tag, access: 'user', summary: 'The user\'s live sessions (devices)',
    response: { status: 200, description: 'Sessions, the current one marked.', schema: z.object({ sessions: z.array(SessionView) }) }, errors: [],
  },
  {
    method: 'delete', path: '/api/auth/sessions/:id', tag, access: 'user', summary: 'End one of the user\'s sessions', params: SessionParams,
    response: { status: 204, description: 'Ended.' }, errors: ['NOT_FOUND', 'CONFLICT'],
    notFuzzedBecause: 'GET /api/auth/sessions names the fuzz run\'s own session, and ending it ends the run\'s sign-in',
  },
]);
