import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'slonik';
import { z } from 'zod';
import { Browser, goodPassword, startHarness, uniqueEmail, type Harness } from './testing/harness.ts';

// The /api/auth HTTP API end to end: real Postgres event store, the projector, cookies, CSRF.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h?.close());

async function signedUp(email = uniqueEmail(), extra: Record<string, unknown> = {}) {
  const browser = await new Browser(h.url).start();
  const res = await browser.post('/api/auth/register', { email, password: goodPassword, ...extra });
  expect(res.status).toBe(201);
  return { browser, email, user: res.json.user };
}

describe('the session probe', () => {
  it('answers 200 for everyone: the user when signed in, else who is missing and why', async () => {
    const anonymous = await new Browser(h.url).start();
    const nobody = await anonymous.get('/api/auth/session');
    expect(nobody.status).toBe(200);
    expect(nobody.json).toMatchObject({ user: null, guest: false, reason: 'missing' });
    const { browser, email } = await signedUp();
    expect((await browser.get('/api/auth/session')).json).toMatchObject({ user: { email }, guest: false });
    h.clock.advance(16 * 60_000); // past the 15-minute access token
    expect((await browser.get('/api/auth/session')).json).toMatchObject({ user: null, reason: 'expired' });
    h.clock.advance(-16 * 60_000);
  });
});

describe('register, me, reload', () => {
  it('registers, sets HttpOnly cookies only, and answers me', async () => {
    const email = uniqueEmail('Ada');
    const browser = await new Browser(h.url).start();
    const res = await browser.post('/api/auth/register', { email, password: goodPassword, displayName: 'Ada' });
    expect(res.status).toBe(201);
    expect(res.json.user).toEqual(expect.objectContaining({ email: email.toLowerCase(), displayName: 'Ada', plan: 'FREE', role: 'USER' }));
    const body = JSON.stringify(res.json);
    expect(body).not.toContain(browser.cookie('access')!);
    expect(body).not.toContain(browser.cookie('refresh')!.split('.')[1]);
    const access = res.setCookies.find((c) => c.startsWith('access='))!;
    const refresh = res.setCookies.find((c) => c.startsWith('refresh='))!;
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/SameSite=Lax/);
    expect(refresh).toMatch(/Path=\/api\/auth\/refresh;/);
    expect(refresh).toMatch(/HttpOnly/);
    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(res.json.user.id);
  });

  it('keeps a reloaded page signed in with only the refresh cookie', async () => {
    const { browser, user } = await signedUp();
    browser.jar.delete('access'); // the access token expired, or the tab was reopened
    const before = await browser.get('/api/auth/me');
    expect(before.status).toBe(401);
    expect(before.json.error.code).toBe('UNAUTHENTICATED');
    const oldRefresh = browser.cookie('refresh');
    const refreshed = await browser.post('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    expect(browser.cookie('access')).toBeDefined();
    expect(browser.cookie('refresh')).not.toBe(oldRefresh);
    const after = await browser.get('/api/auth/me');
    expect(after.status).toBe(200);
    expect(after.json.id).toBe(user.id);
  });
});

describe('login', () => {
  it('signs in, and answers an unknown address exactly like a wrong password', async () => {
    const { email } = await signedUp();
    const browser = await new Browser(h.url).start();
    const ok = await browser.post('/api/auth/login', { email: email.toUpperCase(), password: goodPassword });
    expect(ok.status).toBe(200);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    const wrong = await browser.post('/api/auth/login', { email, password: 'not the password 1' });
    const unknown = await browser.post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'not the password 1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error).toEqual(unknown.json.error);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('takes as long for an unknown address as for a wrong password', async () => {
    const { email } = await signedUp();
    const browser = await new Browser(h.url).start();
    const time = async (address: string) => {
      const start = performance.now();
      await browser.post('/api/auth/login', { email: address, password: 'not the password 1' });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      known.push(await time(email));
      unknown.push(await time(uniqueEmail('ghost')));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(known), median(unknown)];
    // Both run one Argon2id verification (≈10–20 ms here); without the dummy hash the unknown
    // address would answer in about a millisecond.
    expect(u).toBeGreaterThan(k * 0.6);
    expect(u).toBeLessThan(k * 1.6);
  });
});

