import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SPARK, categoryLabel, dailyInWords, sparkBars } from '../../../components/dashboard/follows';
import { useMessages } from '../../../lib/i18n/i18n';
import { messagesOf } from '../i18n/messages';

beforeEach(() => useMessages(messagesOf('en')));
afterEach(() => useMessages());

describe('who follows you: small multiples', () => {
  test('one bar per day with something, on the scale shared by every multiple', () => {
    const bars = sparkBars([2, 0, 0, 1], 4);
    const slot = SPARK.width / 4;
    expect(bars.map((b) => [b.x, b.value, b.height])).toEqual([
      [0, 2, SPARK.height / 2],
      [3 * slot, 1, SPARK.height / 4],
    ]);
    for (const b of bars) expect(b.y + b.height).toBe(SPARK.height);
    // The tallest bar of all fills the height; a tiny one is still visible.
    expect(sparkBars([4], 4)[0]!.height).toBe(SPARK.height);
    expect(sparkBars([1], 1000)[0]!.height).toBe(2);
    expect(sparkBars([0, 0], 1)).toEqual([]);
  });

  test('the series in words, for screen readers', () => {
    expect(dailyInWords(['2026-11-14', '2026-11-15', '2026-11-16'], [2, 0, 1])).toBe('Nov 14: 2 sites, Nov 16: 1 site; none on the other 1 day.');
    expect(dailyInWords(['2026-11-14', '2026-11-15'], [1, 3])).toBe('Nov 14: 1 site, Nov 15: 3 sites.');
    expect(dailyInWords(['2026-11-14', '2026-11-15'], [0, 0])).toBe('None on these 2 days.');
  });

  test('the series in words in Polish and Arabic: plural forms and digits by the locale', () => {
    useMessages(messagesOf('pl'));
    expect(dailyInWords(['2026-11-14', '2026-11-15', '2026-11-16'], [2, 0, 5])).toBe('14 lis: 2 witryny i 16 lis: 5 witryn; brak w pozostałym dniu.');
    useMessages(messagesOf('ar'));
    expect(dailyInWords(['2026-11-14', '2026-11-15'], [0, 0])).toBe('لا شيء في هذين اليومين.');
  });

  test("TrackerDB's categories by their names (translated), an unknown id in words", () => {
    expect(categoryLabel('site_analytics')).toBe('Site Analytics');
    expect(categoryLabel('advertising')).toBe('Advertising');
    expect(categoryLabel('some_new_category')).toBe('Some new category');
    useMessages(messagesOf('de'));
    expect(categoryLabel('advertising')).not.toBe('Advertising');
  });
});
