import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SEEN, SERIES } from '../../../components/dashboard/series';
import { RECORD_KINDS } from '../../../lib/export/records';
import { derivedKey } from '../../../lib/i18n/i18n';
import { readLocale } from './messages';

/**
 * Issue #12: the dashboard, the settings page and lib/options say nothing in hard-coded English.
 * Every word they show is a message (locales/en.json); their label maps hold message keys, and
 * every message they add is asked for somewhere. A sentence typed into a template or a string
 * literal fails here, with the file and the text.
 */
const ROOT = resolve(__dirname, '../../..');
const en = readLocale('en');
const dir = (path: string, pattern: RegExp) => readdirSync(join(ROOT, path)).filter((f) => pattern.test(f)).map((f) => join(path, f));
const FILES = [
  ...dir('components/dashboard', /\.(ts|svelte)$/),
  ...dir('entrypoints/dashboard', /\.ts$/),
  ...dir('lib/options', /\.ts$/),
  ...['Settings', 'FilterListsSection', 'ExportImportSection', 'TrackerSection'].map((c) => `components/${c}.svelte`),
];
const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Comments and styles out: what is left is code and markup. */
const code = (text: string) =>
  text
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');

/** Two words of letters in a row: a sentence or a label, not an id, a key or a selector. */
const WORDS = /[A-Za-z]{2,}(?=[,.:;!?]*\s)[\s,.:;!?]+[A-Za-z]{2,}/;

/** Technical names shown as they are in every language. */
const TECHNICAL = /\bsha256\b/g;

function englishIn(file: string, raw = source(file)): string[] {
  const text = code(raw);
  const found: string[] = [];
  const script = file.endsWith('.svelte') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n') : text;
  // String literals of the code (template literals without their ${…} parts).
  for (const m of script.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
    const literal = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, '');
    if (WORDS.test(literal)) found.push(literal.trim());
  }
  if (file.endsWith('.svelte')) {
    const markup = text.replace(/<script[\s\S]*?<\/script>/g, '');
    // Text between tags, without {expressions}.
    for (const m of markup.replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, ' ').matchAll(/>([^<>]+)</g)) {
      if (/[A-Za-z]{2,}/.test(m[1]!.replace(TECHNICAL, ''))) found.push(m[1]!.trim());
    }
    // Words people read or hear in attributes.
    for (const m of markup.matchAll(/\b(aria-label|title|placeholder|alt)="([^"{]*)"/g)) if (/[A-Za-z]{2,}/.test(m[2]!) && m[2] !== 'example.org') found.push(`${m[1]}="${m[2]}"`);
  }
  return found;
}

describe('no hard-coded English', () => {
  test('the scanner finds English in code, markup and attributes, and not in keys, ids or comments', () => {
    expect(FILES.length).toBeGreaterThan(20);
    const svelte = `<script lang="ts">
  // A comment in English is fine.
  const a = t('dash_title');
  const b = \`Deleted \${name}: pages\`;
  import X from './X.svelte';
</script>
<h2 aria-label="Day of the chart">{t('dash_legend')}</h2>
<p>Nothing recorded {n} days.</p>
<span class="x">{value}</span>
<style>
  .x { font-family: Open Sans; }
</style>`;
    expect(englishIn('x.svelte', svelte)).toEqual(['Deleted : pages', 'Nothing recorded   days.', 'aria-label="Day of the chart"']);
    expect(englishIn('x.ts', "throw new Error('The background closed the export.');\nsend({ type: 'export-error' });")).toEqual(['The background closed the export.']);
  });

  test.each(FILES)('%s', (file) => {
    expect(englishIn(file)).toEqual([]);
  });

  test('label maps hold message keys that English has', () => {
    for (const s of [...SERIES, SEEN]) expect(en, s.key).toHaveProperty(s.labelKey);
    for (const kind of RECORD_KINDS) {
      expect(en).toHaveProperty(derivedKey('kind', kind));
      expect(en).toHaveProperty(derivedKey('import_count', kind, 'other'));
    }
    const sitesTable = source('components/dashboard/SitesTable.svelte');
    const keys = [...sitesTable.matchAll(/labelKey: '([a-z_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBe(4);
    for (const key of keys) expect(en).toHaveProperty(key);
  });

  test('every message of the dashboard, lib/options and the reasons is used', () => {
    const all = ['components', 'entrypoints', 'lib'].flatMap(function walk(path: string): string[] {
      return readdirSync(join(ROOT, path), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(path, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [source(join(path, e.name))] : [],
      );
    }).join('\n');
    const literals = new Set([...all.matchAll(/'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
    const derived = new Set(RECORD_KINDS.flatMap((k) => [derivedKey('kind', k), derivedKey('import_count', k)]));
    const unused = Object.keys(en)
      .filter((k) => /^(dash|why|options|kind)_|^import_(count|closed|no_answer|refused|done|nothing|duplicates|expiring)|^export_(closed|not_started|bad_record|not_a_site|no_kind|days_order|unfinished)|^filters_(closed|not_listed)/.test(k))
      .map((k) => k.replace(/_(zero|one|two|few|many|other)$/, (suffix) => (en[k.replace(/_(zero|one|two|few|many|other)$/, '_one')] !== undefined ? '' : suffix)))
      .filter((k) => !literals.has(k) && !derived.has(k));
    expect([...new Set(unused)]).toEqual([]);
  });
});
