import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall, commandExists, log, run } from './proc.ts';
import { root } from './paths.ts';

// stripe-mock (Stripe's official API double) for the payment suites, built once from the Go module
// proxy into .venv/bin next to the other test servers. Go comes from the machine or Debian.
export const STRIPE_MOCK_VERSION = '0.203.0';
export const stripeMockBinary = join(root, '.venv', 'bin', 'stripe-mock');

function goCommand(): string {
  if (commandExists('go')) return 'go';
  if (existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
  aptInstall(['golang-go'], 'stripe-mock is built with Go');
  return 'go';
}

export function ensureStripeMock(): string {
  if (existsSync(stripeMockBinary)) return stripeMockBinary;
  log('setup', `go install github.com/stripe/stripe-mock@v${STRIPE_MOCK_VERSION}`);
  run(goCommand(), ['install', `github.com/stripe/stripe-mock@v${STRIPE_MOCK_VERSION}`], {
    env: { ...process.env, GOBIN: join(root, '.venv', 'bin'), GOFLAGS: '-mod=mod' },
  });
  return stripeMockBinary;
}
