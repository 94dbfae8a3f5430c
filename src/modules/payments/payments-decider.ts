import type { Decider } from '../../platform/command/index.ts';
import type { PaymentEvent } from './events.ts';

// A draft's payments as Stripe reports them. Stripe delivers webhooks at least once and in any
// order, so every rule here is about the session's state, not the order of arrival: a session is
// paid once, whatever mix of completed / async-succeeded / duplicates comes in, and a late
// "expired" or "failed" never takes money back that has arrived.

export type SessionStatus = 'open' | 'pending' | 'paid' | 'failed' | 'expired';
export type Session = { status: SessionStatus; paymentIntent: string | null; consumedBy: string | null; refunded: boolean };
export type PaymentsState = { sessions: Record<string, Session> };

export type StripeSessionFact = {
  kind: 'completed' | 'async_succeeded' | 'async_failed' | 'expired';
  stripeEventId: string;
  sessionId: string;
  paid: boolean;
  paymentIntent: string | null;
  amount: number;
  currency: string;
};

export type PaymentsCommand =
  | { type: 'StartCheckout'; draftId: string; sessionId: string; amount: number; currency: string; ownerId: string; at: string }
  | { type: 'ApplyStripe'; draftId: string; fact: StripeSessionFact; at: string }
  | { type: 'Consume'; draftId: string; jobId: string; at: string }
  | { type: 'Refund'; draftId: string; jobId: string; refundId: string | null; reason: string; at: string };

export const initialPaymentsState: PaymentsState = { sessions: {} };
const fresh: Session = { status: 'open', paymentIntent: null, consumedBy: null, refunded: false };

function withSession(state: PaymentsState, id: string, change: Partial<Session>): PaymentsState {
  return { sessions: { ...state.sessions, [id]: { ...(state.sessions[id] ?? fresh), ...change } } };
}

export function evolvePayments(state: PaymentsState, event: PaymentEvent): PaymentsState {
  switch (event.type) {
    case 'CheckoutStarted': return withSession(state, event.data.sessionId, {});
    case 'PaymentReceived': return withSession(state, event.data.sessionId, { status: 'paid', paymentIntent: event.data.paymentIntent });
    case 'PaymentPending': return withSession(state, event.data.sessionId, { status: 'pending' });
    case 'PaymentFailed': return withSession(state, event.data.sessionId, { status: 'failed' });
    case 'CheckoutExpired': return withSession(state, event.data.sessionId, { status: 'expired' });
    case 'PaymentConsumed': return withSession(state, event.data.sessionId, { consumedBy: event.data.jobId });
    case 'PaymentRefunded': return withSession(state, event.data.sessionId, { refunded: true });
    default: return state;
  }
}

/** Paid, unused and not refunded: what one more analysis may spend. */
export function availableCredits(state: PaymentsState): string[] {
  return Object.entries(state.sessions).filter(([, s]) => s.status === 'paid' && !s.consumedBy && !s.refunded).map(([id]) => id);
}

export function sessionOfJob(state: PaymentsState, jobId: string): string | undefined {
  return Object.entries(state.sessions).find(([, s]) => s.consumedBy === jobId)?.[0];
}

function applyStripe(state: PaymentsState, draftId: string, fact: StripeSessionFact, at: string): PaymentEvent[] {
  const current = state.sessions[fact.sessionId]?.status ?? 'open';
  const base = { draftId, sessionId: fact.sessionId, stripeEventId: fact.stripeEventId, at };
  if (current === 'paid') return [];
  const received = (fact.kind === 'completed' && fact.paid) || fact.kind === 'async_succeeded';
  if (received) return [{ type: 'PaymentReceived', data: { ...base, paymentIntent: fact.paymentIntent, amount: fact.amount, currency: fact.currency } }];
  if (fact.kind === 'completed') return current === 'open' ? [{ type: 'PaymentPending', data: base }] : [];
  if (fact.kind === 'async_failed') return current === 'failed' ? [] : [{ type: 'PaymentFailed', data: base }];
  return current === 'open' ? [{ type: 'CheckoutExpired', data: base }] : [];
}

export function decidePayments(command: PaymentsCommand, state: PaymentsState): PaymentEvent[] {
  switch (command.type) {
    case 'StartCheckout': {
      if (state.sessions[command.sessionId]) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'CheckoutStarted', data }];
    }
    case 'ApplyStripe':
      return applyStripe(state, command.draftId, command.fact, command.at);
    case 'Consume': {
      if (sessionOfJob(state, command.jobId)) return [];
      const [sessionId] = availableCredits(state);
      return sessionId ? [{ type: 'PaymentConsumed', data: { draftId: command.draftId, sessionId, jobId: command.jobId, at: command.at } }] : [];
    }
    case 'Refund': {
      const sessionId = sessionOfJob(state, command.jobId);
      if (!sessionId || state.sessions[sessionId]!.refunded) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'PaymentRefunded', data: { ...data, sessionId } }];
    }
  }
}

export const paymentsDecider: Decider<PaymentsCommand, PaymentsState, PaymentEvent> = {
  initialState: initialPaymentsState, evolve: evolvePayments, decide: decidePayments,
};
