import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

/** The repository root, so test file names sit where the rules look (src/modules, src/workflows). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

// RuleTester finds describe/it as globals; give it jest's explicitly (ESM imports them).
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
  });
}

export function at(path: string): string {
  return `${repoRoot}/${path}`;
}
