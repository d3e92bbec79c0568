import type { DayPoint, EvidenceCount } from '@/lib/history-messages';
import { dayLabel, ratioText } from './chart-scale';

/**
 * The plotted series, in stacking order, with the count behind each (what its evidence pages
 * through). `ad` counts ad units *shown* (rendered): the roll-ups hold that, and it is what the
 * popup's targeted number adds; whether each was then seen (IAB viewability) is in its evidence.
 */
export const SERIES = [
  { key: 'tracker', count: 'tracker', label: 'Tracker requests', color: 'var(--series-tracker)' },
  { key: 'ad', count: 'ad', label: 'Ads shown', color: 'var(--series-ad)' },
  { key: 'darkPattern', count: 'darkPattern', label: 'Dark patterns', color: 'var(--series-dark)' },
  { key: 'engaged', count: 'engagement', label: 'Engaged', color: 'var(--series-engaged)' },
] as const satisfies readonly { key: keyof DayPoint; count: EvidenceCount; label: string; color: string }[];

/** One day in words: the tooltip, and what a screen reader hears for the day picked. */
export function dayInWords(p: DayPoint, weekday: boolean): string {
  const parts = `tracker requests ${p.tracker}, ads shown ${p.ad}, dark patterns ${p.darkPattern}`;
  const ratio = p.ratio === null ? (p.targeted > 0 ? 'nothing engaged' : 'nothing either way') : `targeted : engaged ${ratioText(p.ratio)}`;
  return `${dayLabel(p.day, weekday)}: targeted ${p.targeted} (${parts}), engaged ${p.engaged}; ${ratio}; ${p.visits} ${p.visits === 1 ? 'page' : 'pages'}.`;
}
