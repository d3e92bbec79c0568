export { summarizeVisit, type VisitSummary } from '../registry-records';

/** "24 times targeted for every time you engaged", in plain words. */
export function ratioInWords(targeted: number, engaged: number): string {
  if (targeted === 0 && engaged === 0) return 'Nothing targeted you here, and you have not interacted yet.';
  if (targeted === 0) return 'Nothing targeted you here.';
  if (engaged === 0) return `Targeted ${targeted} ${targeted === 1 ? 'time' : 'times'} before you did anything.`;
  const ratio = targeted / engaged;
  if (ratio < 1) return `You engaged more often than you were targeted (${engaged} to ${targeted}).`;
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'time' : 'times'} targeted for every time you engaged.`;
}
