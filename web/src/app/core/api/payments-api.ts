import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ApiError } from './api-error';
import { num, obj, str } from './read';
import { safeHttpUrl } from './staff';

export interface Price {
  amount: number;
  currency: string;
}

export interface PaymentStatus {
  freeMode: boolean;
  price: Price | null;
  credits: number;
}

/** The details of a 402 PAYMENT_REQUIRED answer: `{ amount, currency, checkout }`. */
export function readPrice(value: unknown): Price | null {
  const price = obj(value);
  const amount = num(price?.['amount']);
  const currency = str(price?.['currency']);
  return amount !== null && amount >= 0 && currency && /^[A-Za-z]{3}$/.test(currency)
    ? { amount: Math.round(amount), currency: currency.toUpperCase() }
    : null;
}

export function readPaymentStatus(value: unknown): PaymentStatus {
  const body = obj(value);
  return {
    freeMode: body?.['freeMode'] === true,
    price: readPrice(body?.['price']),
    credits: Math.max(0, Math.floor(num(body?.['credits']) ?? 0)),
  };
}

/** Paying for an analysis: a Stripe Checkout page, then the credit the webhook records. */
@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  /** The checkout page's address (http/https only). */
  checkout(draftId: string): Observable<string> {
    return this.http.post<unknown>('/api/payments/checkout', { draftId }).pipe(
      map((body) => {
        const url = safeHttpUrl(obj(body)?.['url']);
        if (!url)
          throw new ApiError({
            code: 'BAD_RESPONSE',
            message: 'The server did not send a payment page.',
            status: 201,
          });
        return url;
      }),
    );
  }

  status(draftId: string): Observable<PaymentStatus> {
    return this.http
      .get<unknown>(`/api/drafts/${encodeURIComponent(draftId)}/payment`)
      .pipe(map(readPaymentStatus));
  }
}
