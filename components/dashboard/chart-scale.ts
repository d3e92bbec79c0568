import { formatDay, formatNumber } from '@/lib/i18n/i18n';

/**
 * The arithmetic of the dashboard's plots (hand-written SVG, README's dependency table says why):
 * nice axis ticks, bar positions, day labels. Pure, unit-tested.
 */

/** The smallest "nice" number (1, 2 or 5 × 10ⁿ) at or above `value`; 1 for nothing. Counts are whole: no 2.5 steps. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value - 1e-9) return step * power;
  return 10 * power;
}

/** Axis ticks from 0 to a nice maximum at or above `max`, about `count` steps, integers only. */
export function ticks(max: number, count = 4): number[] {
  const step = Math.max(1, niceCeil(max / count));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** x of the i-th of n bars and their width, in a frame: bars take 70 % of their slot. */
export function barSlot(frame: Frame, n: number, i: number): { x: number; width: number; center: number } {
  const inner = frame.width - frame.left - frame.right;
  const slot = inner / Math.max(1, n);
  const width = Math.max(1, slot * 0.7);
  const x = frame.left + i * slot + (slot - width) / 2;
  return { x, width, center: x + width / 2 };
}

/** y of a value on a 0..top axis in a frame (SVG y grows downwards). */
export function yOf(frame: Frame, top: number, value: number): number {
  const inner = frame.height - frame.top - frame.bottom;
  return frame.top + inner - (inner * Math.min(value, top)) / Math.max(1, top);
}

/** Which of n day labels to print so that about `most` fit: every k-th, counted from the last (today). */
export function labelEvery(n: number, most: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, most)));
}

/** `2026-11-14` → `Nov 14` (in the UI's language, by Intl); with the weekday for a week's plot: `Sat, Nov 14`. */
export const dayLabel = (day: string, weekday = false): string => formatDay(day, weekday);

/** A ratio in words for a table cell: `3.5 : 1`, or `–` when nothing was engaged (numbers in the UI's locale). */
export function ratioText(ratio: number | null): string {
  if (ratio === null) return '–';
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return `${formatNumber(rounded)} : ${formatNumber(1)}`;
}
