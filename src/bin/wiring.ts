import { accountsOptionsFromEnv, createPlanLookup, type AccountsModule } from '../modules/accounts/index.ts';
import { createNotificationsService, emailSenderOf } from '../modules/notifications/index.ts';
import { isAppError } from '../platform/errors.ts';
import { createDraftStorage, downloadSigningSecret, type DraftPipelineService } from '../modules/drafts/index.ts';
import { createPaymentsService, createStripeGateway, type Owner } from '../modules/payments/index.ts';
import type { Config } from '../platform/config/index.ts';
import type { DatabasePool } from '../platform/db/index.ts';
import type { EventStore } from '../platform/event-store/index.ts';

// The pieces the API and the worker both build from the configuration, built one way.

export function accountsOptionsOf(config: Config) {
  return accountsOptionsFromEnv({ ...config, corsOrigins: config.corsOrigins });
}

export function storageOf(config: Config) {
  const signingSecret = downloadSigningSecret(config, accountsOptionsOf(config).authSecret);
  return { storage: createDraftStorage(config, signingSecret), signingSecret };
}

/** Ownership from the draft's own stream: right after a write, the read model may lag behind. */
export function draftOwnership(drafts: Pick<DraftPipelineService, 'analysisSourceOf'>) {
  return async (owner: Owner, draftId: string): Promise<boolean> => {
    const source = await drafts.analysisSourceOf(draftId);
    return source !== null && source.owner.kind === owner.kind && source.owner.id === owner.id;
  };
}

export function paymentsOf(config: Config, deps: { pool: DatabasePool; eventStore: EventStore; drafts: Pick<DraftPipelineService, 'analysisSourceOf'> }) {
  const gateway = config.STRIPE_SECRET_KEY
    ? createStripeGateway({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiUrl: config.STRIPE_API_URL })
    : undefined;
  return createPaymentsService({
    eventStore: deps.eventStore,
    gateway,
    price: { amount: config.PRICE_PER_ANALYSIS, currency: config.CURRENCY },
    publicUrl: config.publicUrl,
    planOf: createPlanLookup(deps.pool),
    ownerOfDraft: async (draftId) => (await deps.drafts.analysisSourceOf(draftId))?.owner ?? null,
  });
}

/** E-mail for the API (unsubscribe) and the worker (reminders): the address is opened only to send. */
export function notificationsOf(config: Config, deps: { eventStore: EventStore; accounts: Pick<AccountsModule, 'service'> }) {
  const signingSecret = config.NOTIFICATIONS_SIGNING_SECRET ?? `notifications:${accountsOptionsOf(config).authSecret}`;
  const service = createNotificationsService({
    eventStore: deps.eventStore, ...emailSenderOf(config), from: config.EMAIL_FROM, publicUrl: config.publicUrl, signingSecret,
    recipientOf: async (userId) => {
      try {
        const profile = await deps.accounts.service.profile(userId);
        return { email: profile.email, name: profile.displayName };
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') return null; // deleted account: nobody to write to
        throw error;
      }
    },
  });
  return { service, signingSecret };
}
