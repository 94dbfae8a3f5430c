import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Rule } from 'eslint';
import { onImportSource } from './import-sources.ts';

type Options = { root?: string };

/** `src/modules/<name>/…` → `{ name, rest }` for a path inside the modules folder. */
function moduleOf(file: string, modulesDir: string): { name: string; rest: string } | undefined {
  const rel = relative(modulesDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const [name, ...rest] = rel.split(sep);
  return name ? { name, rest: rest.join('/') } : undefined;
}

const publicFaces = new Set(['index.ts', 'index.js']);
/** Test code (specs, test/, bench/, testing/ folders) may also use another module's `testing/` folder: its harnesses and fakes. */
function isTestCode(file: string, root: string): boolean {
  const [top] = relative(root, file).split(sep);
  return /\.spec\.ts$/.test(file) || top === 'test' || top === 'bench' || file.split(sep).includes('testing');
}

/**
 * A module's public face is its index.ts: a file outside `src/modules/<name>/` may import only
 * `src/modules/<name>/index.ts`; files inside the same module import each other freely.
 */
export const moduleBoundary: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: "Import another module only through its index.ts (ARCHITECTURE.md, 'Modules')." },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      internal:
        "'{{source}}' reaches inside module '{{name}}' ({{target}}). Outside src/modules/{{name}}/, import only src/modules/{{name}}/index.ts — export what you need from there.",
    },
  },
  create(context) {
    const options = (context.options[0] ?? {}) as Options;
    const root = resolve(options.root ?? context.cwd);
    const modulesDir = resolve(root, 'src', 'modules');
    const importer = moduleOf(resolve(context.filename), modulesDir);
    const from = dirname(resolve(context.filename));
    return onImportSource(({ node, source }) => {
      if (!source.startsWith('.') && !isAbsolute(source)) return;
      const target = moduleOf(resolve(from, source), modulesDir);
      if (!target || target.name === importer?.name) return;
      if (publicFaces.has(target.rest)) return;
      if ((target.rest.startsWith('testing/') || target.rest.startsWith('test-support/')) && isTestCode(resolve(context.filename), root)) return;
      context.report({
        node,
        messageId: 'internal',
        data: { source, name: target.name, target: `src/modules/${target.name}/${target.rest}` },
      });
    });
  },
};
