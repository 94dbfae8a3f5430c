import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { stripeMockBinary } from '../../scripts/lib/stripe-mock.ts';
import { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// Paid analyses through the real processes: Checkout Sessions on stripe-mock, webhooks signed
// with the configured secret and checked by Stripe's own code in the API, and the pay step of
// the real Temporal workflow spending the credit.
const webhookSecret = 'whsec_e2eTestSecret0123456789';
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_barry_allen_fe.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/frontend-eng.txt', import.meta.url), 'utf8');
const signer = new Stripe('sk_test_signer');

let stripeMock: LocalServer;
let product: RunningProduct;
beforeAll(async () => {
  stripeMock = await startLocalServer({ name: 'stripe-mock', binary: stripeMockBinary, args: (port) => ['-http-port', String(port)] });
  product = await startProduct({ STRIPE_SECRET_KEY: 'sk_test_e2e123', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: stripeMock.endpoint });
}, 120_000);
afterAll(async () => {
  await product?.stop();
  await stripeMock?.stop();
});

async function member(): Promise<Browser> {
  const browser = new Browser(product.baseUrl);
  browser.origin = product.baseUrl;
  await browser.request('GET', '/api/auth/csrf');
  const registered = await browser.request('POST', '/api/auth/register', { body: { email: `payer-${Date.now()}@example.com`, password: 'correct horse battery staple 9' } });
  expect(registered.status).toBe(201);
  return browser;
}

async function draftWithResume(browser: Browser): Promise<string> {
  const created = await browser.request('POST', '/api/drafts', { body: { job: { title: 'Frontend Engineer', company: 'Acme', text: jobText } } });
  const draftId = String(created.json.id);
  expect((await browser.upload(`/api/drafts/${draftId}/resume`, resume, 'barry.pdf')).status).toBe(201);
  return draftId;
}

function webhook(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event);
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
  return fetch(`${product.baseUrl}/api/payments/webhook`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
}

const completed = (id: string, sessionId: string, draftId: string) => ({
  id, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000),
  data: { object: { id: sessionId, object: 'checkout.session', payment_status: 'paid', payment_intent: 'pi_e2e', amount_total: 499, currency: 'eur', client_reference_id: draftId, metadata: { draftId } } },
});

async function credits(browser: Browser, draftId: string): Promise<number> {
  return Number((await browser.request('GET', `/api/drafts/${draftId}/payment`)).json.credits);
}

describe('paying for an analysis with Stripe', () => {
  it('asks for payment, takes one signed webhook once, and analyses with the credit', async () => {
    const browser = await member();
    const draftId = await draftWithResume(browser);

    const unpaid = await browser.request('POST', `/api/drafts/${draftId}/analyses`);
    expect(unpaid.status).toBe(402);
    expect(unpaid.json.error).toMatchObject({ code: 'PAYMENT_REQUIRED', details: { amount: 499, currency: 'EUR' } });

    const checkout = await browser.request('POST', '/api/payments/checkout', { body: { draftId } });
    expect(checkout.status).toBe(201);
    expect(String(checkout.json.url)).toMatch(/^https:\/\/checkout\.stripe\.com\//);

    // Forged, stale and unsigned deliveries change nothing.
    const event = completed('evt_e2e_1', 'cs_e2e_1', draftId);
    const forged = await webhook(event, { secret: 'whsec_wrong0000000000' });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await webhook(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    expect((await fetch(`${product.baseUrl}/api/payments/webhook`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await credits(browser, draftId)).toBe(0);

    // The same event in turn and at once, and the async "succeeded" for the same session: one credit.
    expect((await webhook(event)).status).toBe(200);
    const burst = await Promise.all([webhook(event), webhook(event), webhook({ ...event, id: 'evt_e2e_2', type: 'checkout.session.async_payment_succeeded' })]);
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await credits(browser, draftId)).toBe(1);

    const started = await browser.request('POST', `/api/drafts/${draftId}/analyses`);
    expect(started.status).toBe(202);
    let job = await browser.request('GET', `/api/jobs/${String(started.json.jobId)}`);
    for (let i = 0; i < 300 && job.json.status !== 'succeeded' && job.json.status !== 'failed'; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      job = await browser.request('GET', `/api/jobs/${String(started.json.jobId)}`);
    }
    expect(job.json).toMatchObject({ status: 'succeeded' });
    expect((job.json.steps as Record<string, { status: string }>).pay?.status).toBe('succeeded');
    expect(await credits(browser, draftId)).toBe(0);
    expect((await browser.request('POST', `/api/drafts/${draftId}/analyses`)).status).toBe(402);
  }, 120_000);

  it('ignores an expiry that arrives after the payment, and events for drafts it does not know', async () => {
    const browser = await member();
    const draftId = await draftWithResume(browser);
    const paid = completed('evt_e2e_3', 'cs_e2e_3', draftId);
    expect((await webhook({ ...paid, id: 'evt_e2e_4', type: 'checkout.session.expired' })).status).toBe(200);
    expect(await credits(browser, draftId)).toBe(0);
    const late = completed('evt_e2e_5', 'cs_e2e_5', draftId);
    expect((await webhook(late)).status).toBe(200);
    expect((await webhook({ ...late, id: 'evt_e2e_6', type: 'checkout.session.expired' })).status).toBe(200);
    expect(await credits(browser, draftId)).toBe(1);
    const stray = await webhook({ ...completed('evt_e2e_7', 'cs_e2e_7', draftId), data: { object: { id: 'cs_e2e_7', object: 'checkout.session', metadata: {} } } });
    expect(await stray.json()).toMatchObject({ received: true, applied: false });
  }, 60_000);
});
