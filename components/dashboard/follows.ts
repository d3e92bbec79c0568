import { formatList, plural, t } from '@/lib/i18n/i18n';
import { trackerCategoryOf } from '@/lib/i18n/labels';
import { dayLabel } from './chart-scale';

/**
 * The arithmetic and words of "who follows you" (WhoFollows.svelte): one tiny bar chart per
 * organization, all on the same scale (small multiples compare only so), and its series in words.
 * Pure, unit-tested.
 */

export const SPARK = { width: 180, height: 36, gap: 1 } as const;

export interface SparkBar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/** One bar per day, `top` the largest value of every multiple; a day with nothing has no bar. */
export function sparkBars(daily: readonly number[], top: number): SparkBar[] {
  const slot = SPARK.width / Math.max(1, daily.length);
  const width = Math.max(0.5, slot - SPARK.gap);
  const bars: SparkBar[] = [];
  daily.forEach((value, i) => {
    if (value <= 0) return;
    const height = Math.max(2, (SPARK.height * value) / Math.max(1, top));
    bars.push({ x: i * slot, y: SPARK.height - height, width, height, value });
  });
  return bars;
}

/** `Nov 14: 2 sites, Nov 19: 1 site; none on the other 5 days.` (in the UI's language) */
export function dailyInWords(days: readonly string[], daily: readonly number[]): string {
  const parts = days.flatMap((day, i) => (daily[i]! > 0 ? [plural('dash_day_sites', daily[i]!, dayLabel(day))] : []));
  const rest = days.length - parts.length;
  if (parts.length === 0) return plural('dash_none_on_days', days.length);
  return rest > 0 ? plural('dash_none_other_days', rest, formatList(parts)) : t('dash_sentence', formatList(parts));
}

/** TrackerDB's category keys in words: `site_analytics` → `Site analytics` (translated where a locale names it). */
export const categoryLabel = (category: string): string => trackerCategoryOf(category);
