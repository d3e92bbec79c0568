import { beforeEach, describe, expect, test } from 'vitest';
import { useMessages } from '../../../lib/i18n/i18n';
import { defaultExportForm, describeOutcome, exportChoiceOf } from '../../../lib/options/export-import-form';
import { messagesOf } from '../i18n/messages';

// The form's messages are the locale's (lib/i18n): these tests read them in English.
beforeEach(() => useMessages(messagesOf('en')));

describe('the settings page export form', () => {
  test('defaults: JSON Lines, privacy on, every kind and site, no dates', () => {
    expect(exportChoiceOf(defaultExportForm())).toEqual({
      ok: true,
      choice: { format: 'jsonl', privacy: 'on', filters: { from: null, to: null, sites: [], kinds: [] } },
    });
  });

  test('days are local and the last one is included; sites are registrable domains; kinds as chosen', () => {
    const form = { ...defaultExportForm(), privacy: false, fromDay: '2026-11-19', toDay: '2026-11-20', sites: 'https://www.news.example/a, shop.example' };
    form.kinds = { ...form.kinds, engagement: false, ad: false };
    const out = exportChoiceOf(form);
    expect(out).toEqual({
      ok: true,
      choice: {
        format: 'jsonl',
        privacy: 'off',
        filters: {
          from: new Date(2026, 10, 19).toISOString(),
          to: new Date(2026, 10, 21).toISOString(),
          sites: ['news.example', 'shop.example'],
          kinds: ['visit', 'tracker', 'dark-pattern'],
        },
      },
    });
  });

  test.each([
    [{ sites: 'not a site' }, /does not look like a site/],
    [{ fromDay: '2026-11-21', toDay: '2026-11-20' }, /first day is after the last/],
  ])('refuses %o', (patch, says) => {
    const out = exportChoiceOf({ ...defaultExportForm(), ...patch });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(says);
  });

  test('no kind chosen', () => {
    const form = defaultExportForm();
    for (const k of Object.keys(form.kinds) as (keyof typeof form.kinds)[]) form.kinds[k] = false;
    expect(exportChoiceOf(form)).toEqual({ ok: false, message: 'Choose at least one kind of record to export.' });
  });
});

describe('what the page says about an imported file', () => {
  test('counts per kind and duplicates; records retention will delete are pointed out', () => {
    const done = { name: 'a.jsonl', ok: true as const, imported: { visit: 2, tracker: 5 }, duplicates: { tracker: 1 }, expiring: { records: 0, retentionDays: 90 } };
    expect(describeOutcome(done)).toBe('a.jsonl: imported 2 visits, 5 tracker records; 1 duplicate skipped.');
    expect(describeOutcome({ ...done, imported: {}, duplicates: { visit: 2, tracker: 5 } })).toBe('a.jsonl: imported nothing new; 7 duplicates skipped.');
    expect(describeOutcome({ ...done, expiring: { records: 3, retentionDays: 30 } })).toMatch(
      /1 duplicate skipped\. 3 records are older than the 30 days Beaker keeps records: the next clean-up \(within 6 hours\) deletes them unless you raise/,
    );
  });

  test('a refusal says nothing was imported, then why', () => {
    expect(describeOutcome({ name: 'b.jsonl', ok: false, line: 4, message: 'line 4 is not JSON (…)' })).toBe('b.jsonl: refused, nothing was imported. line 4 is not JSON (…)');
  });
});
