// The accounts module's public face: other modules and the API process import only from here.
export { createAccountsModule, accountProjections, type AccountsDeps, type AccountsModule } from './module.ts';
export { AccountsOptions, accountsOptionsFromEnv, installSecrets, type AccountsEnv, type ResolvedAccountsOptions } from './options.ts';
export { accountEvents, streams as accountStreams, type AccountEventData, type UserEvent, type SessionEvent, type GuestEvent } from './events.ts';
export { actorOf, ownerOfActor, type UserActor, type GuestActor, type RequestActor } from './actor.ts';
export { Plan, Role } from './access-token.ts';
export { grants, seedEntitlements, type Entitlements, type EntitlementName, type EntitlementTable, type AnalysisTerms, type PlanKey } from './entitlements.ts';
export { defaultRateRules, type AccountRateRules } from './rate-rules.ts';
export { csrfHeader } from './csrf.ts';
export { createPlanLookup } from './read-models.ts';
export type { AccountsService, Profile, RequestInfo } from './service.ts';
export { runAuthBenchmark, type AuthBenchmarkReport } from './bench/run-benchmark.ts';
export { accountsApi } from './api.ts';
