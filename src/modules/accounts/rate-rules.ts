import type { RateRule } from '../../platform/rate-limit/index.ts';

// The limits the accounts module enforces, tuned so ordinary use never meets one: a person who
// mistypes a password a few times is fine, a script trying thousands is not. Failed attempts are
// counted (a success gives its attempt back), so signing in again and again is never limited.
export type AccountRateRules = {
  loginFailuresPerAccount: RateRule;
  loginFailuresPerIp: RateRule;
  registrationsPerIp: RateRule;
  passwordChecksPerUser: RateRule;
  /** For the analysis routes (used by the drafts/analysis modules): analyses per user per hour. */
  analysesPerUser: RateRule;
};

export const defaultRateRules: AccountRateRules = {
  loginFailuresPerAccount: { name: 'login-failures-account', limit: 10, windowSeconds: 15 * 60 },
  loginFailuresPerIp: { name: 'login-failures-ip', limit: 100, windowSeconds: 15 * 60 },
  registrationsPerIp: { name: 'registrations-ip', limit: 20, windowSeconds: 60 * 60 },
  passwordChecksPerUser: { name: 'password-checks-user', limit: 10, windowSeconds: 15 * 60 },
  analysesPerUser: { name: 'analyses-user', limit: 30, windowSeconds: 60 * 60 },
};
