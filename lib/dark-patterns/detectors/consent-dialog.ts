import type { Finding, ButtonRole } from '../../core/detector';
import { consentIn } from '../support/words';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { BUTTON_SELECTOR, buttonText, candidates, isHidden, textOf, within } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';
import { labelOf } from '../support/labels';
import { findOverlays, OVERLAY_SOURCES, outermost } from '../support/overlays';
import { lessProminent, prominenceScore } from '../support/prominence';

const ID = 'dark-patterns/consent-dialog';
const MAX_DIALOG_TEXT = 3000;
const MAX_BUTTONS = 40;
const MAX_TOGGLES = 60;
const TOGGLES = 'input[type="checkbox" i], [role="switch"], [role="checkbox"]';

/**
 * Purposes that may be on by default: the law allows strictly necessary storage without consent
 * (ePrivacy Directive art. 5(3)), and dialogs show it ticked and usually disabled.
 */
export const NECESSARY_PURPOSE =
  /necessary|essential|required|strictly|technical|notwendig|erforderlich|essenziell|unbedingt|technisch|nécessaires?|essentiels?|indispensables?|techniques?|necesari[oa]s?|esenciales?|técnic[oa]s?/i;

interface Classified {
  el: Element;
  text: string;
  kind: ButtonRole;
}

/**
 * Consent dialogs: dialog-like containers (role, `aria-modal`, `<dialog open>`, or fixed and
 * sticky banners) with cookie or consent wording and at least one "accept". Reports the first
 * layer only: a dialog with no "reject" beside "accept" (Nouwens et al. 2020 found it on most
 * UK sites), a "reject" that is a link or smaller or fainter, and purposes ticked in advance.
 * A dialog offering accept and reject alike says nothing.
 */
export const consentDialog: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['consent-no-reject', 'reject-less-prominent', 'preticked-purposes'],
  description: 'Cookie and consent dialogs whose first layer has no reject, a reject smaller or fainter than accept, or purposes ticked in advance.',
  sources: OVERLAY_SOURCES,
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const { win } = ctx;
    const dialogs = outermost(
      findOverlays(root, ctx).filter((el) => {
        const text = textOf(el, { maxChars: MAX_DIALOG_TEXT, maxNodes: 5000 });
        // A wrapper holding the whole page is not a dialog (its text runs past the cap).
        // Its wording is read in the background; not known yet: not a dialog this round.
        return text.length < MAX_DIALOG_TEXT && consentIn(ctx, text)?.consent === true;
      }),
    );
    const findings: Finding[] = [];
    for (const dialog of dialogs) {
      const buttons: Classified[] = candidates(dialog, BUTTON_SELECTOR, MAX_BUTTONS)
        .filter((el) => !isHidden(el, win))
        .map((el) => {
          const text = buttonText(el);
          return { el, text, kind: ctx.text(text).button };
        });
      const accepts = buttons.filter((b) => b.kind === 'accept');
      if (accepts.length === 0) continue;
      const rejects = buttons.filter((b) => b.kind === 'reject');
      const choices = buttons.filter((b) => b.kind !== 'other').map((b) => b.text);
      if (rejects.length === 0) {
        findings.push(
          darkPatternFinding(ID, dialog, 'consent-no-reject', 0.8, choices.join(' | '), [
            reason('consent/no-reject', `first layer offers ${buttons.map((b) => b.kind).join(', ')}; no reject`),
            reason('consent/terms', (consentIn(ctx, textOf(dialog, { maxChars: MAX_DIALOG_TEXT }))?.terms ?? []).join(', ')),
          ]),
        );
      } else {
        const accept = accepts.reduce((a, b) => (prominenceScore(b.el, win) > prominenceScore(a.el, win) ? b : a));
        const judged = rejects.map((r) => ({ r, why: lessProminent(r.el, accept.el, win) }));
        // One reject as prominent as accept is enough for the person.
        if (judged.every((j) => j.why.length > 0)) {
          const { r, why } = judged[0]!;
          findings.push(
            darkPatternFinding(ID, r.el, 'reject-less-prominent', 0.7, `${accept.text} | ${r.text}`, [
              ...why.map((w) => reason('consent/reject-less-prominent', w)),
            ]),
          );
        }
      }
      const ticked = pretickedPurposes(dialog, ctx);
      if (ticked.length > 0) {
        const first = ticked[0]!;
        const element = first.label && within(root, first.label) ? first.label : first.el;
        findings.push(
          darkPatternFinding(ID, element, 'preticked-purposes', 0.75, ticked.map((t) => t.text).join(', '), [
            reason('consent/preticked', `${ticked.length} purpose(s) on by default`),
          ]),
        );
      }
    }
    return findings;
  },
};

/** Visible, enabled purpose toggles that are on before the person touched them, except necessary ones. */
function pretickedPurposes(dialog: Element, ctx: DarkPatternContext): { el: Element; label: Element | null; text: string }[] {
  const out: { el: Element; label: Element | null; text: string }[] = [];
  for (const el of candidates(dialog, TOGGLES, MAX_TOGGLES)) {
    const input = el.localName === 'input' ? (el as HTMLInputElement) : null;
    const on = input ? input.hasAttribute('checked') || (input.checked && ctx.lastUserGestureAt === null) : el.getAttribute('aria-checked') === 'true';
    const disabled = input ? input.disabled : el.getAttribute('aria-disabled') === 'true';
    if (!on || disabled) continue;
    const label = labelOf(el);
    if (!label || NECESSARY_PURPOSE.test(label.text)) continue;
    if (isHidden(el, ctx.win) && (!label.label || isHidden(label.label, ctx.win))) continue;
    out.push({ el, label: label.label, text: label.text });
  }
  return out;
}
