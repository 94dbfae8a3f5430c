import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'slonik';
import Stripe from 'stripe';
import { committedHead } from '../../../test/support/db.ts';
import { isAppError } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/event-store/index.ts';
import { createPositionWaiter, startProjector, type PositionWaiter, type RunningProjector } from '../../projections/index.ts';
import { Browser, goodPassword, startHarness, uniqueEmail, type Harness } from '../accounts/testing/harness.ts';
import { createOfflineEngine } from '../analysis/index.ts';
import { applicationEvents, createApplicationsService, createFollowUpActivities } from '../applications/index.ts';
import { createDraftPipelineService, draftEvents } from '../drafts/index.ts';
import { extractResume, type FilesActivities, closeSharedExtractors } from '../files/index.ts';
import { createPaymentsService, createStripeGateway, paymentEvents, type PaymentsService } from '../payments/index.ts';
import { createPipelineActivities, pipelineEvents } from '../pipeline/index.ts';
import { notificationEvents, notificationStream } from './events.ts';
import { applicationFollowUpSender } from './follow-up-sender.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createNotificationsRouter } from './routes.ts';
import { createNotificationsService, type NotificationsService, type SendOutcome } from './service.ts';
import { notificationsSubscriber } from './subscriber.ts';
import { readOutbox, type OutboxMessage } from './testing/outbox.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

// The welcome, receipt and analysis-ready e-mails end to end in one process: real registration
// over HTTP, a Stripe webhook signed and verified by Stripe's own code, the real analyze step (the
// offline engine) — and the notifications subscriber on the projector, writing to a real outbox.

const publicUrl = 'http://localhost:3000';
const signingSecret = 'test-notifications-secret-0123456789abcdef';
const webhookSecret = 'whsec_notificationsTest0123456789';
const resumeText = `Maria Lopez
maria.lopez@example.com

EXPERIENCE
Operations Analyst — Northwind Logistics | Mar 2021 – Present
- Built the weekly capacity forecasts in Python for 40 depots

SKILLS
SQL, Python, Tableau
`;

let h: Harness;
let outbox: string;
let service: NotificationsService;
let payments: PaymentsService;
let waiter: PositionWaiter;
let subscriber: RunningProjector | undefined;
let analyze: ReturnType<typeof createPipelineActivities>['analyzeDraft'];
/** What each send the subscriber asked for came to, in order. */
const outcomes: SendOutcome[] = [];

const startSubscriber = () => {
  const drafts = createDraftPipelineService({ eventStore: h.eventStore, now: () => new Date() });
  subscriber = startProjector({
    pool: h.db.pool, eventStore: h.eventStore, retryDelayMs: 100,
    projections: [notificationsSubscriber({
      service: { send: async (...args) => { const outcome = await service.send(...args); outcomes.push(outcome); return outcome; } },
      publicUrl,
      ownerOfDraft: async (draftId) => (await drafts.analysisSourceOf(draftId))?.owner ?? null,
      readModelsAt: (position) => waiter.waitForPosition(['users'], position, 10_000),
    })],
  });
};

/** Waits until the subscriber has handled everything written so far. */
async function settled(): Promise<void> {
  expect(await waiter.waitForPosition(['notifications'], await committedHead(h.db.pool), 20_000)).toBe(true);
}

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'outbox-'));
  h = await startHarness({
    extraEvents: [...draftEvents, ...pipelineEvents, ...paymentEvents, ...applicationEvents, ...notificationEvents],
    // The e-mail service as src/bin/wiring.ts builds it: the address is opened through accounts.
    extraRouters: (accounts, eventStore) => {
      service = createNotificationsService({
        eventStore, sender: createOutboxSender(outbox), transport: 'outbox', from: 'coach@example.com', publicUrl, signingSecret,
        recipientOf: async (userId) => {
          try {
            const profile = await accounts.service.profile(userId);
            return { email: profile.email, name: profile.displayName };
          } catch (error) {
            if (isAppError(error) && error.code === 'NOT_FOUND') return null;
            throw error;
          }
        },
      });
      return [createNotificationsRouter({ service, signingSecret })];
    },
  });
  waiter = createPositionWaiter(h.db.pool, { defaultTimeoutMs: 10_000 });
  const drafts = createDraftPipelineService({ eventStore: h.eventStore, now: () => new Date() });
  payments = createPaymentsService({
    eventStore: h.eventStore, gateway: createStripeGateway({ secretKey: 'sk_test_notifications', webhookSecret }),
    price: { amount: 499, currency: 'EUR' }, publicUrl, planOf: async () => 'FREE',
    ownerOfDraft: async (draftId) => (await drafts.analysisSourceOf(draftId))?.owner ?? null,
  });
  const activities = createPipelineActivities({
    eventStore: h.eventStore, drafts, files: {} as FilesActivities, engine: createOfflineEngine(),
    jobs: { recordStep: async () => undefined, markRefundDue: async () => undefined },
    planOf: async () => 'FREE', decidePayment: async () => ({ status: 'waived' }),
  });
  analyze = (job) => activities.analyzeDraft(job);
  startSubscriber();
}, 60_000);

