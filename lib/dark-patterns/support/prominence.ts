import { coloursOf, contrastRatio, fillOf } from './colour';
import { isLinkLike } from './dom';
import { fontSizeOf, measure } from './geometry';

/**
 * Ways a "reject" is made harder to see than the "accept" beside it. Thresholds are generous: a
 * "Reject" shorter than "Accept all cookies" is narrower by its words alone, so width is not
 * compared; height, font size, the shape (link or button) and text contrast are.
 */
export const PROMINENCE_LIMITS = {
  /** Reject as tall as this share of accept, or less. */
  heightRatio: 0.7,
  /** Reject font this share of accept's, or less. */
  fontRatio: 0.8,
  /** Reject area this share of accept's, or less (a tiny text link next to a big button). */
  areaRatio: 0.3,
  /** WCAG AA large-text minimum: below it a label reads as faint. */
  faintContrast: 3,
  /** Accept at least this contrast (AA body text) while reject is faint. */
  clearContrast: 4.5,
} as const;

/** A button-looking element: a button, or a link given a fill of its own. */
function looksLikeButton(el: Element, win: Window): boolean {
  return !isLinkLike(el) || fillOf(el, win) !== null;
}

/** Why `reject` is less prominent than `accept`; empty when it is not. */
export function lessProminent(reject: Element, accept: Element, win: Window): string[] {
  const reasons: string[] = [];
  if (looksLikeButton(accept, win) && !looksLikeButton(reject, win)) reasons.push('reject is a plain link, accept is a button');

  const a = measure(accept, win);
  const r = measure(reject, win);
  if (a && r && a.source === 'layout' && r.source === 'layout') {
    if (r.height <= a.height * PROMINENCE_LIMITS.heightRatio) reasons.push(`reject is ${Math.round(r.height)} px tall, accept ${Math.round(a.height)} px`);
    else if (r.width * r.height <= a.width * a.height * PROMINENCE_LIMITS.areaRatio) reasons.push('reject covers under a third of accept\'s area');
  }
  const af = fontSizeOf(accept, win);
  const rf = fontSizeOf(reject, win);
  if (af && rf && rf <= af * PROMINENCE_LIMITS.fontRatio) reasons.push(`reject text ${rf} px, accept ${af} px`);

  const ac = coloursOf(accept, win);
  const rc = coloursOf(reject, win);
  if (ac && rc) {
    const acceptContrast = contrastRatio(ac.text, ac.background);
    const rejectContrast = contrastRatio(rc.text, rc.background);
    if (rejectContrast < PROMINENCE_LIMITS.faintContrast && acceptContrast >= PROMINENCE_LIMITS.clearContrast) {
      reasons.push(`reject text contrast ${rejectContrast.toFixed(1)}:1, accept ${acceptContrast.toFixed(1)}:1`);
    }
  }
  return reasons;
}

/** A rough prominence score to pick the most visible of several accept buttons. */
export function prominenceScore(el: Element, win: Window): number {
  const box = measure(el, win);
  const font = fontSizeOf(el, win) ?? 16;
  return (box ? box.width * box.height : font * font * 4) + (looksLikeButton(el, win) ? 1e6 : 0);
}
