import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { TAXONOMY, CATEGORY_INFO as PATTERN_CATEGORIES } from '../../../lib/dark-patterns/taxonomy';
import { CATEGORY_INFO as TRACKER_CATEGORIES } from '../../../lib/trackers/categories';
import { FAMILIES } from '../../../lib/registry';
import { RECORD_KINDS } from '../../../lib/export/records';
import { derivedKey, dir, formatNumber, lang, plural, pluralKey, t, tOr, useMessages } from '../../../lib/i18n/i18n';
import { patternExplanation, ratioInWords } from '../../../lib/i18n/labels';
import { LOCALES_DIR as DIR, messagesOf, readLocale as read, type Messages } from './messages';

/**
 * Issue #12, item 2: every locale has every message, plural messages have one key per CLDR plural
 * category of that locale (Intl.PluralRules), and every message has the same placeholders as the
 * English one. Words whose English lives in a data module (taxonomy, families, TrackerDB's
 * categories) are translated under derived keys in every locale but English.
 */
const ROOT = resolve(__dirname, '../../..');
const REQUIRED = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pl', 'ja', 'zh_CN', 'ar', 'he'];
const LOCALES = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
const en = read('en');
const bcp47 = (locale: string) => locale.replace('_', '-');

/** Plural bases of the English file: `<base>_other` with `<base>_one` beside it. */
const PLURAL_BASES = Object.keys(en).filter((k) => k.endsWith('_other') && `${k.slice(0, -6)}_one` in en).map((k) => k.slice(0, -6));
const isPluralKey = (key: string) => PLURAL_BASES.some((base) => /^(zero|one|two|few|many|other)$/.test(key.slice(base.length + 1)) && key.startsWith(`${base}_`));

function derivedKeys(): Messages {
  const out: Messages = {};
  for (const [type, info] of Object.entries(TAXONOMY)) {
    out[derivedKey('dp', type, 'label')] = info.label;
    out[derivedKey('dp', type, 'explain')] = info.explanation;
  }
  for (const [id, info] of Object.entries(PATTERN_CATEGORIES)) {
    out[derivedKey('dpcat', id)] = info.label;
    out[derivedKey('dpcat', id, 'about')] = info.description;
  }
  for (const family of FAMILIES) {
    out[derivedKey('family', family.id, 'label')] = family.label;
    out[derivedKey('family', family.id, 'description')] = family.description;
  }
  for (const [id, info] of Object.entries(TRACKER_CATEGORIES)) out[derivedKey('trackercat', id)] = info.name;
  return out;
}
const DERIVED = derivedKeys();

/** The keys a locale must have, each with the English message whose placeholders it must keep. */
function expectedKeys(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const categories = new Intl.PluralRules(bcp47(locale)).resolvedOptions().pluralCategories;
  for (const [key, message] of Object.entries(en)) {
    if (isPluralKey(key)) continue;
    out.set(key, message);
  }
  for (const base of PLURAL_BASES) for (const category of categories) out.set(`${base}_${category}`, en[`${base}_other`]!);
  if (locale !== 'en') for (const [key, english] of Object.entries(DERIVED)) out.set(key, english);
  return out;
}

const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

afterEach(() => useMessages());

