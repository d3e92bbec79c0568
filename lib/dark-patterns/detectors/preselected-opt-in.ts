import type { Finding } from '../../core/detector';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { indexOf } from '../../core/page-index';
import { isHidden, textOf, within } from '../support/dom';
import { labelOf } from '../support/labels';
import { darkPatternFinding, reason } from '../support/finding';
import type { OptInPurpose } from '../support/opt-in-keywords';
import { consentIn, wordsIn } from '../support/words';
import { closestOverlay } from '../support/overlays';
import type { PatternType } from '../pattern-types';

const ID = 'dark-patterns/preselected-opt-in';
const SELECTOR = 'input[type="checkbox" i], [role="switch"][aria-checked="true"], [role="checkbox"][aria-checked="true"]';
const MAX_CANDIDATES = 500;

/**
 * Marketing and data sharing are uses of the person's data (consent, Nouwens et al. 2020); an
 * add-on, insurance or donation ticked in advance puts something in the basket (Mathur et al. 2019).
 */
const TYPE_OF: Record<OptInPurpose, PatternType> = {
  marketing: 'preticked-purposes',
  'data-sharing': 'preticked-purposes',
  'add-on': 'sneak-into-basket',
  insurance: 'sneak-into-basket',
  donation: 'sneak-into-basket',
};

/**
 * Whether the box was ticked by the page: the `checked` attribute (the page's default), or the
 * live state before the person has touched anything (set by script at load). ARIA switches have
 * no default to compare with, so `aria-checked="true"` counts.
 */
function preselected(el: Element, ctx: DarkPatternContext): boolean {
  if (el.localName !== 'input') return el.getAttribute('aria-checked') === 'true';
  const input = el as HTMLInputElement;
  if (input.disabled) return false;
  if (input.hasAttribute('checked')) return true;
  return input.checked === true && ctx.lastUserGestureAt === null;
}

/** Inside a cookie dialog the consent detector judges ticked purposes; skip them here. */
function inConsentDialog(el: Element, ctx: DarkPatternContext): boolean {
  const overlay = closestOverlay(el, ctx.win);
  // Not known yet whether it is one: taken as one, so nothing is reported this round.
  return overlay !== null && consentIn(ctx, textOf(overlay, { maxChars: 3000, maxNodes: 3000 }))?.consent !== false;
}

/**
 * Checkboxes and switches ticked in advance that sign the person up for marketing, share their
 * data, or add an add-on, insurance or donation to what they pay. Keys on the label wording
 * (`support/opt-in-keywords.ts`); "Remember me" and "Same as billing address" are vetoed there.
 */
export const preselectedOptIn: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['preticked-purposes', 'sneak-into-basket'],
  description: 'Pre-ticked checkboxes or switches whose label opts into marketing, data sharing, add-ons, insurance or donations.',
  sources: { tags: ['input'], attrs: ['role'] },
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const findings: Finding[] = [];
    for (const el of indexOf(root, ctx).select(SELECTOR, { tags: ['input'], attrs: ['role'] }, MAX_CANDIDATES)) {
      if (!preselected(el, ctx)) continue;
      const label = labelOf(el);
      if (!label) continue;
      // The label's wording is read in the background (support/words.ts); unknown yet: no finding.
      const words = wordsIn(ctx, label.text);
      if (!words?.optIn) continue;
      const rule = { id: words.optIn, purpose: words.optInPurpose as OptInPurpose };
      // Custom checkboxes hide the input and draw the label: visible if either is.
      if (isHidden(el, ctx.win) && (!label.label || isHidden(label.label, ctx.win))) continue;
      if (inConsentDialog(el, ctx)) continue;
      const confidence = label.source === 'nearby' ? 0.55 : 0.75;
      // Report the label the person reads, unless it lies outside the subtree being scanned.
      const element = label.label && within(root, label.label) ? label.label : el;
      findings.push(
        darkPatternFinding(ID, element, TYPE_OF[rule.purpose], confidence, label.text, [
          reason(`opt-in/${rule.id}`, `pre-ticked ${rule.purpose} box, label from ${label.source}`),
        ]),
      );
    }
    return findings;
  },
};
