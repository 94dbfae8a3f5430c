// Three projects: unit (pure, no I/O), integration (real Postgres/Temporal), temporal (one worker).
// scripts/test.ts runs them one by one; `npm run jest -- --selectProjects unit` runs one by hand.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }];
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  testPathIgnorePatterns: ['/node_modules/', '/web/', '/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/web/', '<rootDir>/.data/'],
};
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.int.spec.ts'],
      // Real services on two shared cores: a slow moment must not read as a failure.
      testTimeout: 30_000,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'temporal',
      testMatch: ['<rootDir>/**/*.temporal.spec.ts'],
      testTimeout: 60_000,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
      testTimeout: 60_000,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
