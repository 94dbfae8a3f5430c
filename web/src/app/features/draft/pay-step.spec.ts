import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { Session } from '../../core/session/session';
import { EXTERNAL_NAVIGATE, PAYMENT_POLL_MS, PAYMENT_WAIT_MS, PayStep, PaymentReturn } from './pay-step';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('PayStep', () => {
  let httpTesting: HttpTestingController;
  let fixture: ComponentFixture<PayStep>;
  const navigate = vi.fn();
  let paid: number;

  beforeEach(() => {
    navigate.mockReset();
    paid = 0;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EXTERNAL_NAVIGATE, useValue: navigate },
        { provide: PAYMENT_POLL_MS, useValue: 5 },
        { provide: PAYMENT_WAIT_MS, useValue: 150 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    httpTesting.verify();
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.includes(text));

  async function create(inputs: { price?: { amount: number; currency: string } | null; returned?: PaymentReturn }) {
    fixture = TestBed.createComponent(PayStep);
    fixture.componentRef.setInput('draftId', 'd1');
    fixture.componentRef.setInput('price', inputs.price ?? null);
    fixture.componentRef.setInput('returned', inputs.returned ?? null);
    fixture.componentInstance.paid.subscribe(() => (paid += 1));
    await settle();
  }

  it('shows the price in minor units and goes to the checkout page', async () => {
    await create({ price: { amount: 490, currency: 'EUR' } });
    expect(root().querySelector('.price')?.textContent).toMatch(/€\s?4[.,]90/);
    button('Pay and analyse')!.click();
    await settle();
    const checkout = httpTesting.expectOne('/api/payments/checkout');
    expect(checkout.request.method).toBe('POST');
    expect(checkout.request.body).toEqual({ draftId: 'd1' });
    checkout.flush({ url: 'https://checkout.stripe.com/c/pay/cs_test_1', sessionId: 'cs_test_1' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_test_1');
  });

  it('never follows a checkout address that is not http(s)', async () => {
    await create({ price: { amount: 490, currency: 'EUR' } });
    button('Pay and analyse')!.click();
    await settle();
    httpTesting.expectOne('/api/payments/checkout').flush({ url: 'javascript:alert(1)' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).not.toHaveBeenCalled();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('BAD_RESPONSE');
    expect(button('Pay and analyse')!.disabled).toBe(false);
  });

  it('asks guests to create an account, also when the API answers 401', async () => {
    await create({ price: { amount: 1000, currency: 'USD' } });
    button('Pay and analyse')!.click();
    await settle();
    httpTesting
      .expectOne('/api/payments/checkout')
      .flush(
        { error: { code: 'UNAUTHENTICATED', message: 'Create an account or sign in to pay.', details: { reason: 'missing' } } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    expect(root().querySelector('a[href="/register"]')?.textContent).toContain('Create an account to pay');
    expect(button('Pay and analyse')).toBeUndefined();

    fixture.destroy();
    const session = TestBed.inject(Session);
    const known = session.refresh();
    httpTesting.expectOne('/api/auth/session').flush({ user: null, guest: true, reason: 'missing' });
    await known;
    await create({ price: { amount: 1000, currency: 'USD' } });
    expect(root().querySelector('a[href="/register"]')).not.toBeNull();
    expect(root().textContent).toContain('$10.00');
  });

  it('asks for the price when the 402 did not carry a readable one, and shows a payments-off refusal', async () => {
    await create({ price: null });
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: { amount: 500, currency: 'gbp' }, credits: 0 });
    await settle();
    expect(root().textContent).toContain('£5.00');
    button('Pay and analyse')!.click();
    await settle();
    httpTesting
      .expectOne('/api/payments/checkout')
      .flush({ error: { code: 'PAYMENTS_DISABLED', message: 'Payments are not enabled.' } }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Payments are not enabled. (PAYMENTS_DISABLED)');
  });

  it('after ?payment=done polls until a credit is there, then fires paid once', async () => {
    await create({ returned: 'done' });
    expect(root().textContent).toContain('Confirming your payment…');
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 0 });
    await wait(10);
    await settle();
    // A transient failure is retried.
    httpTesting.expectOne('/api/drafts/d1/payment').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await wait(10);
    await settle();
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: null, credits: 1 });
    await settle();
    expect(paid).toBe(1);
    await wait(20);
    httpTesting.expectNone('/api/drafts/d1/payment');
  });

  it('stops waiting after the limit and offers to check again', async () => {
    await create({ returned: 'done' });
    for (let i = 0; i < 200; i++) {
      const open = httpTesting.match('/api/drafts/d1/payment');
      open.forEach((r) => r.flush({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 0 }));
      if (root().textContent?.includes('not received the confirmation')) break;
      await wait(5);
      await settle();
    }
    expect(root().textContent).toContain('We have not received the confirmation from the payment provider yet.');
    expect(paid).toBe(0);
    button('Check again')!.click();
    await settle();
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ credits: 2 });
    await settle();
    expect(paid).toBe(1);
  });

  it('after ?payment=cancelled shows a calm note and the button again', async () => {
    await create({ returned: 'cancelled' });
    httpTesting.expectOne('/api/drafts/d1/payment').flush({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 0 });
    await settle();
    expect(root().querySelector('.note')?.textContent).toContain('Payment cancelled — nothing was charged.');
    expect(root().querySelector('[role="alert"]')).toBeNull();
    expect(button('Pay and analyse')).toBeDefined();
  });
});
