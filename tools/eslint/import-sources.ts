import type { Rule } from 'eslint';
import type { Node as EstreeNode } from 'estree';

/** An import or re-export with a literal source, and whether TypeScript erases it entirely. */
export type ImportSource = { node: EstreeNode; source: string; erased: boolean; inlineTypeOnly: boolean };

type MaybeTyped = { importKind?: 'type' | 'value'; exportKind?: 'type' | 'value' };

function literal(node: EstreeNode | null | undefined): string | undefined {
  return node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Calls `visit` for `import … from`, `export … from`, `export * from` and `import('…')` with a
 * literal source. `import type` / `export type` are erased; `import { type A } from` is not (under
 * verbatimModuleSyntax it stays as `import {} from`, which still loads the module).
 */
export function onImportSource(visit: (found: ImportSource) => void): Rule.RuleListener {
  return {
    ImportDeclaration(node) {
      const source = literal(node.source);
      if (source === undefined) return;
      const typed = node as unknown as MaybeTyped;
      const specifiers = node.specifiers as (typeof node.specifiers[number] & MaybeTyped)[];
      const inlineTypeOnly = specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
      visit({ node, source, erased: typed.importKind === 'type', inlineTypeOnly });
    },
    ExportNamedDeclaration(node) {
      const source = literal(node.source);
      if (source === undefined) return;
      visit({ node, source, erased: (node as unknown as MaybeTyped).exportKind === 'type', inlineTypeOnly: false });
    },
    ExportAllDeclaration(node) {
      const source = literal(node.source);
      if (source === undefined) return;
      visit({ node, source, erased: (node as unknown as MaybeTyped).exportKind === 'type', inlineTypeOnly: false });
    },
    ImportExpression(node) {
      const source = literal(node.source) ?? (node.source.type === 'TemplateLiteral' && node.source.expressions.length === 0 ? node.source.quasis[0]?.value.cooked ?? undefined : undefined);
      if (source === undefined) return;
      visit({ node, source, erased: false, inlineTypeOnly: false });
    },
  };
}

/** Whether `path` is `dir` itself or inside it. */
export function isInside(path: string, dir: string, sep: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
