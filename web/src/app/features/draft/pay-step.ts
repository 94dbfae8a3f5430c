import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  InjectionToken,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import { PaymentsApi, Price } from '../../core/api/payments-api';
import { formatMoney } from '../../core/api/staff';
import { Session } from '../../core/session/session';

/** Leaves the app for the payment page (tests record the address instead). */
export const EXTERNAL_NAVIGATE = new InjectionToken<(url: string) => void>('EXTERNAL_NAVIGATE', {
  factory: () => (url: string) => location.assign(url),
});
/** How often the credit is asked for after returning from the payment page. */
export const PAYMENT_POLL_MS = new InjectionToken<number>('PAYMENT_POLL_MS', { factory: () => 2000 });
/** How long to wait for the payment provider's confirmation before saying so. */
export const PAYMENT_WAIT_MS = new InjectionToken<number>('PAYMENT_WAIT_MS', { factory: () => 30_000 });

export type PaymentReturn = 'done' | 'cancelled' | null;

/**
 * The pay step of the draft page: the price of an analysis and "Pay and analyse" (a Stripe
 * Checkout page); back from it (`?payment=done`) the credit is waited for, then `paid` fires so
 * the page starts the analysis; `?payment=cancelled` gets a calm note. Guests are asked to create
 * an account first.
 */
@Component({
  selector: 'app-pay-step',
  imports: [RouterLink, MatAnchor, MatButton, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="pay" role="region" aria-labelledby="pay-heading">
      <h3 id="pay-heading">
        <mat-icon aria-hidden="true">payments</mat-icon>
        Pay for this analysis
      </h3>

      @if (returned() === 'cancelled' && !waiting()) {
        <p class="note" role="status">Payment cancelled — nothing was charged. You can pay whenever you are ready.</p>
      }

      @if (waiting()) {
        <p role="status">Confirming your payment…</p>
        <mat-progress-bar mode="indeterminate" aria-label="Confirming your payment" />
      } @else if (gaveUp()) {
        <p role="status">
          We have not received the confirmation from the payment provider yet. It can take a minute —
          nothing is lost.
        </p>
        <button mat-stroked-button type="button" (click)="waitForCredit()">Check again</button>
      } @else {
        @if (priceText(); as text) {
          <p class="price">One analysis costs <strong>{{ text }}</strong>.</p>
        }
        @if (guest()) {
          <p>Create an account to pay — your draft stays here.</p>
          <div class="actions">
            <a mat-flat-button routerLink="/register">Create an account to pay</a>
            <a mat-button routerLink="/sign-in">Sign in</a>
          </div>
        } @else {
          <button mat-flat-button type="button" (click)="pay()" [disabled]="redirecting()">
            <mat-icon aria-hidden="true">lock</mat-icon>
            {{ redirecting() ? 'Opening the payment page…' : 'Pay and analyse' }}
          </button>
          <p class="fine">You pay on Stripe's secure page and come back here; the analysis starts by itself.</p>
        }
      }

      @if (error(); as e) {
        <p class="error" role="alert">{{ errorText(e) }}</p>
      }
    </div>
  `,
  styles: `
    .pay {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0;
    }
    .price {
      font: var(--mat-sys-body-large);
    }
    .note {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .fine {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    button {
      align-self: flex-start;
    }
  `,
})
export class PayStep {
  private readonly payments = inject(PaymentsApi);
  private readonly session = inject(Session);
  private readonly navigate = inject(EXTERNAL_NAVIGATE);
  private readonly pollMs = inject(PAYMENT_POLL_MS);
  private readonly waitMs = inject(PAYMENT_WAIT_MS);

  readonly draftId = input.required<string>();
  /** From the 402 answer; asked for (GET …/payment) when not known. */
  readonly price = input<Price | null>(null);
  /** `?payment=` after the payment page. */
  readonly returned = input<PaymentReturn>(null);
  /** The credit has arrived: start the analysis. */
  readonly paid = output<void>();

  readonly errorText = errorText;
  private readonly fetchedPrice = signal<Price | null>(null);
  private readonly refusedAsGuest = signal(false);
  readonly guest = computed(() => this.refusedAsGuest() || this.session.current().kind === 'guest');
  readonly priceText = computed(() => {
    const price = this.price() ?? this.fetchedPrice();
    return price ? formatMoney(price.amount, price.currency) : null;
  });
  readonly redirecting = signal(false);
  readonly waiting = signal(false);
  readonly gaveUp = signal(false);
  readonly error = signal<ApiError | null>(null);

  private destroyed = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearTimeout(this.timer);
    });
    effect(() => {
      const returned = this.returned();
      const draftId = this.draftId();
      untracked(() => {
        if (returned === 'done') void this.waitForCredit();
        else if (!this.price()) void this.loadPrice(draftId);
      });
    });
  }

  async pay(): Promise<void> {
    this.error.set(null);
    this.redirecting.set(true);
    try {
      const url = await firstValueFrom(this.payments.checkout(this.draftId()));
      this.navigate(url);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 401) this.refusedAsGuest.set(true);
      else this.error.set(apiError);
      this.redirecting.set(false);
    }
  }

  /** Polls GET /api/drafts/:id/payment until a credit is there (at most PAYMENT_WAIT_MS). */
  async waitForCredit(): Promise<void> {
    if (this.waiting()) return;
    this.waiting.set(true);
    this.gaveUp.set(false);
    this.error.set(null);
    const deadline = Date.now() + this.waitMs;
    while (!this.destroyed) {
      try {
        const status = await firstValueFrom(this.payments.status(this.draftId()));
        if (status.price) this.fetchedPrice.set(status.price);
        if (status.credits >= 1 || status.freeMode) {
          this.waiting.set(false);
          if (!this.destroyed) this.paid.emit();
          return;
        }
      } catch (error) {
        const apiError = toApiError(error);
        // Not yours / signed out: waiting longer will not help.
        if (apiError.status === 401 || apiError.status === 403 || apiError.status === 404) {
          this.error.set(apiError);
          this.waiting.set(false);
          return;
        }
      }
      if (Date.now() + this.pollMs > deadline) break;
      await new Promise<void>((resolve) => (this.timer = setTimeout(resolve, this.pollMs)));
    }
    this.waiting.set(false);
    this.gaveUp.set(!this.destroyed);
  }

  private async loadPrice(draftId: string): Promise<void> {
    try {
      const status = await firstValueFrom(this.payments.status(draftId));
      this.fetchedPrice.set(status.price);
    } catch {
      // The button still works without a price on screen.
    }
  }
}
