import type { Finding } from '../../core/detector';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { indexOf } from '../../core/page-index';
import { BUTTON_SELECTOR, BUTTON_SOURCE, buttonText, isHidden } from '../support/dom';
import { discourseScope, type DiscourseCache } from '../support/discourse';
import { darkPatternFinding, reason } from '../support/finding';
import { closestOverlay } from '../support/overlays';

const ID = 'dark-patterns/confirmshaming';
/** Buttons looked at per pass: a page of thousands of links costs a bounded amount. */
const MAX_CANDIDATES = 1500;
/** Longer than this, a "button" is a card or a paragraph-sized link, not a decline. */
const MAX_TEXT = 160;

/**
 * Whether another choice that is not a decline sits next to this one (same parent or
 * grandparent): the shape of a yes/no prompt, which a link in an article does not have. Any
 * non-decline counts ("Sign me up", "Ja, Mitglied werden"), not only consent words.
 */
function besideAccept(el: Element, ctx: DarkPatternContext): Element | null {
  let scope: Element | null = el.parentElement;
  for (let level = 0; scope && level < 2; level++, scope = scope.parentElement) {
    const siblings = scope.querySelectorAll(BUTTON_SELECTOR);
    for (let i = 0; i < siblings.length && i < 12; i++) {
      const other = siblings[i]!;
      if (other === el || other.contains(el) || el.contains(other)) continue;
      const text = buttonText(other, 80);
      const role = ctx.text(text).button;
      if (text.length > 1 && (role === 'accept' || role === 'other')) return other;
    }
  }
  return null;
}

/**
 * The root's buttons and links with their text, when it is of a decline's length: read once per
 * page index, so the next round of a batch (after the background answered) only looks them up.
 */
function buttonsOf(root: ParentNode, ctx: DarkPatternContext): readonly { el: Element; text: string }[] {
  const index = indexOf(root, ctx);
  return index.memo('confirmshaming/buttons', () => {
    const out: { el: Element; text: string }[] = [];
    for (const el of index.select(BUTTON_SELECTOR, BUTTON_SOURCE, MAX_CANDIDATES)) {
      const text = buttonText(el, MAX_TEXT + 1);
      if (text.length >= 4 && text.length <= MAX_TEXT) out.push({ el, text });
    }
    return out;
  });
}

/**
 * Decline buttons and links worded to shame the person ("No thanks, I prefer paying full
 * price"). The wording comes from the text classifier (type `confirmshaming`); the structure
 * raises or lowers confidence: a decline inside a dialog or beside an accept is a prompt, a lone
 * link with such words may be a headline quoting one.
 */
export const confirmshaming: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['confirmshaming'],
  description: 'Decline buttons or links worded to guilt the person, more confident inside a dialog or beside an accept button.',
  sources: BUTTON_SOURCE,
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const findings: Finding[] = [];
    const scopes: DiscourseCache = new Map();
    for (const { el, text } of buttonsOf(root, ctx)) {
      const match = ctx.text(text).pattern;
      if (!match || match.type !== 'confirmshaming') continue;
      if (isHidden(el, ctx.win) || discourseScope(el, scopes, ctx)) continue;
      const dialog = closestOverlay(el, ctx.win);
      const accept = besideAccept(el, ctx);
      const hints: string[] = [];
      if (dialog) hints.push('inside a dialog or floating banner');
      if (accept) hints.push(`beside "${buttonText(accept, 60)}"`);
      // Wording alone is never certain: structure adds a little, up to 0.95; no structure takes off 30 %.
      const confidence = hints.length > 0 ? Math.min(0.95, match.confidence + 0.05 * hints.length) : match.confidence * 0.7;
      findings.push(
        darkPatternFinding(ID, el, 'confirmshaming', confidence, text, [
          reason(match.ruleId, 'decline worded to shame'),
          reason('confirmshaming/structure', hints.length > 0 ? hints.join('; ') : 'no dialog or accept button around it'),
        ]),
      );
    }
    return findings;
  },
};