describe('CSRF and content types', () => {
  it('refuses an unsafe request without the CSRF token', async () => {
    const { browser } = await signedUp();
    const res = await browser.request('PATCH', '/api/auth/me', { body: { displayName: 'X' }, csrf: false });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('CSRF_FAILED');
    const login = await new Browser(h.url).request('POST', '/api/auth/login', { body: { email: 'a@b.c', password: 'x' } });
    expect(login.status).toBe(403);
  });

  it('refuses an unsafe request from a foreign origin, token or not', async () => {
    const { browser } = await signedUp();
    browser.origin = 'https://evil.example';
    const res = await browser.patch('/api/auth/me', { displayName: 'X' });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual(expect.objectContaining({ code: 'CSRF_FAILED', details: { reason: 'ORIGIN' } }));
    browser.origin = undefined;
    const crossSite = await browser.request('PATCH', '/api/auth/me', { body: { displayName: 'X' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });

  it('answers 415 for a text/plain body', async () => {
    const { browser } = await signedUp();
    const res = await browser.request('POST', '/api/auth/login', { rawBody: JSON.stringify({ email: 'a@b.c', password: 'x' }), headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const form = await browser.request('PATCH', '/api/auth/me', { rawBody: 'displayName=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
  });

  it('changes nothing on GET', async () => {
    const { browser } = await signedUp();
    const before = (await browser.get('/api/auth/me')).json;
    await browser.get('/api/auth/me?displayName=Mallory&role=ADMIN');
    expect((await browser.get('/api/auth/me')).json).toEqual(before);
  });
});

describe('profile', () => {
  it('updates the display name and ignores mass-assigned role and plan', async () => {
    const { browser, email } = await signedUp(uniqueEmail(), { role: 'ADMIN', plan: 'PRO' });
    expect((await browser.get('/api/auth/me')).json).toEqual(expect.objectContaining({ role: 'USER', plan: 'FREE' }));
    const res = await browser.patch('/api/auth/me', { displayName: 'Grace', role: 'ADMIN', plan: 'PRO', email: 'other@example.org', id: 'x' });
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual(expect.objectContaining({ displayName: 'Grace', role: 'USER', plan: 'FREE', email: email.toLowerCase() }));
    // A refresh re-reads plan and role from the account: still USER/FREE.
    expect((await browser.post('/api/auth/refresh')).status).toBe(200);
    const claims = JSON.parse(Buffer.from(browser.cookie('access')!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toEqual(expect.objectContaining({ role: 'USER', plan: 'FREE' }));
  });

  it('validates input with clear codes', async () => {
    const browser = await new Browser(h.url).start();
    const weak = await browser.post('/api/auth/register', { email: uniqueEmail(), password: 'password123' });
    expect(weak.status).toBe(422);
    expect(weak.json.error).toEqual(expect.objectContaining({ code: 'WEAK_PASSWORD', details: { problems: ['COMMON'] } }));
    const short = await browser.post('/api/auth/register', { email: uniqueEmail(), password: 'short' });
    expect(short.json.error.details).toEqual({ problems: ['TOO_SHORT'] });
    const bad = await browser.post('/api/auth/register', { email: 'not-an-address', password: goodPassword });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    const { email } = await signedUp();
    const taken = await browser.post('/api/auth/register', { email: ` ${email.toUpperCase()} `, password: goodPassword });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('EMAIL_TAKEN');
  });
});

describe('sessions', () => {
  it('lists my sessions, and another user\'s session is 404 and keeps working', async () => {
    const alice = await signedUp();
    const bob = await signedUp();
    const aliceSessions = (await alice.browser.get('/api/auth/sessions')).json.sessions as { id: string; current: boolean }[];
    expect(aliceSessions).toEqual([expect.objectContaining({ current: true })]);
    const aliceSession = aliceSessions[0]!.id;
    const attempt = await bob.browser.delete(`/api/auth/sessions/${aliceSession}`);
    expect(attempt.status).toBe(404);
    expect(attempt.json.error.code).toBe('NOT_FOUND');
    expect((await bob.browser.delete('/api/auth/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await bob.browser.get('/api/auth/sessions')).json.sessions.map((s: { id: string }) => s.id)).not.toContain(aliceSession);
    expect((await alice.browser.get('/api/auth/me')).status).toBe(200);
    expect((await alice.browser.post('/api/auth/refresh')).status).toBe(200);
    // Alice ends her own session from the list: its refresh token stops working.
    const other = await new Browser(h.url).start();
    await other.post('/api/auth/login', { email: alice.email, password: goodPassword });
    expect((await alice.browser.delete(`/api/auth/sessions/${aliceSession}`)).status).toBe(204);
    expect((await alice.browser.post('/api/auth/refresh')).status).toBe(401);
    expect((await other.get('/api/auth/me')).status).toBe(200);
  });

  it('ends the session on logout: refresh is 401 and the access token stops working', async () => {
    const { browser } = await signedUp();
    const access = browser.cookie('access')!;
    const refresh = browser.cookie('refresh')!;
    const out = await browser.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(browser.cookie('access')).toBeUndefined();
    browser.jar.set('refresh', { value: refresh, path: '/api/auth/refresh' });
    const res = await browser.post('/api/auth/refresh');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('SESSION_EXPIRED');
    browser.jar.set('access', { value: access, path: '/' });
    await waitFor(async () => (await browser.get('/api/auth/me')).status === 401);
  });

  it('revokes the family when a rotated refresh token is replayed after the grace window', async () => {
    const { browser } = await signedUp();
    const stolen = browser.cookie('refresh')!;
    expect((await browser.post('/api/auth/refresh')).status).toBe(200);
    const current = browser.cookie('refresh')!;
    h.clock.advance(11_000);
    const attacker = new Browser(h.url);
    await attacker.start();
    attacker.jar.set('refresh', { value: stolen, path: '/api/auth/refresh' });
    const replay = await attacker.post('/api/auth/refresh');
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('SESSION_REVOKED');
    // The whole family is gone: the legitimate holder's current token too.
    const legit = await browser.post('/api/auth/refresh');
    expect(legit.status).toBe(401);
    expect(current).not.toBe(stolen);
    const familyId = stolen.split('.')[0]!;
    const events = await h.eventStore.readStream(`session-${familyId}`);
    expect(events.map((e) => e.type)).toEqual(['SessionStarted', 'SessionRefreshed', 'RefreshTokenReused', 'SessionEnded']);
    const reuse = events[2]!.data as Record<string, unknown>;
    expect(Object.keys(reuse).sort()).toEqual(['at', 'ipHash', 'sessionId', 'uaFamily', 'userId']);
    expect(JSON.stringify(events)).not.toContain(stolen.split('.')[1]);
    expect(JSON.stringify(events)).not.toContain('127.0.0.1');
  });

  it('keeps one live family when two tabs refresh with the same token at once', async () => {
    const { browser } = await signedUp();
    const token = browser.cookie('refresh')!;
    const tabs = [new Browser(h.url), new Browser(h.url), new Browser(h.url)];
    for (const tab of tabs) {
      tab.jar.set('refresh', { value: token, path: '/api/auth/refresh' });
      tab.jar.set('csrf', { value: browser.cookie('csrf')!, path: '/' });
    }
    const answers = await Promise.all(tabs.map((tab) => tab.post('/api/auth/refresh')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.json.rotated)).toHaveLength(1);
    const winner = tabs[answers.findIndex((a) => a.json.rotated)]!;
    const familyId = token.split('.')[0]!;
    const events = await h.eventStore.readStream(`session-${familyId}`);
    expect(events.map((e) => e.type)).toEqual(['SessionStarted', 'SessionRefreshed']);
    // Every tab has a working access token, and the one new refresh token carries on.
    for (const tab of tabs) expect((await tab.get('/api/auth/me')).status).toBe(200);
    expect((await winner.post('/api/auth/refresh')).status).toBe(200);
  });

  it('ends every earlier session on a password change and keeps this device signed in', async () => {
    const { browser, email } = await signedUp();
    const laptop = await new Browser(h.url).start();
    await laptop.post('/api/auth/login', { email, password: goodPassword });
    const oldRefresh = browser.cookie('refresh')!;
    const wrong = await browser.post('/api/auth/password', { currentPassword: 'wrong password 1', newPassword: 'river stones 1984 x' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('PASSWORD_MISMATCH');
    const weak = await browser.post('/api/auth/password', { currentPassword: goodPassword, newPassword: 'iloveyou12' });
    expect(weak.json.error.code).toBe('WEAK_PASSWORD');
    const changed = await browser.post('/api/auth/password', { currentPassword: goodPassword, newPassword: 'river stones 1984 x' });
    expect(changed.status).toBe(200);
    expect(browser.cookie('refresh')).not.toBe(oldRefresh);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    expect((await browser.post('/api/auth/refresh')).status).toBe(200);
    const stale = new Browser(h.url);
    stale.jar.set('refresh', { value: oldRefresh, path: '/api/auth/refresh' });
    stale.jar.set('csrf', { value: browser.cookie('csrf')!, path: '/' });
    expect((await stale.post('/api/auth/refresh')).status).toBe(401);
    expect((await laptop.post('/api/auth/refresh')).status).toBe(401);
    const relogin = await new Browser(h.url).start();
    expect((await relogin.post('/api/auth/login', { email, password: goodPassword })).status).toBe(401);
    expect((await relogin.post('/api/auth/login', { email, password: 'river stones 1984 x' })).status).toBe(200);
    const passwordEvent = (await h.eventStore.readAll({ after: 0, limit: 100_000 })).find((e) => e.type === 'PasswordChanged')!;
    expect(Object.keys(passwordEvent.data as object).sort()).toEqual(['at', 'ipHash', 'passwordHash', 'uaFamily', 'userId']);
    expect(String((passwordEvent.data as { passwordHash: string }).passwordHash)).toMatch(/^v1\./);
  });

  it('makes 300 ordinary authenticated requests in a minute without meeting a limit', async () => {
    const { browser } = await signedUp();
    const statuses: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const res = i % 50 === 49 ? await browser.post('/api/auth/refresh') : await browser.get('/api/auth/me');
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('account deletion', () => {
  it('deletes the account, ends its sessions, frees the address and shreds the personal data', async () => {
    const { browser, email, user } = await signedUp(uniqueEmail(), { displayName: 'Leaving Soon' });
    const refresh = browser.cookie('refresh')!;
    expect((await browser.delete('/api/auth/me', { password: 'wrong password 1' })).status).toBe(403);
    const res = await browser.delete('/api/auth/me', { password: goodPassword });
    expect(res.status).toBe(204);
    browser.jar.set('refresh', { value: refresh, path: '/api/auth/refresh' });
    expect((await browser.post('/api/auth/refresh')).status).toBe(401);
    const login = await new Browser(h.url).start();
    expect((await login.post('/api/auth/login', { email, password: goodPassword })).status).toBe(401);
    // The key is gone and the read model row with it; the events hold nothing readable.
    const keyRows = await h.db.pool.query(rawCount('accounts_user_keys', user.id));
    expect(keyRows.rows[0]).toEqual({ count: 0 });
    await waitFor(async () => (await h.db.pool.query(rawCount('users', user.id))).rows[0]!.count === 0);
    const events = await h.eventStore.readStream(`user-${user.id}`);
    expect(events.map((e) => e.type)).toEqual(['UserRegistered', 'UserDeleted']);
    const text = JSON.stringify(events);
    expect(text).not.toContain(email.split('@')[0]!);
    expect(text).not.toContain('Leaving Soon');
    expect(text).not.toContain('$argon2');
    // The address can be used again.
    const again = await new Browser(h.url).start();
    expect((await again.post('/api/auth/register', { email, password: goodPassword })).status).toBe(201);
  });
});

describe('concurrent registrations', () => {
  it('lets exactly one of many simultaneous sign-ups for one address through', async () => {
    const email = uniqueEmail('race');
    const browsers = await Promise.all(Array.from({ length: 8 }, () => new Browser(h.url).start()));
    const answers = await Promise.all(browsers.map((b) => b.post('/api/auth/register', { email, password: goodPassword })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json.error.code).toBe('EMAIL_TAKEN');
    const reservation = (await h.eventStore.readAll({ after: 0, limit: 100_000 })).filter((e) => e.type === 'EmailReserved' && e.streamId.startsWith('email-'));
    const forThisAddress = reservation.filter((e) => (e.data as { userId: string }).userId === answers.find((a) => a.status === 201)!.json.user.id);
    expect(forThisAddress).toHaveLength(1);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function rawCount(table: 'users' | 'accounts_user_keys', userId: string) {
  return table === 'users'
    ? sql.type(z.object({ count: z.number() }))`select count(*)::int as count from users where user_id = ${userId}`
    : sql.type(z.object({ count: z.number() }))`select count(*)::int as count from accounts_user_keys where user_id = ${userId}`;
}