afterAll(async () => {
  await subscriber?.stop();
  waiter?.close();
  await closeSharedExtractors();
  await h?.close();
  await rm(outbox, { recursive: true, force: true });
});

async function register(displayName?: string): Promise<{ userId: string; email: string }> {
  const browser = await new Browser(h.url).start();
  const email = uniqueEmail('mail');
  const answer = await browser.post('/api/auth/register', { email, password: goodPassword, ...(displayName ? { displayName } : {}) });
  expect(answer.status).toBe(201);
  return { userId: answer.json.user.id, email };
}

const context = (): CommandContext => ({ commandId: randomUUID(), correlationId: 'notifications-test', actor: { kind: 'system', id: 'test' }, now: new Date() });

/** A draft with its résumé already read, as the extract step leaves it. */
async function readyDraft(owner: { kind: 'user' | 'guest'; id: string }): Promise<string> {
  const draftId = randomUUID();
  const at = new Date().toISOString();
  const extracted = await extractResume(new TextEncoder().encode(resumeText), 'txt');
  const storageKey = `resumes/${owner.kind}-${owner.id}/${randomUUID()}.txt`;
  await h.eventStore.append(`draft-${draftId}`, [
    { type: 'DraftCreated', data: { draftId, owner, title: null, at } },
    { type: 'JobDescriptionSet', data: { draftId, job: { title: 'Data Analyst', company: 'Contoso', text: 'We want SQL, Python and Tableau for forecasting.', postingId: null }, at } },
    { type: 'ResumeUploaded', data: { draftId, file: { storageKey, displayName: 'cv.txt', size: resumeText.length, kind: 'txt', sha256: '0'.repeat(64) }, at } },
    { type: 'DraftStatusChanged', data: { draftId, from: 'DRAFT', to: 'IN_REVIEW', at } },
    { type: 'ResumeTextExtracted', data: { draftId, storageKey, jobId: randomUUID(), extracted, at } },
  ], { expectedRevision: 'no_stream', command: context() });
  return draftId;
}

