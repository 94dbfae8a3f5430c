import { builtinModules } from 'node:module';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { Rule, Scope } from 'eslint';
import type { Identifier, MemberExpression } from 'estree';
import { isInside, onImportSource } from './import-sources.ts';

type Options = { root?: string; workflowsDir?: string; allowedFiles?: string[]; allowedPackages?: string[] };

export const defaultAllowedPackages = ['@temporalio/workflow', '@temporalio/common', 'zod'];
const forbiddenGlobals: Record<string, string> = {
  process: 'workflows get their inputs as arguments; the environment is read by the worker',
  require: 'workflows are ES modules bundled by Temporal; import what is allowed',
  setTimeout: "use sleep() or condition() with a timeout from '@temporalio/workflow'",
  setInterval: "use a loop with sleep() from '@temporalio/workflow'",
  setImmediate: "use sleep() or condition() from '@temporalio/workflow'",
};
const builtins = new Set(builtinModules);
// Nodes under which an identifier only exists for the type checker and is erased.
const typeOnlyContainers = new Set(['TSTypeAnnotation', 'TSTypeQuery', 'TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSTypeParameterInstantiation', 'TSDeclareFunction', 'TSModuleDeclaration']);

function inTypePosition(node: { parent?: unknown } | null | undefined): boolean {
  for (let current = node as { type?: string; parent?: unknown } | undefined; current; current = current.parent as typeof current) {
    if (current.type && typeOnlyContainers.has(current.type)) return true;
  }
  return false;
}

function isBuiltin(source: string): boolean {
  return source.startsWith('node:') || builtins.has(source) || builtins.has(source.split('/')[0] ?? '');
}

function packageAllowed(source: string, allowed: readonly string[]): boolean {
  return allowed.some((name) => source === name || source.startsWith(`${name}/`));
}

/**
 * Temporal workflows must be deterministic: they import only other workflow files, the root
 * temporal.config.ts and Temporal's workflow/common packages (plus zod); `import type` from anywhere
 * is fine because it is erased. Node built-ins, other packages and the globals `process`,
 * `require`, `setTimeout`, `setInterval` and `setImmediate` are errors.
 */
export const workflowPurity: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep Temporal workflow code deterministic: no I/O imports, no timers or process globals.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          workflowsDir: { type: 'string' },
          allowedFiles: { type: 'array', items: { type: 'string' } },
          allowedPackages: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      builtin: "Node built-in '{{source}}' in a workflow: workflows must be deterministic and do no I/O. Move this work into an activity.",
      package:
        "Package '{{source}}' in a workflow: only {{allowed}} may be imported here (use `import type` for types). Call it from an activity instead.",
      file: "'{{source}}' is outside src/workflows/: a workflow may import only workflow files and temporal.config.ts (use `import type` for types, or move the code into an activity).",
      inlineType:
        "'{{source}}' is imported only for types but written as `import { type … }`, which still loads the module at run time. Write `import type { … } from '{{source}}'`.",
      global: "'{{name}}' in a workflow: {{hint}}.",
    },
  },
  create(context) {
    const options = (context.options[0] ?? {}) as Options;
    const root = resolve(options.root ?? context.cwd);
    const workflowsDir = resolve(root, options.workflowsDir ?? 'src/workflows');
    const file = resolve(context.filename);
    if (!isInside(file, workflowsDir, sep) || file === workflowsDir) return {};
    const allowedFiles = new Set((options.allowedFiles ?? ['temporal.config.ts']).map((f) => resolve(root, f)));
    const allowedPackages = options.allowedPackages ?? defaultAllowedPackages;
    const from = dirname(file);

    const reportGlobal = (node: Identifier | MemberExpression, name: string) =>
      context.report({ node, messageId: 'global', data: { name, hint: forbiddenGlobals[name] ?? '' } });

    return {
      ...onImportSource(({ node, source, erased, inlineTypeOnly }) => {
        if (erased) return;
        let problem: 'builtin' | 'package' | 'file' | undefined;
        if (source.startsWith('.') || isAbsolute(source)) {
          const target = resolve(from, source);
          if (!isInside(target, workflowsDir, sep) && !allowedFiles.has(target)) problem = 'file';
        } else if (isBuiltin(source)) {
          problem = 'builtin';
        } else if (!packageAllowed(source, allowedPackages)) {
          problem = 'package';
        }
        if (problem === undefined) return;
        context.report({
          node,
          messageId: inlineTypeOnly ? 'inlineType' : problem,
          data: { source, allowed: allowedPackages.map((p) => `'${p}'`).join(', ') },
        });
      }),
      'Program:exit'(program) {
        const globalScope: Scope.Scope = context.sourceCode.getScope(program);
        const seen = new Set<Identifier>();
        const check = (reference: Scope.Reference) => {
          const { identifier } = reference;
          if (identifier.type !== 'Identifier' || seen.has(identifier)) return;
          if (!Object.hasOwn(forbiddenGlobals, identifier.name)) return;
          // A type position (`typeof setTimeout` in a type) is erased; only value references count.
          if ((reference as Scope.Reference & { isValueReference?: boolean }).isValueReference === false) return;
          if (inTypePosition(identifier as Identifier & { parent?: unknown })) return;
          seen.add(identifier);
          reportGlobal(identifier, identifier.name);
        };
        for (const reference of globalScope.through) check(reference);
        for (const name of Object.keys(forbiddenGlobals)) {
          for (const reference of globalScope.set.get(name)?.references ?? []) check(reference);
        }
      },
      MemberExpression(node) {
        if (node.object.type !== 'Identifier' || !['globalThis', 'global', 'window', 'self'].includes(node.object.name)) return;
        const name = node.computed
          ? node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : undefined
          : node.property.type === 'Identifier' ? node.property.name : undefined;
        if (name === undefined || !Object.hasOwn(forbiddenGlobals, name)) return;
        // Only the real global object, not a local variable that happens to be called `global`.
        const variable = context.sourceCode.getScope(node).references.find((r) => r.identifier === node.object)?.resolved;
        if (variable && variable.defs.length > 0) return;
        reportGlobal(node, name);
      },
    };
  },
};
