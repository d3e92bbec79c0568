import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Issue #7, "One writer": the background is the only module that opens the log (IndexedDB) and the
 * only one that writes the settings. Extension pages (popup, settings) and content scripts ask it.
 * Checked on the source: every module reachable by value imports from an entry point, the way a
 * bundler follows them (type-only imports are erased and do not count).
 */

const ROOT = resolve(__dirname, '../..');
const EXTENSIONS = ['', '.ts', '.svelte', '.js', '.mjs', '/index.ts'];

/** Value imports of a module: `import … from`, `import '…'`, `export … from`, `import('…')`. */
export function valueImports(source: string): string[] {
  const out: string[] = [];
  const statement = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([^;'"]*?from\s*)?['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue; // `import type …` / `export type … from`
    if (m[1] === 'export' && !m[3]) continue;
    out.push(m[4]!);
  }
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** The code of a file: a Svelte component's `<script>` blocks, an HTML page's module scripts, or the file. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  if (file.endsWith('.html')) return [...text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => `import '${m[1]}';`).join('\n');
  return text;
}

function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.') || specifier.startsWith('/')) base = resolve(dirname(from), specifier);
  else return null; // a package
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
}

/** Every project file and every package reachable from `entries` by value imports. */
export function reachable(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = entries.map((e) => resolve(ROOT, e));
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of valueImports(codeOf(file))) {
      const target = resolveSpecifier(file, specifier);
      if (target) todo.push(target);
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

const rel = (files: Set<string>) => [...files].map((f) => relative(ROOT, f)).sort();
const components = readdirSync(join(ROOT, 'components'))
  .filter((f) => f.endsWith('.svelte'))
  .map((f) => `components/${f}`);

const PAGES = {
  popup: ['entrypoints/popup/index.html', 'entrypoints/popup/main.ts'],
  options: ['entrypoints/options/index.html', 'entrypoints/options/main.ts'],
  dashboard: ['entrypoints/dashboard/index.html', 'entrypoints/dashboard/main.ts'],
  components,
};

/** Modules that open or query the database, and the packages that do. */
const DATABASE_MODULES = ['lib/log/database.ts', 'lib/log/index.ts', 'lib/log/queries.ts', 'lib/log/write-queue.ts', 'lib/log/retention.ts'];
const DATABASE_PACKAGES = ['idb', 'fake-indexeddb'];
const OPENS_A_DATABASE = /\bindexedDB\b|\bopenDB\b|\bIDBFactory\b|\bopenDatabase\s*\(/;
/** Writing extension storage: WXT items (`setValue`, `removeValue`), the raw API (`.set(`, `.remove(`, `.clear(`). */
const WRITES_STORAGE = /\.(setValue|removeValue|setItem|setItems|removeItem|removeItems|setMeta|removeMeta)\s*\(|storage\.(local|sync|session)\.(set|remove|clear)\s*\(/;

const offending = (files: Set<string>, pattern: RegExp) => rel(files).filter((f) => pattern.test(codeOf(join(ROOT, f))));

describe('the import walker', () => {
  test('finds value imports and skips type-only ones', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import './side-effect';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "export const x = 1;",
      "const lazy = () => import('./lazy');",
      "import {\n  e,\n  f,\n} from '@/lib/e';",
    ].join('\n');
    expect(valueImports(source)).toEqual(['./a', './side-effect', './c', '@/lib/e', './lazy']);
  });

  test('does reach the database from the background (so a miss below means something)', () => {
    const { files, packages } = reachable(['entrypoints/background.ts']);
    expect(rel(files)).toContain('lib/log/database.ts');
    expect(packages).toContain('idb');
    expect(offending(files, OPENS_A_DATABASE).length).toBeGreaterThan(0);
    expect(offending(files, WRITES_STORAGE)).toContain('lib/background/start.ts');
  });
});

describe.each(Object.entries(PAGES))('the %s page', (_name, entries) => {
  const { files, packages } = reachable(entries);

  test('never opens the database: no log module, no idb, no indexedDB', () => {
    expect(rel(files).filter((f) => DATABASE_MODULES.includes(f) || f.startsWith('lib/background/'))).toEqual([]);
    expect([...packages].filter((p) => DATABASE_PACKAGES.some((d) => p === d || p.startsWith(`${d}/`)))).toEqual([]);
    expect(offending(files, OPENS_A_DATABASE)).toEqual([]);
  });

  test('never writes the settings (or any extension storage): it asks the background', () => {
    expect(offending(files, WRITES_STORAGE)).toEqual([]);
  });
});

describe('the content script', () => {
  // Firefox's content script, and the module Chrome's loader imports (wxt.config.ts).
  const { files, packages } = reachable(['entrypoints/content.ts', 'entrypoints/content-main.ts']);

  test('never opens the database and never writes storage', () => {
    expect(rel(files).filter((f) => f.startsWith('lib/log/') || f.startsWith('lib/background/'))).toEqual([]);
    expect([...packages].filter((p) => DATABASE_PACKAGES.includes(p))).toEqual([]);
    expect(offending(files, OPENS_A_DATABASE)).toEqual([]);
    expect(offending(files, WRITES_STORAGE)).toEqual([]);
  });
});
