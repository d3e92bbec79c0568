import { describe, expect, test } from 'vitest';
import { barSlot, dayLabel, labelEvery, niceCeil, ratioText, ticks, yOf } from '../../../components/dashboard/chart-scale';
import { parseRoute, routeHash } from '../../../components/dashboard/history-client';

const frame = { width: 100, height: 60, left: 10, right: 10, top: 5, bottom: 5 };

describe('chart arithmetic', () => {
  test.each([
    [0, 1],
    [0.3, 0.5],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [23, 50],
    [240, 500],
    [1001, 2000],
  ])('niceCeil(%d) = %d', (value, nice) => expect(niceCeil(value)).toBe(nice));

  test('ticks run from 0 to a nice maximum at or above the data, integer steps', () => {
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
    expect(ticks(15)).toEqual([0, 5, 10, 15]);
    expect(ticks(10)).toEqual([0, 5, 10]);
    expect(ticks(46)).toEqual([0, 20, 40, 60]);
    expect(ticks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  test('bars share the inner width; y maps 0..top onto the inner height, clamped', () => {
    expect(barSlot(frame, 4, 0)).toEqual({ x: 13, width: 14, center: 20 });
    expect(barSlot(frame, 4, 3).center).toBe(80);
    expect([yOf(frame, 10, 0), yOf(frame, 10, 5), yOf(frame, 10, 10), yOf(frame, 10, 20)]).toEqual([55, 30, 5, 5]);
  });

  test('labels: every one for a week, every 3rd for 30 days, every 9th for 90', () => {
    expect([labelEvery(7, 10), labelEvery(30, 10), labelEvery(90, 10)]).toEqual([1, 3, 9]);
  });

  test('days and ratios in words', () => {
    expect(dayLabel('2026-11-14')).toBe('Nov 14');
    expect(dayLabel('2026-11-14', true)).toBe('Sat, Nov 14');
    expect([ratioText(null), ratioText(2.54), ratioText(12.4), ratioText(0.25)]).toEqual(['–', '2.5 : 1', '12 : 1', '0.3 : 1']);
  });
});

describe('the dashboard address', () => {
  test('round-trips a site and a span; anything else falls back to the week of every site', () => {
    expect(parseRoute(routeHash({ site: 'news.example', span: 30 }))).toEqual({ site: 'news.example', span: 30 });
    expect(parseRoute('#span=90')).toEqual({ site: null, span: 90 });
    expect(parseRoute('#span=14&site=')).toEqual({ site: null, span: 7 });
    expect(parseRoute(`#site=${'a'.repeat(300)}`)).toEqual({ site: null, span: 7 });
    expect(parseRoute('')).toEqual({ site: null, span: 7 });
  });
});
