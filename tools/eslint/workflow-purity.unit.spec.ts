import { at, createRuleTester, repoRoot } from './rule-tester.ts';
import { workflowPurity } from './workflow-purity.ts';

const options = [{ root: repoRoot }];
const hints: Record<string, string> = {
  process: 'workflows get their inputs as arguments; the environment is read by the worker',
  require: 'workflows are ES modules bundled by Temporal; import what is allowed',
  setTimeout: "use sleep() or condition() with a timeout from '@temporalio/workflow'",
  setInterval: "use a loop with sleep() from '@temporalio/workflow'",
  setImmediate: "use sleep() or condition() from '@temporalio/workflow'",
};
const globalMessage = (name: string) => `'${name}' in a workflow: ${hints[name]}.`;
const workflow = at('src/workflows/draft-pipeline/workflow.ts');

createRuleTester().run('workflow-purity', workflowPurity, {
  valid: [
    { name: "Temporal's workflow API", filename: workflow, code: "import { proxyActivities, sleep, condition } from '@temporalio/workflow';", options },
    { name: "Temporal's common package and a subpath", filename: workflow, code: "import { ApplicationFailure } from '@temporalio/common'; import { x } from '@temporalio/common/lib/x';", options },
    { name: 'zod', filename: workflow, code: "import { z } from 'zod';", options },
    { name: 'workflow files', filename: workflow, code: "import { PipelineState } from './pipeline-state.ts'; import { m } from '../shared/messages.ts';", options },
    { name: 'the root temporal.config.ts', filename: workflow, code: "import { steps } from '../../../temporal.config.ts';", options },
    { name: 'import type from anywhere', filename: workflow, code: "import type { PipelineActivities } from '../../modules/drafts/activities.ts'; import type { Pool } from 'pg'; import type { Stats } from 'node:fs';", options },
    { name: 'export type from anywhere', filename: workflow, code: "export type { DraftEvent } from '../../modules/drafts/index.ts';", options },
    { name: 'sleep instead of setTimeout', filename: workflow, code: "import { sleep } from '@temporalio/workflow'; export async function w() { await sleep('1 day'); }", options },
    { name: 'a local variable called process', filename: workflow, code: 'export function w(process: { id: string }) { return process.id; }', options },
    { name: 'a local named global', filename: workflow, code: 'const global = { setTimeout: 1 }; export const x = global.setTimeout;', options },
    { name: 'setTimeout only in a type position', filename: workflow, code: 'type Timer = ReturnType<typeof setTimeout>; export type { Timer };', options },
    { name: 'files outside src/workflows are not checked', filename: at('src/modules/drafts/activities.ts'), code: "import pg from 'pg'; setTimeout(() => process.exit(0), 1);", options },
  ],
  invalid: [
    { name: 'node:fs', filename: workflow, code: "import { readFileSync } from 'node:fs';", options, errors: [{ messageId: 'builtin', data: { source: 'node:fs' } }] },
    { name: 'bare built-ins', filename: workflow, code: "import fs from 'fs'; import { randomUUID } from 'crypto'; import { join } from 'path/posix';", options, errors: [{ messageId: 'builtin' }, { messageId: 'builtin' }, { messageId: 'builtin' }] },
    {
      name: 'I/O packages',
      filename: workflow,
      code: [
        "import pg from 'pg';",
        "import { sql } from 'slonik';",
        "import Koa from 'koa';",
        "import { S3Client } from '@aws-sdk/client-s3';",
        "import Stripe from 'stripe';",
        "import Anthropic from '@anthropic-ai/sdk';",
        "import { Client } from '@temporalio/client';",
        "import { zodish } from 'zod-extra';",
      ].join('\n'),
      options,
      errors: Array.from({ length: 8 }, () => ({ messageId: 'package' as const })),
    },
    { name: 'a module file', filename: workflow, code: "import { decide } from '../../modules/drafts/index.ts';", options, errors: [{ messageId: 'file' }] },
    { name: 'platform code', filename: workflow, code: "export { x } from '../../platform/db/index.ts';", options, errors: [{ messageId: 'file' }] },
    { name: 'another root file', filename: workflow, code: "import config from '../../../eslint.config.js';", options, errors: [{ messageId: 'file' }] },
    { name: 'export * from a package', filename: workflow, code: "export * from 'pg';", options, errors: [{ messageId: 'package' }] },
    { name: 'dynamic import', filename: workflow, code: "export const load = () => import('node:child_process');", options, errors: [{ messageId: 'builtin' }] },
    {
      name: 'inline type specifiers still load the module',
      filename: workflow,
      code: "import { type Pool } from 'pg';",
      options,
      errors: [{ messageId: 'inlineType', data: { source: 'pg' } }],
    },
    { name: 'process', filename: workflow, code: 'export const region = process.env.REGION;', options, errors: [{ message: globalMessage('process') }] },
    { name: 'require', filename: workflow, code: "const fs = require('fs');", options, errors: [{ message: globalMessage('require') }] },
    {
      name: 'timers',
      filename: workflow,
      code: 'export function w() { setTimeout(() => undefined, 10); const t = setInterval(() => undefined, 10); setImmediate(() => t); }',
      options,
      errors: [{ message: globalMessage('setTimeout') }, { message: globalMessage('setInterval') }, { message: globalMessage('setImmediate') }],
    },
    {
      name: 'through globalThis',
      filename: workflow,
      code: "globalThis.setTimeout(() => undefined, 1); export const env = globalThis['process'];",
      options,
      errors: [{ message: globalMessage('setTimeout') }, { message: globalMessage('process') }],
    },
    { name: 'a file nested deeper', filename: at('src/workflows/a/b/c.ts'), code: "import { setTimeout as wait } from 'node:timers/promises';", options, errors: [{ messageId: 'builtin' }] },
  ],
});
