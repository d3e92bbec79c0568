/**
 * The badge shows the page's targeted count (empty when zero). Its colour steps with the count,
 * never with a guess about intent (DESIGN.md): grey, then amber, orange, red.
 */
export const BADGE_STEPS: readonly { from: number; color: string }[] = [
  { from: 50, color: '#b91c1c' },
  { from: 20, color: '#c2410c' },
  { from: 5, color: '#b45309' },
  { from: 1, color: '#4b5563' },
];

export function badgeFor(targeted: number): { text: string; color: string } {
  if (!(targeted > 0)) return { text: '', color: '#4b5563' };
  const text = targeted > 999 ? '999+' : String(Math.floor(targeted));
  const color = BADGE_STEPS.find((s) => targeted >= s.from)?.color ?? '#4b5563';
  return { text, color };
}
