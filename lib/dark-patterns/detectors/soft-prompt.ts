import type { Finding } from '../../core/detector';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { BUTTON_SELECTOR, candidates, isHidden, textOf } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';
import { findOverlays, OVERLAY_SOURCES, outermost } from '../support/overlays';
import { consentIn, wordsIn } from '../support/words';

const ID = 'dark-patterns/soft-prompt';

/** A soft prompt is a sentence and two buttons; more text is a page (a settings screen). */
const MAX_PROMPT_TEXT = 600;
/** A prompt this soon after a click or key press is taken as asked for. */
export const ASKED_FOR_MS = 3_000;

/** Whether the person asked for what is on screen: a gesture in the last few seconds. */
function askedFor(ctx: DarkPatternContext): boolean {
  const gesture = ctx.lastUserGestureAt;
  return typeof gesture === 'number' && ctx.now() - gesture >= 0 && ctx.now() - gesture <= ASKED_FOR_MS;
}

/**
 * Prompts a page puts up by itself, whatever their size (issue #11; the nagging detector takes the
 * large ones, ≥ 30 % of the viewport):
 *
 * - a page-made **notification soft-prompt** ("We'd like to show you notifications", Allow / Later),
 *   the box shown before the browser's own permission prompt, floating or a dialog, with a button,
 *   shown without a click: `notification-without-gesture`;
 * - an **ad-block wall** (a box asking to turn the ad blocker off or allow ads), floating or a
 *   dialog, shown without a click: `nagging-overlay`.
 *
 * A notification settings page (not floating, or opened by a click) and cookie dialogs stay quiet.
 */
export const softPrompt: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['notification-without-gesture', 'nagging-overlay'],
  description: 'Page-made "allow notifications?" boxes and ad-block walls of any size, floating or in a dialog, shown without a click.',
  sources: OVERLAY_SOURCES,
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    if (askedFor(ctx)) return [];
    // The push-prompt and ad-block words are overlay words (support/overlays.ts): one shared answer.
    const all = outermost(findOverlays(root, ctx));
    const findings: Finding[] = [];
    for (const prompt of all) {
      const text = textOf(prompt, { maxChars: MAX_PROMPT_TEXT, maxNodes: 1500 });
      // A cookie dialog is the consent detector's; not known yet: no verdict this round.
      if (!text || text.length >= MAX_PROMPT_TEXT || consentIn(ctx, text)?.consent !== false) continue;
      const buttons = candidates(prompt, BUTTON_SELECTOR, 10).filter((b) => !isHidden(b, ctx.win));
      if (buttons.length === 0) continue;
      const when = ctx.lastUserGestureAt === undefined ? 'gestures unknown' : ctx.lastUserGestureAt === null ? 'no click or key press yet' : 'no click in the last 3 s';
      const words = wordsIn(ctx, text);
      // Not known yet: neither kind this round (an ad-block wall may be a notification prompt).
      if (!words) continue;
      const notify = words.notify;
      if (notify) {
        findings.push(
          darkPatternFinding(ID, prompt, 'notification-without-gesture', ctx.lastUserGestureAt === undefined ? 0.6 : 0.8, text, [
            reason('soft-prompt/notifications', `"${notify}" with ${buttons.length} button(s)`),
            reason('soft-prompt/not-asked', when),
          ]),
        );
        continue;
      }
      const adblock = words['nag.ad-blocker'];
      if (adblock) {
        findings.push(
          darkPatternFinding(ID, prompt, 'nagging-overlay', ctx.lastUserGestureAt === undefined ? 0.6 : 0.8, text, [
            reason('soft-prompt/ad-blocker', `"${adblock}"`),
            reason('soft-prompt/not-asked', when),
          ]),
        );
      }
    }
    return findings;
  },
};
