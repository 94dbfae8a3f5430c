// ESLint flat config: typescript-eslint's type-checked rules for the TypeScript code, the base
// rules for the few JavaScript files, and the project's own rules from tools/eslint/ (TypeScript,
// loaded by Node 24's type stripping — run ESLint through `npm run lint`).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import localPlugin from './tools/eslint/index.ts';

const typeScriptFiles = ['src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', 'tools/**/*.ts', 'temporal.config.ts'];
const javaScriptFiles = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'URL', 'URLSearchParams', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask'].map(
    (name) => [name, 'readonly'],
  ),
);

export default defineConfig(
  globalIgnores(['**/node_modules/', 'web/', '.data/', '.venv/', '**/dist/', '**/coverage/']),
  {
    name: 'project/javascript',
    files: javaScriptFiles,
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
  },
  {
    name: 'project/typescript',
    files: typeScriptFiles,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Ports, fakes and activities implement async interfaces without always awaiting; an async
      // function still turns a throw into a rejection, which is what callers of a port expect.
      '@typescript-eslint/require-await': 'off',
      // Text sanitisers match control characters on purpose (ARCHITECTURE.md: text is sanitised).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    name: 'project/module-boundary',
    files: ['src/**/*.{ts,js,mjs}', 'test/**/*.{ts,js,mjs}', 'scripts/**/*.{ts,js,mjs}', 'bench/**/*.{ts,js,mjs}'],
    plugins: { local: localPlugin },
    rules: { 'local/module-boundary': 'error' },
  },
  {
    name: 'project/workflow-purity',
    files: ['src/workflows/**/*.ts'],
    ignores: ['src/workflows/**/*.spec.ts'],
    plugins: { local: localPlugin },
    rules: { 'local/workflow-purity': 'error' },
  },
);
