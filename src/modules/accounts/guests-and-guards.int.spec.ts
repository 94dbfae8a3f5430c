import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'slonik';
import { z } from 'zod';
import { createHmac } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { createRouter, requestBody } from '../../platform/http/index.ts';
import { actorOf } from './actor.ts';
import { deriveKeys } from './keys.ts';
import { Browser, goodPassword, startHarness, uniqueEmail, type Answer, type Harness } from './testing/harness.ts';
import { committedHead } from '../../../test/support/db.ts';

// Guests (cookie, free analysis, claim on sign-up, purge), route guards, forged access tokens and
// the sign-in rate limits, through HTTP with a small router standing in for the drafts module.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    rateRules: {
      loginFailuresPerAccount: { name: 'login-failures-account', limit: 5, windowSeconds: 900 },
      loginFailuresPerIp: { name: 'login-failures-ip', limit: 1_000, windowSeconds: 900 },
    },
    extraRouters: (accounts) => {
      const router = createRouter();
      router.post('/api/test/drafts', accounts.middleware.csrf, async (ctx) => {
        const owner = await accounts.ensureActor(ctx);
        ctx.status = 201;
        ctx.body = { owner };
      });
      router.post('/api/test/analyses', accounts.middleware.csrf, accounts.middleware.actor, async (ctx) => {
        const actor = actorOf(ctx);
        if (actor?.kind !== 'guest') throw new AppError('FORBIDDEN');
        await accounts.service.useGuestFreeAnalysis({ requestId: 'test', ip: ctx.ip, userAgent: undefined }, actor.guestId, String((requestBody(ctx) as { draftId: string }).draftId));
        ctx.status = 202;
      });
      router.get('/api/test/whoami', accounts.middleware.actor, (ctx) => {
        ctx.body = { actor: actorOf(ctx) ?? null };
      });
      router.get('/api/test/admin', accounts.requireRole('ADMIN', 'SUPPORT'), (ctx) => {
        ctx.body = { ok: true };
      });
      router.get('/api/test/pro-panels', accounts.requireEntitlement('coachingPanels'), (ctx) => {
        ctx.body = { ok: true };
      });
      return [router];
    },
  });
}, 60_000);
afterAll(() => h?.close());

async function signedUp(browser?: Browser) {
  const b = browser ?? (await new Browser(h.url).start());
  const email = uniqueEmail();
  const res = await b.post('/api/auth/register', { email, password: goodPassword });
  expect(res.status).toBe(201);
  return { browser: b, email, userId: res.json.user.id };
}