/** A Stripe "checkout.session.completed" for the draft, signed as Stripe signs it. */
async function paidWebhook(draftId: string): Promise<void> {
  const event = {
    id: `evt_${randomUUID().slice(0, 8)}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000),
    data: { object: { id: `cs_${randomUUID().slice(0, 8)}`, object: 'checkout.session', payment_status: 'paid', payment_intent: 'pi_test', amount_total: 499, currency: 'eur', client_reference_id: draftId, metadata: { draftId } } },
  };
  const payload = JSON.stringify(event);
  const signature = new Stripe('sk_test_signer').webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
  expect(await payments.handleWebhook(Buffer.from(payload), signature)).toMatchObject({ applied: true });
}

const to = async (email: string): Promise<OutboxMessage[]> => (await readOutbox(outbox)).filter((m) => m.headers.to === email);
const sentEvents = async (userId: string) => (await h.eventStore.readStream(notificationStream(userId))).filter((e) => e.type === 'EmailSent');

function expectWellFormed(message: OutboxMessage, userId: string) {
  expect(message.headers.from).toBe('coach@example.com');
  expect(message.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/notifications\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
  const link = message.headers['list-unsubscribe']!.slice(1, -1);
  expect(message.text).toContain(link);
  expect(message.html).toContain(link);
  expect(message.text).not.toContain(userId);
  // Nothing of the résumé, the job or the account's secrets.
  for (const part of [message.text, message.html]) {
    for (const secret of ['Northwind', 'forecasts', 'Tableau', goodPassword, 'argon2']) expect(part).not.toContain(secret);
  }
}

describe('e-mail on registration, payment and a finished analysis', () => {
  let maria: { userId: string; email: string };
  let draftId: string;

  it('welcomes a person who registers, once', async () => {
    maria = await register('María');
    await settled();
    const mail = await to(maria.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.headers.subject).toBe('Welcome to Résumé coach');
    expect(mail[0]!.text).toMatch(/^Hello María,\n/);
    expectWellFormed(mail[0]!, maria.userId);
  });

  it('sends one receipt for a payment, with the amount and a link to the draft', async () => {
    draftId = await readyDraft({ kind: 'user', id: maria.userId });
    await paidWebhook(draftId);
    await settled();
    const receipts = (await to(maria.email)).filter((m) => m.headers.subject === 'Your Résumé coach receipt');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text).toContain('€4.99');
    expect(receipts[0]!.text).toContain(`${publicUrl}/drafts/${draftId}`);
    expectWellFormed(receipts[0]!, maria.userId);
  });

  it('says once that the analysis is ready — the real analyze step, retried as Temporal would', async () => {
    const job = { draftId, jobId: randomUUID() };
    await analyze(job);
    await analyze(job);
    await settled();
    const ready = (await to(maria.email)).filter((m) => m.headers.subject === 'Your analysis is ready');
    expect(ready).toHaveLength(1);
    expect(ready[0]!.html).toContain(`href="${publicUrl}/drafts/${draftId}"`);
    expectWellFormed(ready[0]!, maria.userId);
    expect(await to(maria.email)).toHaveLength(3);
    expect((await sentEvents(maria.userId)).map((e) => (e.data as { kind: string }).kind).sort()).toEqual(['analysis-ready', 'payment-receipt', 'welcome']);
  });

  it('sends nothing again when restarted from its checkpoint, nor when replayed from the very start', async () => {
    const before = (await readOutbox(outbox)).map((m) => m.file);
    await subscriber!.stop();
    startSubscriber();
    await settled();
    await subscriber!.stop();
    // A lost checkpoint (or a redelivered batch): every event comes again.
    await h.db.pool.query(sql.unsafe`update projection_checkpoints set position = 0 where name = 'notifications'`);
    outcomes.length = 0;
    startSubscriber();
    await settled();
    expect(outcomes).toEqual(['already-sent', 'already-sent', 'already-sent']);
    expect((await readOutbox(outbox)).map((m) => m.file)).toEqual(before);
    expect(await sentEvents(maria.userId)).toHaveLength(3);
  });

  it('sends no analysis-ready mail to a person who unsubscribed from updates (through the link), but still the receipt', async () => {
    const eve = await register();
    const link = `/api/notifications/unsubscribe?token=${unsubscribeToken(signingSecret, eve.userId, 'updates')}`;
    const browser = new Browser(h.url);
    expect((await browser.get(link)).json).toMatchObject({ unsubscribed: true, category: 'updates' });
    const draft = await readyDraft({ kind: 'user', id: eve.userId });
    await paidWebhook(draft);
    await analyze({ draftId: draft, jobId: randomUUID() });
    await settled();
    expect((await to(eve.email)).map((m) => m.headers.subject).sort()).toEqual(['Welcome to Résumé coach', 'Your Résumé coach receipt']);
  });

  it('writes to nobody for a guest’s analysis', async () => {
    const before = (await readOutbox(outbox)).length;
    const guestId = randomUUID();
    await analyze({ draftId: await readyDraft({ kind: 'guest', id: guestId }), jobId: randomUUID() });
    await settled();
    expect(await readOutbox(outbox)).toHaveLength(before);
    expect(await h.eventStore.readStream(notificationStream(guestId))).toHaveLength(0);
  });
});

describe('the application follow-up (the tracker\'s activity, through this module)', () => {
  it('mails the owner once per "applied" moment, linking to the tracker, with the company escaped and an unsubscribe link', async () => {
    const paula = await register();
    const appliedAt = new Date('2026-11-02T09:00:00.000Z');
    const tracker = createApplicationsService({ eventStore: h.eventStore, ownsDraft: async () => false, now: () => appliedAt });
    const { id } = await tracker.create({ requestId: 'follow-up-test' }, paula.userId, {
      status: 'applied', details: { company: '<b>Acme</b> & Sons', role: 'Analyst', postingUrl: null, postingId: null, draftId: null, notes: 'Salary 90k, referral from Jo', appliedOn: null },
    });
    const activities = createFollowUpActivities({ service: tracker, sendFollowUp: applicationFollowUpSender({ service, publicUrl }) });
    expect(await activities.followUpDue({ applicationId: id, appliedAt: appliedAt.toISOString() })).toBe('sent');
    // Temporal retries the activity (say the worker died after sending): the send is asked for again
    // (the first try may have died before it), and the notifications stream keeps it to one.
    expect(await activities.followUpDue({ applicationId: id, appliedAt: appliedAt.toISOString() })).toBe('sent');
    await settled();
    const followUps = (await to(paula.email)).filter((m) => m.headers.subject === 'Time to follow up on your application');
    expect(followUps).toHaveLength(1);
    const [mail] = followUps;
    expect(mail!.text).toContain(`${publicUrl}/tracker/${id}`);
    expect(mail!.text).toContain('to <b>Acme</b> & Sons.');
    expect(mail!.html).toContain('to &#60;b&#62;Acme&#60;/b&#62; &#38; Sons.');
    expect(mail!.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/notifications\/unsubscribe\?token=/);
    expect(`${mail!.text}${mail!.html}`).not.toContain('Salary');
  });
});

describe('hostile names and addresses', () => {
  it('keeps a name with HTML and CR/LF to one escaped line: no added header, no markup', async () => {
    const hostile = await register('<img src=x onerror=alert(1)>\r\nBcc: evil@example.com');
    await settled();
    const [mail, ...more] = await to(hostile.email);
    expect(more).toHaveLength(0);
    const head = mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^bcc:/im);
    expect(mail!.raw).not.toContain('evil@example.com\r\n');
    expect(mail!.html).not.toContain('<img');
    expect(mail!.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail!.text.split('\n')[0]).toBe('Hello <img src=x onerror=alert(1)> Bcc: evil@example.com,');
  });

  it('refuses an address carrying a header at registration, so no mail can go to it', async () => {
    const before = (await readOutbox(outbox)).length;
    const browser = await new Browser(h.url).start();
    const answer = await browser.post('/api/auth/register', { email: 'mallory@example.com\r\nBcc: evil@example.com', password: goodPassword });
    expect(answer.status).toBe(422);
    await settled();
    expect(await readOutbox(outbox)).toHaveLength(before);
  });
});
