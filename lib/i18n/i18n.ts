import { browser } from 'wxt/browser';

/**
 * The words Beaker shows, in the browser's language (ARCHITECTURE.md, "Languages"). Messages live
 * in `locales/<locale>.json` (flat `{ key: message }`), which the build writes to
 * `_locales/<locale>/messages.json` (wxt.config.ts); they are read with the browser's own `i18n`
 * API: the browser picks the locale (its UI language, falling back key by key to `default_locale`
 * en). Plurals follow the locale's CLDR rules (`Intl.PluralRules`: a plural message is one key per
 * category, `<base>_one`, `<base>_few`, … `<base>_other`); numbers, lists and dates go through `Intl`
 * in the same locale as the words (`locale_code`, a message of each locale).
 */
export type GetMessage = (key: string, substitutions?: string[]) => string;

const fromBrowser: GetMessage = (key, substitutions) => {
  try {
    // WXT types the keys from public/_locales, which the build writes from locales/ (wxt.config.ts).
    return (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string | undefined)(key, substitutions) ?? '';
  } catch {
    return ''; // no i18n API (Node, unit tests without messages)
  }
};

let getMessage: GetMessage = fromBrowser;
let cachedLang: string | null = null;
let numbers: Intl.NumberFormat | null = null;
let plurals: Intl.PluralRules | null = null;
let days: Partial<Record<'day' | 'weekday', Intl.DateTimeFormat>> = {};
let lists: Intl.ListFormat | null = null;
let percents: Intl.NumberFormat | null = null;

/** Read messages from elsewhere (unit tests; scripts), or from the browser again with no argument. */
export function useMessages(source?: GetMessage): void {
  getMessage = source ?? fromBrowser;
  cachedLang = null;
  numbers = null;
  plurals = null;
  days = {};
  lists = null;
  percents = null;
}

/** Locales written right to left (of those Beaker ships or could). */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The BCP 47 tag of the messages shown (`pt-BR`), so Intl formats in the language of the words. */
export function lang(): string {
  if (cachedLang === null) {
    const code = getMessage('locale_code');
    try {
      cachedLang = code ? Intl.getCanonicalLocales(code)[0]! : 'en';
    } catch {
      cachedLang = 'en';
    }
  }
  return cachedLang;
}

export function dir(): 'rtl' | 'ltr' {
  return RTL.has(lang().split('-')[0]!) ? 'rtl' : 'ltr';
}

/** Set `lang` and `dir` on an extension page's document (the CSS uses logical properties). */
export function applyDocumentLocale(doc: Document, title?: string): void {
  doc.documentElement.lang = lang();
  doc.documentElement.dir = dir();
  if (title) doc.title = title;
}

export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 });
  return numbers.format(n);
}

/** A local day (`YYYY-MM-DD`) as the locale writes it short: `Nov 14`, with the weekday `Sat, Nov 14`. */
export function formatDay(day: string, weekday = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const format = (days[weekday ? 'weekday' : 'day'] ??= new Intl.DateTimeFormat(lang(), { month: 'short', day: 'numeric', ...(weekday ? { weekday: 'short' } : {}) }));
  return format.format(new Date(y, m - 1, d));
}

/** An instant (ISO 8601) as the locale writes a date and time: `Nov 14, 2026, 9:05 AM`. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(lang(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A fraction (0..1) as a whole percentage in the locale (`85%`, `85 %`, `٨٥٪`). */
export function formatPercent(fraction: number): string {
  percents ??= new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 0 });
  return percents.format(fraction);
}

export function formatList(items: readonly string[]): string {
  // One formatter per page: the dashboard joins a label for every count it shows.
  lists ??= new Intl.ListFormat(lang(), { style: 'short', type: 'unit' });
  return lists.format(items);
}

const substitutions = (subs: readonly (string | number)[]): string[] => subs.map((s) => (typeof s === 'number' ? formatNumber(s) : s));

/** The message `key` with `$1`… filled in (numbers formatted for the locale); the key itself if no locale has it. */
export function t(key: string, ...subs: (string | number)[]): string {
  return getMessage(key, substitutions(subs)) || key;
}

/** For words whose English lives in a data module (the taxonomy, the families): that English when no locale translates it. */
export function tOr(key: string, english: string, ...subs: (string | number)[]): string {
  return getMessage(key, substitutions(subs)) || english;
}

/** The plural key for `n` in `locale`: `<base>_<CLDR category>`. */
export function pluralKey(base: string, n: number, locale: string): string {
  return `${base}_${new Intl.PluralRules(locale).select(n)}`;
}

/** A plural message: `$1` is `n`, formatted; `subs` are `$2`…. Falls back to `<base>_other`. */
export function plural(base: string, n: number, ...subs: (string | number)[]): string {
  plurals ??= new Intl.PluralRules(lang());
  const all = substitutions([n, ...subs]);
  return getMessage(`${base}_${plurals.select(n)}`, all) || getMessage(`${base}_other`, all) || base;
}

/** Message keys for words defined in data modules: ids with `-` become `_` (Chrome's keys are `[A-Za-z0-9_]`). */
export const derivedKey = (prefix: string, id: string, suffix = ''): string => `${prefix}_${id.replaceAll('-', '_')}${suffix ? `_${suffix}` : ''}`;

/** Text of another direction (a site, a file name) inside a right-to-left sentence: wrapped in Unicode isolates there. */
export const isolate = (text: string): string => (dir() === 'rtl' ? `\u2068${text}\u2069` : text);