describe('guests', () => {
  it('gets a signed guest cookie with its first draft and keeps the same guest after', async () => {
    const browser = await new Browser(h.url).start();
    expect((await browser.get('/api/test/whoami')).json.actor).toBeNull();
    const first = await browser.post('/api/test/drafts');
    expect(first.status).toBe(201);
    expect(first.json.owner.kind).toBe('guest');
    const cookie = first.setCookies.find((c) => c.startsWith('guest='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Max-Age=86400/);
    const second = await browser.post('/api/test/drafts');
    expect(second.json.owner).toEqual(first.json.owner);
    expect(second.setCookies.some((c) => c.startsWith('guest='))).toBe(false);
    expect((await browser.get('/api/test/whoami')).json.actor).toEqual(first.json.owner);
  });

  it('asks a user whose access token expired to refresh instead of making them a guest', async () => {
    const { browser } = await signedUp();
    h.clock.advance(16 * 60_000);
    const res = await browser.post('/api/test/drafts');
    expect(res.status).toBe(401);
    expect(res.json.error.details).toEqual({ reason: 'expired' });
    expect(browser.cookie('guest')).toBeUndefined();
    expect((await browser.post('/api/auth/refresh')).status).toBe(200);
    expect((await browser.post('/api/test/drafts')).json.owner.kind).toBe('user');
  });

  it('allows one free analysis per guest', async () => {
    const browser = await new Browser(h.url).start();
    await browser.post('/api/test/drafts');
    expect((await browser.post('/api/test/analyses', { draftId: 'd-1' })).status).toBe(202);
    expect((await browser.post('/api/test/analyses', { draftId: 'd-1' })).status).toBe(202);
    const again = await browser.post('/api/test/analyses', { draftId: 'd-2' });
    expect(again.status).toBe(402);
    expect(again.json.error.code).toBe('FREE_ANALYSIS_USED');
  });

  it('ignores a forged guest cookie', async () => {
    const browser = await new Browser(h.url).start();
    browser.jar.set('guest', { value: `00000000-0000-4000-8000-000000000000.${Math.floor(Date.now() / 1000) + 3600}.${'A'.repeat(43)}`, path: '/' });
    expect((await browser.get('/api/test/whoami')).json.actor).toBeNull();
  });

  it('claims the guest\'s drafts on sign-up and on sign-in, then clears the cookie', async () => {
    const browser = await new Browser(h.url).start();
    const guestId = (await browser.post('/api/test/drafts')).json.owner.guestId;
    const { userId, email } = await signedUp(browser);
    expect(browser.cookie('guest')).toBeUndefined();
    const userEvents = await h.eventStore.readStream(`user-${userId}`);
    expect(userEvents.map((e) => e.type)).toEqual(['UserRegistered', 'GuestClaimed']);
    expect(userEvents[1]!.data).toEqual(expect.objectContaining({ guestId, userId }));

    const other = await new Browser(h.url).start();
    const secondGuest = (await other.post('/api/test/drafts')).json.owner.guestId;
    expect((await other.post('/api/auth/login', { email, password: goodPassword })).status).toBe(200);
    expect(other.cookie('guest')).toBeUndefined();
    const after = await h.eventStore.readStream(`user-${userId}`);
    expect(after.map((e) => (e.data as { guestId?: string }).guestId).filter(Boolean)).toEqual([guestId, secondGuest]);
  });

  it('purges guests who never signed up after 72 hours, and keeps those who did', async () => {
    const stay = await new Browser(h.url).start();
    const leave = await new Browser(h.url).start();
    const leaver = (await leave.post('/api/test/drafts')).json.owner.guestId;
    await stay.post('/api/test/drafts');
    const stayer = actorGuest(await stay.get('/api/test/whoami'));
    await signedUp(stay);
    await h.accounts.service.purgeExpiredGuests(); // nothing is old enough yet
    expect((await h.eventStore.readStream(`guest-${leaver}`)).map((e) => e.type)).toEqual(['GuestStarted']);
    await waitForProjection();
    h.clock.advance(73 * 3_600_000);
    const first = await h.accounts.activities.purgeExpiredGuests();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await h.eventStore.readStream(`guest-${leaver}`)).map((e) => e.type)).toEqual(['GuestStarted', 'GuestExpired']);
    expect((await h.eventStore.readStream(`guest-${stayer}`)).map((e) => e.type)).toEqual(['GuestStarted', 'GuestConverted']);
    await waitForProjection();
    expect((await h.accounts.activities.purgeExpiredGuests()).expired).toBe(0);
  });
});

