// The payments module's public face: Stripe Checkout per draft, the signed webhook, and the pay
// step's decision. Free mode (no STRIPE_SECRET_KEY) waives every payment.
export { paymentEvents, paymentStream, type PaymentEvent } from './events.ts';
export { availableCredits, decidePayments, evolvePayments, initialPaymentsState, paymentsDecider, type PaymentsCommand, type PaymentsState, type StripeSessionFact } from './payments-decider.ts';
export { createPaymentsService, type Owner, type PaymentDecision, type PaymentsDeps, type PaymentsService } from './service.ts';
export { createPaymentsRouter, type PaymentRouteDeps } from './routes.ts';
export { createStripeGateway, WEBHOOK_TOLERANCE_SECONDS, type StripeGateway, type StripeSettings } from './stripe-gateway.ts';
export { paymentsApi } from './api.ts';
