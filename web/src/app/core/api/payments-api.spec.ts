import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from './api-error.interceptor';
import { PaymentsApi, readPaymentStatus, readPrice } from './payments-api';

describe('PaymentsApi', () => {
  let api: PaymentsApi;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    api = TestBed.inject(PaymentsApi);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('starts a checkout for the draft and returns its http(s) address only', async () => {
    const url = firstValueFrom(api.checkout('d1'));
    const request = httpTesting.expectOne('/api/payments/checkout');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ draftId: 'd1' });
    request.flush({ url: 'https://checkout.stripe.com/c/pay/cs_1', sessionId: 'cs_1' }, { status: 201, statusText: 'Created' });
    expect(await url).toBe('https://checkout.stripe.com/c/pay/cs_1');

    for (const body of [{ url: 'data:text/html,x' }, { url: 42 }, null]) {
      const refused = firstValueFrom(api.checkout('d1')).catch((e: unknown) => e);
      httpTesting.expectOne('/api/payments/checkout').flush(body, { status: 201, statusText: 'Created' });
      expect(await refused).toMatchObject({ code: 'BAD_RESPONSE' });
    }
  });

  it('reads the payment status of a draft defensively', async () => {
    const status = firstValueFrom(api.status('d 1'));
    httpTesting.expectOne('/api/drafts/d%201/payment').flush({ freeMode: false, price: { amount: 490, currency: 'eur' }, credits: 2 });
    expect(await status).toEqual({ freeMode: false, price: { amount: 490, currency: 'EUR' }, credits: 2 });
    expect(readPaymentStatus({ freeMode: 'yes', price: { amount: -1, currency: 'EUR' }, credits: -4.5 })).toEqual({
      freeMode: false,
      price: null,
      credits: 0,
    });
    expect(readPrice({ amount: 490.4, currency: 'EURO' })).toBeNull();
    expect(readPrice({ amount: 490.4, currency: 'usd', checkout: '/x' })).toEqual({ amount: 490, currency: 'USD' });
  });
});
