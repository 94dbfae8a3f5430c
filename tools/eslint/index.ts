import type { ESLint } from 'eslint';
import { moduleBoundary } from './module-boundary.ts';
import { workflowPurity } from './workflow-purity.ts';

/** The project's own ESLint rules, used from eslint.config.js as `local/<rule>`. */
export const localPlugin = {
  meta: { name: 'eslint-plugin-local', version: '1.0.0' },
  rules: {
    'module-boundary': moduleBoundary,
    'workflow-purity': workflowPurity,
  },
} satisfies ESLint.Plugin;

export default localPlugin;
