import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GetMessage } from '../../../lib/i18n/i18n';

/**
 * A locale's messages as the browsers read them (ARCHITECTURE.md, "Languages"): one flat file in
 * locales/, Chrome's and Firefox's `getMessage` falling back to English key by key. Unit tests
 * that check words pass `messagesOf('en')` (or another locale) to `useMessages`.
 */
export const LOCALES_DIR = join(resolve(__dirname, '../../..'), 'locales');
export type Messages = Record<string, string>;
export const readLocale = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), 'utf8')) as Messages;

export function messagesOf(locale: string): GetMessage {
  const own = readLocale(locale);
  const en = readLocale('en');
  return (key, subs = []) => {
    const message = own[key] ?? en[key];
    return message === undefined ? '' : message.replace(/\$(\d|\$)/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  };
}
