import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dayLabel, ratioText } from '../../../components/dashboard/chart-scale';
import { SEEN, SERIES, dayInWords, seriesLabel } from '../../../components/dashboard/series';
import type { PlotPoint } from '../../../lib/history-messages';
import { formatPercent, formatTime, useMessages } from '../../../lib/i18n/i18n';
import { patternCategoryDescription } from '../../../lib/i18n/labels';
import { CATEGORY_INFO } from '../../../lib/dark-patterns/taxonomy';
import { messagesOf } from '../i18n/messages';

/** Issue #12: the dashboard's words, days and numbers in the UI's language (Intl with `locale_code`). */
beforeEach(() => useMessages(messagesOf('en')));
afterEach(() => useMessages());

const point: PlotPoint = { day: '2026-11-14', visits: 3, targeted: 12, tracker: 8, ad: 3, adSeen: 1, darkPattern: 1, engaged: 4, ratio: 3 };

describe('the dashboard in English', () => {
  test('days, ratios and a day in words read as before (the e2e tests match these)', () => {
    expect(dayLabel('2026-11-14')).toBe('Nov 14');
    expect(dayLabel('2026-11-14', true)).toBe('Sat, Nov 14');
    expect([ratioText(null), ratioText(2.54), ratioText(12.4)]).toEqual(['–', '2.5 : 1', '12 : 1']);
    expect(dayInWords(point, true)).toBe(
      'Sat, Nov 14: targeted 12 (tracker requests 8, ads shown 3 (1 seen), dark patterns 1), engaged 4; targeted : engaged 3 : 1; 3 pages.',
    );
    expect(dayInWords({ ...point, visits: 1, engaged: 0, ratio: null }, false)).toMatch(/^Nov 14: targeted 12 \(tracker requests 8.*; nothing engaged; 1 page\.$/);
    expect([...SERIES, SEEN].map(seriesLabel)).toEqual(['Tracker requests', 'Ads shown', 'Dark patterns', 'Engaged', 'Ads seen']);
    expect(patternCategoryDescription('urgency')).toBe(CATEGORY_INFO.urgency.description);
    expect(patternCategoryDescription('no-such-category')).toBe('');
  });
});

describe('the dashboard in other languages', () => {
  test('German: words, day names and decimal comma', () => {
    useMessages(messagesOf('de'));
    expect(dayLabel('2026-11-14', true)).toBe(new Intl.DateTimeFormat('de', { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(2026, 10, 14)));
    expect(dayLabel('2026-11-14', true)).toMatch(/^Sa/);
    expect(ratioText(2.54)).toBe('2,5 : 1');
    expect(seriesLabel(SERIES[0])).toBe('Tracker-Anfragen');
    expect(dayInWords(point, false)).toContain('Tracker-Anfragen 8');
    expect(patternCategoryDescription('urgency')).not.toBe(CATEGORY_INFO.urgency.description);
  });

  test('Arabic: Arabic digits, Arabic plural of pages, dates and percentages by Intl', () => {
    useMessages(messagesOf('ar'));
    const digits = new Intl.NumberFormat('ar').format(12);
    expect(dayInWords(point, false)).toContain(digits);
    expect(dayInWords({ ...point, visits: 2 }, false)).toContain('صفحتان');
    expect(dayInWords({ ...point, visits: 5 }, false)).toContain('صفحات');
    expect(formatPercent(0.85)).toBe(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.85));
    expect(formatTime('2026-11-14T09:05:00Z')).toBe(new Date('2026-11-14T09:05:00Z').toLocaleString('ar', { dateStyle: 'medium', timeStyle: 'short' }));
  });

  test('Japanese: no plural forms, the one form holds the number', () => {
    useMessages(messagesOf('ja'));
    expect(dayInWords({ ...point, visits: 1 }, false)).toContain('1 ページ');
    expect(dayLabel('2026-11-14')).toBe('11月14日');
  });
});
