import type { EvidenceCount, PlotPoint } from '@/lib/history-messages';
import { plural, t } from '@/lib/i18n/i18n';
import { dayLabel, ratioText } from './chart-scale';

/**
 * The plotted series, in stacking order, with the count behind each (what its evidence pages
 * through). `ad` counts ad units *shown* (rendered): what the popup's targeted number adds. Of
 * those, the ones *seen* (an impression: ≥ 50 % in view for 1 s, IAB/MRC) are `SEEN`, drawn inside
 * the ads' bar, not stacked on it (lib/log/org-rollups.ts keeps the count per site-day). Labels are
 * message keys (locales/en.json), read with `t` where they are shown (ARCHITECTURE.md, "Languages").
 */
export const SERIES = [
  { key: 'tracker', count: 'tracker', labelKey: 'dash_series_tracker', color: 'var(--series-tracker)' },
  { key: 'ad', count: 'ad', labelKey: 'dash_series_ad', color: 'var(--series-ad)' },
  { key: 'darkPattern', count: 'darkPattern', labelKey: 'dash_series_dark', color: 'var(--series-dark)' },
  { key: 'engaged', count: 'engagement', labelKey: 'dash_series_engaged', color: 'var(--series-engaged)' },
] as const satisfies readonly { key: keyof PlotPoint; count: EvidenceCount; labelKey: string; color: string }[];

export const SEEN = { key: 'adSeen', count: 'adSeen', labelKey: 'dash_series_seen' } as const satisfies { key: keyof PlotPoint; count: EvidenceCount; labelKey: string };

/** A series' label in the UI's language. */
export const seriesLabel = (s: { labelKey: string }): string => t(s.labelKey);

/** One day in words: the tooltip, and what a screen reader hears for the day picked. */
export function dayInWords(p: PlotPoint, weekday: boolean): string {
  const ratio = p.ratio === null ? t(p.targeted > 0 ? 'dash_ratio_nothing_engaged' : 'dash_ratio_nothing') : t('dash_ratio_is', ratioText(p.ratio));
  return t('dash_day_words', dayLabel(p.day, weekday), p.targeted, p.tracker, p.ad, p.adSeen, p.darkPattern, p.engaged, ratio, plural('dash_pages', p.visits));
}
