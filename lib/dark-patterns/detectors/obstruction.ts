import type { Finding } from '../../core/detector';
import { indexOf } from '../../core/page-index';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { discourseScope, type DiscourseCache } from '../support/discourse';
import { BUTTON_SELECTOR, BUTTON_SOURCE, buttonText, candidates, isHidden, textOf } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';
import { lessProminent, prominenceScore } from '../support/prominence';
import { STEPS } from '../support/offer-numbers';
import { wordsIn } from '../support/words';
import { sectionOf, textUnits, UNIT_SOURCES } from '../support/units';

const ID = 'dark-patterns/obstruction';
const MAX_BUTTONS = 300;
const MAX_SECTION_TEXT = 3000;
const MAX_UNIT = 500;

/**
 * Whether the section around a cancellation text offers an online way out (a form, a button, the
 * account). Not known yet (an answer on its way) counts as a way out: no finding until it is known.
 */
function onlineWayIn(section: Element, ctx: DarkPatternContext): boolean {
  const text = wordsIn(ctx, textOf(section, { maxChars: MAX_SECTION_TEXT, maxNodes: 3000 }));
  if (!text || text.onlineWay) return true;
  let unknown = false;
  for (const el of candidates(section, BUTTON_SELECTOR, 40)) {
    if (isHidden(el, ctx.win)) continue;
    const label = wordsIn(ctx, buttonText(el));
    if (label?.cancelTopic) return true;
    unknown ||= label === null;
  }
  return unknown;
}

/**
 * Cancellation made harder than signing up (Brignull's "roach motel"; Mathur et al. 2019):
 *
 * - **offline only**: a text that speaks to the person about cancelling and names a phone call, a
 *   letter, a visit or a chat as the way, with no online way in its section (no cancel button, no
 *   form, no "in your account"). A help page that explains the online form, or a contact page with
 *   a phone number, stays quiet; so does an article reporting that others could only call.
 * - **retention detour**: a "continue cancelling" link or button next to an offer (a discount,
 *   free months, a pause), especially when it is fainter than the offer's button or the flow
 *   counts its steps ("Step 1 of 4").
 */
export const obstruction: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['hard-to-cancel'],
  description: 'Cancellation only by phone, letter, visit or chat with no online way in the same section, or a "continue cancelling" link beside a retention offer.',
  sources: { ...UNIT_SOURCES, tags: [...BUTTON_SOURCE.tags], attrs: [...BUTTON_SOURCE.attrs] },
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const findings: Finding[] = [];
    const scopes: DiscourseCache = new Map();
    const judged = new Set<Element>();
    for (const unit of textUnits(root, ctx)) {
      const text = unit.text.length > MAX_UNIT ? unit.text.slice(0, MAX_UNIT) : unit.text;
      const words = wordsIn(ctx, text);
      if (!words?.cancelTopic) continue;
      const offline = words.offlineWay ?? words.notOnline;
      if (!offline || !words.address) continue;
      // "You can cancel online, or call us": the text itself names the online way.
      if (words.onlineWay && !words.notOnline) continue;
      const section = sectionOf(unit.el);
      if (judged.has(section)) continue;
      judged.add(section);
      if (isHidden(unit.el, ctx.win) || ctx.text(text).discourse || discourseScope(unit.el, scopes, ctx)) continue;
      if (onlineWayIn(section, ctx)) continue;
      const saysOnly = Boolean(words.notOnline);
      findings.push(
        darkPatternFinding(ID, unit.el, 'hard-to-cancel', saysOnly ? 0.85 : 0.7, text, [
          reason('obstruction/offline-only', `cancelling ${saysOnly ? 'only' : 'by'} "${offline}", no online way in the ${section.localName}`),
        ]),
      );
    }

    for (const el of indexOf(root, ctx).select(BUTTON_SELECTOR, BUTTON_SOURCE, MAX_BUTTONS)) {
      const label = buttonText(el);
      if (label.length > 80 || !wordsIn(ctx, label)?.continueCancel || isHidden(el, ctx.win)) continue;
      // The offer sits beside the link: look up a few levels for it (every level asked in one round).
      let container: Element | null = el.parentElement;
      let offer: string | undefined;
      let unknown = false;
      for (let i = 0; container && i < 4 && !offer; i++) {
        const words = wordsIn(ctx, textOf(container, { maxChars: 1500, maxNodes: 1500 }));
        unknown ||= words === null;
        offer = words?.retentionOffer;
        if (!offer) container = container.parentElement;
      }
      if (!offer || !container || unknown) continue;
      const reasons = [reason('obstruction/retention-offer', `"${label}" beside "${offer}"`)];
      let confidence = 0.75;
      const buttons = candidates(container, BUTTON_SELECTOR, 20).filter((b) => b !== el && !isHidden(b, ctx.win));
      const labels = buttons.map((b) => wordsIn(ctx, buttonText(b)));
      if (labels.includes(null)) continue;
      const others = buttons.filter((_, i) => !labels[i]!.continueCancel);
      if (others.length > 0) {
        const offerButton = others.reduce((a, b) => (prominenceScore(b, ctx.win) > prominenceScore(a, ctx.win) ? b : a));
        const why = lessProminent(el, offerButton, ctx.win);
        if (why.length > 0) {
          confidence += 0.1;
          reasons.push(reason('obstruction/way-out-less-prominent', why.join('; ')));
        }
      }
      const steps = STEPS.exec(textOf(container.parentElement ?? container, { maxChars: 2000, maxNodes: 2000 }));
      if (steps && Number(steps[2]) >= 3) {
        confidence += 0.05;
        reasons.push(reason('obstruction/steps', `a ${steps[2]}-step cancellation`));
      }
      findings.push(darkPatternFinding(ID, el, 'hard-to-cancel', confidence, `${offer} | ${label}`, reasons));
    }
    return findings;
  },
};
