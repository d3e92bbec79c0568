import type { Finding } from '../../core/detector';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { textOf } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';
import { viewportCoverage } from '../support/geometry';
import { consentIn, nagPurposeIn, wordsIn } from '../support/words';
import { findOverlays, isModalDialog, OVERLAY_SOURCES, outermost } from '../support/overlays';
import { isAppWall } from './forced-action';

const ID = 'dark-patterns/nagging-overlay';

/** A share of the viewport below this is a toast or a corner widget, not an overlay in the way. */
export const MIN_COVERAGE = 0.3;
/** "Within seconds of load": the newsletter box at 5 s counts; a prompt 10 minutes in is judged less sure. */
export const NAG_WINDOW_MS = 20_000;
/** An overlay this soon after a click or key press is taken as opened by the person. */
export const OPENED_BY_PERSON_MS = 3_000;
const MAX_OVERLAY_TEXT = 1500;

function coverageOf(overlay: Element, inner: readonly Element[], win: Window): number | null {
  // A modal <dialog> has a backdrop over the whole page.
  if (isModalDialog(overlay) || inner.some(isModalDialog)) return 1;
  let best: number | null = null;
  for (const el of [overlay, ...inner]) {
    const c = viewportCoverage(el, win);
    if (c !== null && (best === null || c > best)) best = c;
  }
  return best;
}

function headline(overlay: Element, fallback: string): string {
  const heading = overlay.querySelector('h1, h2, h3, h4, [role="heading"]');
  const text = heading ? textOf(heading, { maxChars: 200, maxNodes: 200 }) : '';
  return text || fallback;
}

/**
 * Timing says whether the person asked for the overlay: a click just before it means yes; none
 * since load, or none for a while, means it jumped out. Time facts come from the context
 * (`loadedAt`, `lastUserGestureAt`), so the detector stays pure; without them it is less sure.
 */
function timing(ctx: DarkPatternContext): { confidence: number; detail: string } | null {
  const now = ctx.now();
  const gesture = ctx.lastUserGestureAt;
  if (typeof gesture === 'number' && now - gesture >= 0 && now - gesture <= OPENED_BY_PERSON_MS) return null;
  const gestureDetail = gesture === undefined ? 'gestures unknown' : gesture === null ? 'no click or key press yet' : `last gesture ${Math.round((now - gesture) / 1000)} s before`;
  if (ctx.loadedAt === undefined) return { confidence: gesture === undefined ? 0.35 : 0.55, detail: `load time unknown, ${gestureDetail}` };
  const since = Math.max(0, now - ctx.loadedAt);
  const soon = since <= NAG_WINDOW_MS;
  let confidence = soon ? 0.75 : 0.5;
  if (gesture === undefined) confidence -= 0.2;
  return { confidence, detail: `shown ${Math.round(since / 1000)} s after load, ${gestureDetail}` };
}

/**
 * Overlays covering at least 30 % of the viewport that the page put up by itself soon after load,
 * asking for a newsletter sign-up, an app download, an ad-blocker exception, an account, a survey
 * or notifications (`support/nag-purposes.ts`). Cookie dialogs are the consent detector's.
 */
export const naggingOverlay: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['nagging-overlay'],
  description: 'Large overlays (≥ 30 % of the viewport) asking for sign-ups, app installs or ad-blocker exceptions, shown without a click soon after load.',
  sources: OVERLAY_SOURCES,
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const overlays = findOverlays(root, ctx);
    if (overlays.length === 0) return [];
    const when = timing(ctx);
    if (!when) return [];
    const findings: Finding[] = [];
    for (const overlay of outermost(overlays)) {
      const text = textOf(overlay, { maxChars: MAX_OVERLAY_TEXT, maxNodes: 2000 });
      // Text up to the cap is a page (an app shell in a fixed container), not a prompt over it.
      // A cookie dialog is the consent detector's; not known yet: no verdict this round.
      if (!text || text.length >= MAX_OVERLAY_TEXT || consentIn(ctx, text)?.consent !== false) continue;
      const words = wordsIn(ctx, text);
      // What the overlay asks for is read in the background; unknown yet: no verdict this round.
      if (!words) continue;
      const purpose = nagPurposeIn(words);
      // A full-screen "continue in the app" with no way on in the browser is forced action (forced-action.ts).
      // Not known yet whether it is one: no verdict this round either.
      if (purpose?.id === 'app-download' && isAppWall(overlay, ctx) !== null) continue;
      const asksEmail = overlay.querySelector('input[type="email" i]') !== null;
      if (!purpose && !asksEmail) continue;
      const inner = overlays.filter((el) => el !== overlay && overlay.contains(el));
      const coverage = coverageOf(overlay, inner, ctx.win);
      if (coverage === null || coverage < MIN_COVERAGE) continue;
      findings.push(
        darkPatternFinding(ID, overlay, 'nagging-overlay', purpose ? when.confidence : when.confidence - 0.1, headline(overlay, text), [
          reason(`nagging/${purpose?.id ?? 'asks-email'}`, `covers ${Math.round(coverage * 100)} % of the viewport`),
          reason('nagging/not-opened-by-person', when.detail),
        ]),
      );
    }
    return findings;
  },
};
