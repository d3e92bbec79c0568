import ts from 'typescript';
import type { WxtViteConfig } from 'wxt';

type VitePlugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

/**
 * Rules are data that carry their own `examples`, `counterExamples`, `note` and `why` (ARCHITECTURE.md, after
 * autoconsent): the tests run them, the shipped extension never reads them. This build-only plugin
 * drops those properties from object literals in lib/ when their value is a literal (an array or a
 * string), so a zod schema's `examples: z.array(…)` is left alone. Content scripts must stay small
 * (issue #3: ≤ 30 KB gzip for everything injected); the test data was most of their size.
 */
const STRIPPED = new Set(['examples', 'counterExamples', 'note', 'why']);
/**
 * Detector files also lose their `description`: a sentence for the docs, the eval report and the
 * convention test, read by nothing in the extension (issue #7 measured the content script at
 * 31.2 KB gzip with them). A family's `description` is shown by the settings page, so family files
 * keep it in extension pages (HTML builds) and lose it in scripts (content scripts, the background:
 * Vite library builds), which never show it.
 */
const STRIPPED_IN_DETECTORS = new Set([...STRIPPED, 'description']);
const DETECTOR_FILE = /\/lib\/[a-z-]+\/detectors\/[a-z0-9-]+\.ts$/;
const FAMILY_FILE = /\/lib\/[a-z-]+\/family\.ts$/;

export function stripRuleExamples(): VitePlugin {
  let script = false;
  return {
    name: 'beaker:strip-rule-examples',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      // WXT builds every script entrypoint (content scripts, the background) in library mode, pages as HTML.
      script = Boolean(config.build.lib);
    },
    transform(code: string, id: string) {
      const stripped = stripExamples(code, id, { familyDescriptions: script });
      return stripped === null ? null : { code: stripped, map: null };
    },
  };
}

/** The source with rule examples removed, or null when there was nothing to remove. */
export function stripExamples(code: string, id: string, options: { familyDescriptions: boolean } = { familyDescriptions: true }): string | null {
  {
    {
      const path = id.split('?')[0] ?? '';
      const names = DETECTOR_FILE.test(path) || (options.familyDescriptions && FAMILY_FILE.test(path)) ? STRIPPED_IN_DETECTORS : STRIPPED;
      if (!/\/lib\/.*\.ts$/.test(path) || !/\b(?:examples|counterExamples|note|why|description)\s*:/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      let removed = 0;
      const visit: ts.Visitor = (node) => {
        if (ts.isObjectLiteralExpression(node)) {
          const kept = node.properties.filter((p) => {
            const drop =
              ts.isPropertyAssignment(p) &&
              (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
              names.has(p.name.text) &&
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