describe('locales', () => {
  test('the twelve locales are shipped, and nothing else under locales/', () => {
    for (const locale of REQUIRED) expect(LOCALES, locale).toContain(locale);
    for (const name of readdirSync(DIR)) expect(statSync(join(DIR, name)).isFile() && name.endsWith('.json'), name).toBe(true);
  });

  test('English has no derived keys: its words are the data modules’ own', () => {
    for (const key of Object.keys(DERIVED)) expect(en, key).not.toHaveProperty(key);
    expect(PLURAL_BASES.length).toBeGreaterThan(10);
  });

  test.each(LOCALES)('%s has every key (plural forms by its CLDR categories), no other, none empty', (locale) => {
    const messages = read(locale);
    const expected = expectedKeys(locale);
    expect(Object.keys(messages).filter((k) => !expected.has(k)), 'keys English does not have').toEqual([]);
    expect([...expected.keys()].filter((k) => !(k in messages)), 'missing keys').toEqual([]);
    for (const [key, message] of Object.entries(messages)) {
      expect(key, 'Chrome’s key characters').toMatch(/^[A-Za-z0-9_]+$/);
      expect(message.trim().length, key).toBeGreaterThan(0);
      expect(message, key).toBe(message.trim());
    }
    expect(messages.locale_code).toBe(bcp47(locale));
  });

  test.each(LOCALES)('%s keeps the placeholders of every English message', (locale) => {
    const messages = read(locale);
    const wrong: string[] = [];
    for (const [key, english] of expectedKeys(locale)) {
      const message = messages[key];
      if (message === undefined) continue; // reported by the test above
      // A plural form may leave out the number ($1) where the language names it in words (Arabic's "one", "two").
      const mine = placeholders(message);
      const theirs = placeholders(english);
      const ok = isPluralKey(key) ? theirs.filter((p) => p !== '$1').every((p) => mine.includes(p)) && mine.every((p) => theirs.includes(p)) : mine.join() === theirs.join();
      if (!ok) wrong.push(`${key}: ${mine.join(' ')} vs English ${theirs.join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });

  test('every key the code asks for exists in English', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|svelte)$/.test(name)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of ['components', 'entrypoints', 'lib']) walk(join(ROOT, dir));
    const asked = new Set<string>();
    for (const source of sources) {
      for (const m of source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(m[1]!);
      for (const m of source.matchAll(/\bplural\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(`${m[1]!}_other`);
      // Label maps name their message keys (components/dashboard/series.ts, SitesTable.svelte, EvidenceDialog.svelte).
      for (const m of source.matchAll(/\blabelKey: '([A-Za-z0-9_]+)'/g)) asked.add(m[1]!);
      // Any literal of a message prefix the dashboard and the settings page use (keys picked with `? :`, in maps): a key, or a plural base.
      for (const m of source.matchAll(/(?<!derivedKey\()'((?:dash|why|options|import|export|filters)_[A-Za-z0-9_]+)'/g)) {
        const key = m[1]!;
        asked.add(!(key in en) && `${key}_other` in en ? `${key}_other` : key);
      }
    }
    for (const action of ['click', 'type', 'submit', 'media']) asked.add(`engagement_${action}`);
    // Keys derived from a record kind (lib/options/export-import-form.ts): `kind_<kind>`, `import_count_<kind>_other`.
    for (const kind of RECORD_KINDS) {
      asked.add(derivedKey('kind', kind));
      asked.add(derivedKey('import_count', kind, 'other'));
    }
    expect(asked.size).toBeGreaterThan(80);
    expect([...asked].filter((k) => !(k in en))).toEqual([]);
  });
});

describe('plural forms and formatting', () => {
  test('keys by the locale’s rules', () => {
    expect(pluralKey('x', 1, 'en')).toBe('x_one');
    expect(pluralKey('x', 2, 'en')).toBe('x_other');
    expect([1, 2, 5, 22, 25].map((n) => pluralKey('x', n, 'pl'))).toEqual(['x_one', 'x_few', 'x_many', 'x_few', 'x_many']);
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralKey('x', n, 'ar'))).toEqual(['x_zero', 'x_one', 'x_two', 'x_few', 'x_many', 'x_other']);
    expect(pluralKey('x', 1, 'ja')).toBe('x_other');
  });

  test('messages in Polish, Arabic and German: plural, numbers, direction', () => {
    useMessages(messagesOf('pl'));
    expect(lang()).toBe('pl');
    expect([1, 3, 5, 22, 25].map((n) => plural('trackers_requests', n))).toEqual(['1 żądanie', '3 żądania', '5 żądań', '22 żądania', '25 żądań']);
    useMessages(messagesOf('ar'));
    expect(dir()).toBe('rtl');
    expect(plural('badge_title', 12)).toContain(formatNumber(12)); // digits as Intl.NumberFormat('ar') writes them
    useMessages(messagesOf('de'));
    expect(dir()).toBe('ltr');
    expect(t('popup_error', 'x')).toContain('x');
    expect(plural('badge_title', 1234)).toContain('1.234');
  });

  test('English: the headline’s sentences, and the taxonomy’s English when no locale translates a type', () => {
    useMessages(messagesOf('en'));
    expect(ratioInWords(0, 0)).toBe('Nothing targeted you on this page, and you have not interacted yet.');
    expect(ratioInWords(1, 0)).toBe('Targeted 1 time before you did anything.');
    expect(ratioInWords(25, 10)).toBe('Targeted 2.5 times for every time you engaged.');
    expect(patternExplanation('low-stock-message')).toBe(TAXONOMY['low-stock-message'].explanation);
    expect(patternExplanation('no-such-type')).toBeNull();
    useMessages(messagesOf('fr'));
    expect(patternExplanation('low-stock-message')).not.toBe(TAXONOMY['low-stock-message'].explanation);
    expect(tOr('dp_not_yet_translated_label', 'English')).toBe('English');
  });
});