describe('guards', () => {
  it('answers 401 without a user, 403 for the wrong role or plan', async () => {
    const anonymous = await new Browser(h.url).start();
    const nobody = await anonymous.get('/api/test/admin');
    expect(nobody.status).toBe(401);
    expect(nobody.json.error.code).toBe('UNAUTHENTICATED');
    const { browser, userId } = await signedUp();
    expect((await browser.get('/api/test/admin')).status).toBe(403);
    const upgrade = await browser.get('/api/test/pro-panels');
    expect(upgrade.status).toBe(403);
    expect(upgrade.json.error.code).toBe('PLAN_UPGRADE_REQUIRED');
    const system = { kind: 'system' as const, id: 'test' };
    const req = { requestId: 'test', ip: undefined, userAgent: undefined };
    await h.accounts.service.changeRole(req, system, userId, 'SUPPORT');
    await h.accounts.service.changePlan(req, system, userId, 'PRO', 'subscription');
    // Role and plan travel in the access token: the next refresh carries the new ones.
    expect((await browser.post('/api/auth/refresh')).status).toBe(200);
    expect((await browser.get('/api/test/admin')).status).toBe(200);
    expect((await browser.get('/api/test/pro-panels')).status).toBe(200);
    await waitForProjection();
    expect((await browser.get('/api/auth/me')).json).toEqual(expect.objectContaining({ plan: 'PRO', role: 'SUPPORT', entitlements: expect.objectContaining({ rewritesPerDay: 50, exportWatermark: false }) }));
  });

  it('answers 401 for forged, expired or misused access tokens', async () => {
    const { browser } = await signedUp();
    const genuine = browser.cookie('access')!;
    const [head, payload, signature] = genuine.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const key = deriveKeys({ authSecret: 'test-auth-secret-0123456789abcdefghij', guestSecret: 'x'.repeat(32), personalDataKey: 'y'.repeat(32) }).accessToken;
    const resign = (h64: string, p64: string) => `${h64}.${p64}.${createHmac('sha256', key).update(`${h64}.${p64}`).digest('base64url')}`;
    expect(resign(head, payload)).toBe(genuine); // the test signs exactly as the server does
    const { exp: _exp, ...noExp } = claims;
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    const forged: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'alg HS512': resign(b64({ alg: 'HS512', typ: 'JWT' }), payload),
      'changed payload': `${head}.${b64({ ...claims, role: 'ADMIN' })}.${signature}`,
      'flipped signature byte': `${head}.${payload}.${flipped.toString('base64url')}`,
      'no exp': resign(head, b64(noExp)),
      'expired': resign(head, b64({ ...claims, iat: Number(claims.iat) - 3600, exp: Number(claims.iat) - 60 })),
      'wrong aud': resign(head, b64({ ...claims, aud: 'another-api' })),
      'wrong iss': resign(head, b64({ ...claims, iss: 'https://evil.example' })),
      'refresh token as access': browser.cookie('refresh')!,
    };
    for (const [name, token] of Object.entries(forged)) {
      const probe = new Browser(h.url);
      probe.jar.set('access', { value: token, path: '/' });
      const res = await probe.get('/api/auth/me');
      expect({ name, status: res.status, code: res.json.error?.code }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
    }
    const control = new Browser(h.url);
    control.jar.set('access', { value: genuine, path: '/' });
    expect((await control.get('/api/auth/me')).status).toBe(200);
  });
});

describe('sign-in rate limits', () => {
  it('answers 429 with Retry-After and resetAt after too many failures for one account', async () => {
    const { email } = await signedUp();
    const browser = await new Browser(h.url).start();
    for (let i = 0; i < 5; i += 1) expect((await browser.post('/api/auth/login', { email, password: `wrong password ${i}` })).status).toBe(401);
    const limited = await browser.post('/api/auth/login', { email, password: goodPassword });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.parse(limited.json.error.details.resetAt as string)).toBeGreaterThan(Date.now());
    // An unknown address is limited the same way: the limit says nothing about who has an account.
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 5; i += 1) await browser.post('/api/auth/login', { email: ghost, password: `wrong password ${i}` });
    expect((await browser.post('/api/auth/login', { email: ghost, password: 'x' })).status).toBe(429);
  });

  it('never limits someone who signs in successfully again and again', async () => {
    const { email } = await signedUp();
    const browser = await new Browser(h.url).start();
    for (let i = 0; i < 12; i += 1) expect((await browser.post('/api/auth/login', { email, password: goodPassword })).status).toBe(200);
  });
});

function actorGuest(res: { json: Answer }): string {
  return res.json.actor!.guestId;
}

async function waitForProjection(): Promise<void> {
  const head = await committedHead(h.db.pool);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const rows = await h.db.pool.query(rawCheckpoints());
    if (rows.rows.every((r) => Number(r.position) >= head) && rows.rows.length >= 3) return;
    if (Date.now() > deadline) throw new Error('projections did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function rawCheckpoints() {
  return sql.type(z.object({ name: z.string(), position: z.bigint() }))`
    select name, position from projection_checkpoints where name in ('users', 'sessions', 'users-guests')`;
}
