import { moduleBoundary } from './module-boundary.ts';
import { at, createRuleTester, repoRoot } from './rule-tester.ts';

const options = [{ root: repoRoot }];

createRuleTester().run('module-boundary', moduleBoundary, {
  valid: [
    { name: 'another module through its index.ts', filename: at('src/modules/drafts/service.ts'), code: "import { createAccounts } from '../accounts/index.ts';", options },
    { name: 'the same module, deep inside', filename: at('src/modules/drafts/routes.ts'), code: "import { decide } from './domain/decide.ts';", options },
    { name: 'the same module from a nested folder', filename: at('src/modules/files/upload/check.ts'), code: "import { store } from '../storage/local.ts';", options },
    { name: 'a platform file through the index', filename: at('src/bin/api.ts'), code: "import { filesRouter } from '../modules/files/index.ts';", options },
    { name: 'a test through the index', filename: at('test/e2e/flow.e2e.spec.ts'), code: "import { drafts } from '../../src/modules/drafts/index.ts';", options },
    { name: 'packages are not modules', filename: at('src/bin/api.ts'), code: "import Koa from 'koa'; import { z } from 'zod';", options },
    { name: 'platform code', filename: at('src/modules/drafts/service.ts'), code: "import { AppError } from '../../platform/errors.ts';", options },
    { name: 're-export through the index', filename: at('scripts/seed.ts'), code: "export { seed } from '../src/modules/accounts/index.ts';", options },
    { name: 'dynamic import of an index', filename: at('bench/run.ts'), code: "await import('../src/modules/analysis/index.ts');", options },
    { name: 'a spec using another module\'s testing folder', filename: at('src/modules/jobs/jobs.int.spec.ts'), code: "import { startHarness } from '../accounts/testing/harness.ts';", options },
    { name: 'a benchmark using a testing folder', filename: at('bench/pipeline.ts'), code: "import { Browser } from '../src/modules/accounts/testing/harness.ts';", options },
    { name: 'a module whose name starts like another', filename: at('src/modules/drafts-archive/x.ts'), code: "import { y } from '../drafts-archive/y.ts';", options },
  ],
  invalid: [
    {
      name: 'another module internal file',
      filename: at('src/modules/drafts/service.ts'),
      code: "import { hashPassword } from '../accounts/password.ts';",
      options,
      errors: [{ messageId: 'internal', data: { source: '../accounts/password.ts', name: 'accounts', target: 'src/modules/accounts/password.ts' } }],
    },
    {
      name: 'type imports count too',
      filename: at('src/modules/drafts/service.ts'),
      code: "import type { Session } from '../accounts/sessions/types.ts';",
      options,
      errors: [{ messageId: 'internal' }],
    },
    { name: 'from platform code', filename: at('src/platform/http/app.ts'), code: "import { x } from '../../modules/files/storage/local.ts';", options, errors: [{ messageId: 'internal' }] },
    { name: 'from a test', filename: at('test/support/helper.ts'), code: "import { decide } from '../../src/modules/drafts/decide.ts';", options, errors: [{ messageId: 'internal' }] },
    { name: 'from a script', filename: at('scripts/seed.ts'), code: "export * from '../src/modules/accounts/events.ts';", options, errors: [{ messageId: 'internal' }] },
    { name: 'from a bench, dynamically', filename: at('bench/run.ts'), code: "await import('../src/modules/analysis/engine/offline.ts');", options, errors: [{ messageId: 'internal' }] },
    { name: 'a named re-export', filename: at('src/bin/api.ts'), code: "export { a } from '../modules/files/upload/a.ts';", options, errors: [{ messageId: 'internal' }] },
    { name: 'a directory import is not the index', filename: at('src/bin/api.ts'), code: "import x from '../modules/files';", options, errors: [{ messageId: 'internal' }] },
    { name: 'a detour through .. does not help', filename: at('src/modules/drafts/service.ts'), code: "import { p } from '../drafts/../accounts/password.ts';", options, errors: [{ messageId: 'internal' }] },
    { name: 'production code may not use a testing folder', filename: at('src/modules/jobs/module.ts'), code: "import { startHarness } from '../accounts/testing/harness.ts';", options, errors: [{ messageId: 'internal' }] },
    { name: 'an index.ts that is not the module root', filename: at('src/modules/drafts/service.ts'), code: "import { p } from '../accounts/sessions/index.ts';", options, errors: [{ messageId: 'internal' }] },
  ],
});
