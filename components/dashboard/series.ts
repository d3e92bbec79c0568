import type { EvidenceCount, PlotPoint } from '@/lib/history-messages';
import { dayLabel, ratioText } from './chart-scale';

/**
 * The plotted series, in stacking order, with the count behind each (what its evidence pages
 * through). `ad` counts ad units *shown* (rendered): what the popup's targeted number adds. Of
 * those, the ones *seen* (an impression: ≥ 50 % in view for 1 s, IAB/MRC) are `SEEN`, drawn inside
 * the ads' bar, not stacked on it (lib/log/org-rollups.ts keeps the count per site-day).
 */
export const SERIES = [
  { key: 'tracker', count: 'tracker', label: 'Tracker requests', color: 'var(--series-tracker)' },
  { key: 'ad', count: 'ad', label: 'Ads shown', color: 'var(--series-ad)' },
  { key: 'darkPattern', count: 'darkPattern', label: 'Dark patterns', color: 'var(--series-dark)' },
  { key: 'engaged', count: 'engagement', label: 'Engaged', color: 'var(--series-engaged)' },
] as const satisfies readonly { key: keyof PlotPoint; count: EvidenceCount; label: string; color: string }[];

export const SEEN = { key: 'adSeen', count: 'adSeen', label: 'Ads seen' } as const satisfies { key: keyof PlotPoint; count: EvidenceCount; label: string };

/** One day in words: the tooltip, and what a screen reader hears for the day picked. */
export function dayInWords(p: PlotPoint, weekday: boolean): string {
  const parts = `tracker requests ${p.tracker}, ads shown ${p.ad} (${p.adSeen} seen), dark patterns ${p.darkPattern}`;
  const ratio = p.ratio === null ? (p.targeted > 0 ? 'nothing engaged' : 'nothing either way') : `targeted : engaged ${ratioText(p.ratio)}`;
  return `${dayLabel(p.day, weekday)}: targeted ${p.targeted} (${parts}), engaged ${p.engaged}; ${ratio}; ${p.visits} ${p.visits === 1 ? 'page' : 'pages'}.`;
}
