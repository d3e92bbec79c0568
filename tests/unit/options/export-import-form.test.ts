import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { defaultExportForm, describeOutcome, exportChoiceOf, kindLabel } from '../../../lib/options/export-import-form';
import { RECORD_KINDS } from '../../../lib/export/records';
import { useMessages } from '../../../lib/i18n/i18n';
import { messagesOf } from '../i18n/messages';

/** Issue #12: what the settings page says about an export form and an imported file, in the UI's language. */
beforeEach(() => useMessages(messagesOf('en')));
afterEach(() => useMessages());

const done = { name: 'a.jsonl', ok: true as const, imported: { visit: 2, tracker: 5 }, duplicates: { tracker: 1 }, expiring: { records: 0, retentionDays: 90 } };

describe('in English (the e2e tests match these)', () => {
  test('export form problems', () => {
    expect(exportChoiceOf({ ...defaultExportForm(), sites: 'not a site' })).toEqual({ ok: false, message: '“not” does not look like a site, e.g. example.org.' });
    expect(exportChoiceOf({ ...defaultExportForm(), fromDay: '2026-11-21', toDay: '2026-11-20' })).toEqual({ ok: false, message: 'The first day is after the last.' });
    const none = defaultExportForm();
    for (const k of RECORD_KINDS) none.kinds[k] = false;
    expect(exportChoiceOf(none)).toEqual({ ok: false, message: 'Choose at least one kind of record to export.' });
  });

  test('an import: counts per kind, duplicates, records retention will delete; a refusal', () => {
    expect(describeOutcome(done)).toBe('a.jsonl: imported 2 visits, 5 tracker records; 1 duplicate skipped.');
    expect(describeOutcome({ ...done, imported: {}, duplicates: { visit: 2, tracker: 5 } })).toBe('a.jsonl: imported nothing new; 7 duplicates skipped.');
    expect(describeOutcome({ ...done, expiring: { records: 3, retentionDays: 30 } })).toMatch(
      /1 duplicate skipped\. 3 records are older than the 30 days Beaker keeps records: the next clean-up \(within 6 hours\) deletes them unless you raise/,
    );
    expect(describeOutcome({ ...done, expiring: { records: 1, retentionDays: 30 } })).toMatch(/ 1 record is older than the 30 days .* deletes it unless/);
    expect(describeOutcome({ name: 'b.jsonl', ok: false, line: 4, message: 'line 4 is not JSON (…)' })).toBe('b.jsonl: refused, nothing was imported. line 4 is not JSON (…)');
  });

  test('record kinds by name', () => {
    expect(RECORD_KINDS.map(kindLabel)).toEqual(['Visits', 'Tracker records', 'Ad records', 'Dark-pattern records', 'Engagement records']);
  });
});

describe('in other languages', () => {
  test('Polish: plural forms of each kind, list joined the Polish way', () => {
    useMessages(messagesOf('pl'));
    expect(describeOutcome({ ...done, imported: { visit: 5, tracker: 2 }, duplicates: { tracker: 22 } })).toBe(
      'a.jsonl: zaimportowano 5 wizyt i 2 rekordy trackerów; pominięto 22 duplikaty.',
    );
    expect(exportChoiceOf({ ...defaultExportForm(), fromDay: '2026-11-21', toDay: '2026-11-20' })).toEqual({ ok: false, message: 'Pierwszy dzień jest po ostatnim.' });
  });

  test('Hebrew: a file name inside a right-to-left sentence is isolated', () => {
    useMessages(messagesOf('he'));
    const text = describeOutcome({ name: 'b.jsonl', ok: false, line: 4, message: 'x' });
    expect(text).toContain('\u2068b.jsonl\u2069');
    expect(text).toContain('נדחה');
    expect(RECORD_KINDS.map(kindLabel).every((l) => /[\u0590-\u05ff]/.test(l))).toBe(true);
  });
});
