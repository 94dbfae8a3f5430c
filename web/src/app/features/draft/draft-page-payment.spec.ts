import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { FakeEventSource, fakeEventSourceFactory } from '../../testing/fake-event-source';
import { DraftPage } from './draft-page';
import { EVENT_SOURCE, JOB_POLL_MS } from './job-watcher';
import { EXTERNAL_NAVIGATE, PAYMENT_POLL_MS } from './pay-step';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

const draftJson = {
  id: 'd1',
  title: 'Acme application',
  status: 'DRAFT',
  job: { title: 'Frontend engineer', company: 'Acme', text: 'We need Angular.' },
  resume: { displayName: 'cv.pdf', kind: 'pdf', size: 120_000 },
  extraction: null,
};
const notFound = (code: string) => [{ error: { code, message: 'None' } }, { status: 404, statusText: 'Not Found' }] as const;

describe('DraftPage pay step', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;
  const navigate = vi.fn();

  beforeEach(async () => {
    FakeEventSource.reset();
    navigate.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'drafts/:id', component: DraftPage }], withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: fakeEventSourceFactory },
        { provide: JOB_POLL_MS, useValue: 10 },
        { provide: EXTERNAL_NAVIGATE, useValue: navigate },
        { provide: PAYMENT_POLL_MS, useValue: 5 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    for (const request of httpTesting.match((r) => /\/(rewrite|exports)$/.test(r.url)))
      request.flush(...notFound('REWRITE_NOT_FOUND'));
    httpTesting.verify();
  });

  const root = () => harness.routeNativeElement as HTMLElement;
  const button = (text: string) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.includes(text))!;

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url);
    await settle();
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson);
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [] });
    await settle();
    httpTesting.expectOne('/api/drafts/d1/analysis').flush(...notFound('ANALYSIS_NOT_FOUND'));
    await settle();
  }

  it('turns a 402 PAYMENT_REQUIRED into the price and a "Pay and analyse" button, not an error', async () => {
    await open('/drafts/d1');
    button('Run analysis').click();
    await settle();
    httpTesting.expectOne('/api/drafts/d1/analyses').flush(
      {
        error: {
          code: 'PAYMENT_REQUIRED',
          message: 'This analysis needs a payment first.',
          details: { amount: 490, currency: 'EUR', checkout: '/api/payments/checkout' },
        },
      },
      { status: 402, statusText: 'Payment Required' },
    );
    await settle();
    expect(root().querySelector('app-api-error-alert')).toBeNull();
    expect(root().querySelector('app-pay-step .price')?.textContent).toMatch(/€\s?4[.,]90/);

    button('Pay and analyse').click();
    await settle();
    httpTesting
      .expectOne('/api/payments/checkout')
      .flush({ url: 'https://checkout.stripe.com/c/pay/cs_1', sessionId: 'cs_1' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_1');
  });

  it('back with ?payment=done waits for the credit, then starts the analysis and follows its job', async () => {
    await open('/drafts/d1?payment=done');
    expect(root().textContent).toContain('Confirming your payment…');
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 0 });
    await new Promise((r) => setTimeout(r, 10));
    await settle();
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 1 });
    await settle();
    const start = httpTesting.expectOne('/api/drafts/d1/analyses');
    expect(start.request.headers.get('Idempotency-Key')).toBeTruthy();
    start.flush({ jobId: 'j9' }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/drafts/d1?job=j9');
    expect(FakeEventSource.last().url).toBe('/api/jobs/j9/stream');
    expect(root().querySelector('app-pay-step')).toBeNull();
  });

  it('back with ?payment=cancelled shows a calm note; an unknown value is ignored', async () => {
    await open('/drafts/d1?payment=cancelled');
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 0 });
    await settle();
    expect(root().querySelector('app-pay-step .note')?.textContent).toContain('nothing was charged');
    expect(root().querySelector('[role="alert"]')).toBeNull();

    await harness.navigateByUrl('/drafts/d1?payment=<script>');
    await settle();
    expect(root().querySelector('app-pay-step')).toBeNull();
  });
});
