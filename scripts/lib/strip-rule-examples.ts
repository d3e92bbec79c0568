import ts from 'typescript';
import type { WxtViteConfig } from 'wxt';

type VitePlugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

/**
 * Rules are data that carry their own `examples`, `counterExamples` and `note` (STYLE.md, after
 * autoconsent): the tests run them, the shipped extension never reads them. This build-only plugin
 * drops those properties from object literals in lib/ when their value is a literal (an array or a
 * string), so a zod schema's `examples: z.array(…)` is left alone. Content scripts must stay small
 * (issue #3: ≤ 30 KB gzip for everything injected); the test data was most of their size.
 */
const STRIPPED = new Set(['examples', 'counterExamples', 'note']);

export function stripRuleExamples(): VitePlugin {
  return {
    name: 'beaker:strip-rule-examples',
    apply: 'build',
    enforce: 'pre',
    transform(code: string, id: string) {
      const stripped = stripExamples(code, id);
      return stripped === null ? null : { code: stripped, map: null };
    },
  };
}

/** The source with rule examples removed, or null when there was nothing to remove. */
export function stripExamples(code: string, id: string): string | null {
  {
    {
      if (!/\/lib\/.*\.ts$/.test(id.split('?')[0] ?? '') || !/\b(?:examples|counterExamples|note)\s*:/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      let removed = 0;
      const visit: ts.Visitor = (node) => {
        if (ts.isObjectLiteralExpression(node)) {
          const kept = node.properties.filter((p) => {
            const drop =
              ts.isPropertyAssignment(p) &&
              (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
              STRIPPED.has(p.name.text) &&
              (ts.isArrayLiteralExpression(p.initializer) || ts.isStringLiteralLike(p.initializer) || ts.isTemplateExpression(p.initializer));
            if (drop) removed += 1;
            return !drop;
          });
          const visited = ts.visitNodes(ts.factory.createNodeArray(kept), visit) as ts.NodeArray<ts.ObjectLiteralElementLike>;
          return ts.factory.updateObjectLiteralExpression(node, visited);
        }
        return ts.visitEachChild(node, visit, undefined);
      };
      const result = ts.transform(source, [(context) => (root) => ts.visitNode(root, (n) => ts.visitEachChild(n, visit, context)) as ts.SourceFile]);
      if (removed === 0) return null;
      const printed = ts.createPrinter().printFile(result.transformed[0]!);
      result.dispose();
      return printed;
    }
  }
}
