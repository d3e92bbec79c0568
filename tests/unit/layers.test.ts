import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Issue #7, "Layout by family" (ARCHITECTURE.md, "Layers"): each layer imports only from the layers
 * below it, type-only imports included, and no module of lib/ is part of an import cycle. Checked on
 * the source, every `import`/`export … from`/`import()` of every file under lib/.
 */

const ROOT = resolve(__dirname, '../..');
const LIB = join(ROOT, 'lib');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every specifier a module names, type-only ones included. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s+(?:type\s+)?(?:[^;'"]*?from\s*)?['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function resolveIn(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
}

const files = filesUnder(LIB);
const graph = new Map<string, string[]>(
  files.map((f) => [relative(ROOT, f), specifiers(readFileSync(f, 'utf8')).flatMap((s) => { const r = resolveIn(f, s); return r ? [relative(ROOT, r)] : []; })]),
);

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** The layer of a module, from the bottom (0) up, as ARCHITECTURE.md draws them. */
function layerOf(file: string): { name: string; rank: number } {
  const path = file.replace(/^lib\//, '');
  const top = path.split('/')[0]!;
  if (['core', 'schema'].includes(top) || ['message-limits.ts', 'text.ts', 'history-messages.ts', 'filter-list-messages.ts'].includes(path)) return { name: 'bottom', rank: 0 };
  if (['trackers', 'ads', 'dark-patterns', 'engagement'].includes(top)) return { name: 'families', rank: 1 };
  if (['registry.ts', 'registry-page.ts', 'registry-records.ts'].includes(path)) return { name: 'registry', rank: 2 };
  if (['log', 'import', 'export'].includes(top)) return { name: 'log, import, export', rank: 2 };
  // The message catalogue checks at compile time that its answers are what lib/log computes.
  if (['messages.ts', 'settings.ts'].includes(path)) return { name: 'messages', rank: 2.5 };
  if (top === 'i18n') return { name: 'i18n', rank: 2.5 }; // the words of the views: above the families, below background and pages
  if (['content', 'background', 'popup', 'options'].includes(top)) return { name: top, rank: 3 };
  throw new Error(`${file}: in no layer of ARCHITECTURE.md (add it here and there)`);
}

describe('layers', () => {
  test('the graph is read: lib/ has modules and imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(graph.size);
  });

  test('no import cycle in lib/, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  test('a planted cycle is found (the check sees one)', () => {
    graph.set('lib/__a.ts', ['lib/__b.ts']);
    graph.set('lib/__b.ts', ['lib/__a.ts']);
    try {
      expect(cycles()).toContainEqual(['lib/__a.ts', 'lib/__b.ts']);
    } finally {
      graph.delete('lib/__a.ts');
      graph.delete('lib/__b.ts');
    }
  });

  test('every module imports only from its own layer or below', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      const a = layerOf(from);
      for (const to of targets) {
        const b = layerOf(to);
        if (b.rank > a.rank) wrong.push(`${from} (${a.name}) imports ${to} (${b.name})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the detector contract imports nothing above the bottom layer', () => {
    for (const to of graph.get('lib/core/detector.ts')!) expect(layerOf(to).name, to).toBe('bottom');
  });

  test('families do not import each other, except through the bottom layer', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      if (layerOf(from).name !== 'families') continue;
      const family = from.split('/')[1];
      for (const to of targets) if (layerOf(to).name === 'families' && to.split('/')[1] !== family) wrong.push(`${from} imports ${to}`);
    }
    expect(wrong).toEqual([]);
  });
});
