import type { Finding } from '../../core/detector';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { discourseScope, type DiscourseCache } from '../support/discourse';
import { BUTTON_SELECTOR, buttonText, candidates, isHidden, textOf } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';
import { viewportCoverage } from '../support/geometry';
import { findOverlays, OVERLAY_SOURCES, outermost } from '../support/overlays';
import { lessProminent, prominenceScore } from '../support/prominence';
import { wordsIn } from '../support/words';
import { sectionOf, textUnits, UNIT_SOURCES } from '../support/units';

const ID = 'dark-patterns/forced-action';
const MAX_UNIT = 500;
/** Text of the page part a checkout wall is judged in (the guest option may be a column away). */
const MAX_SCOPE_TEXT = 6000;
/** An app wall covers most of the screen; a smart banner does not. */
export const APP_WALL_COVERAGE = 0.6;
const SHARE_OR_FOLLOW = /\b(?:share|tweet|post|pin|like|follow|subscribe)\b|teilen|folgen|partager|suivre|compartir|seguir|condividi|segui|delen|volgen|compartilhar/i;

/** The part of the page a checkout is: the nearest main, form container or body. */
function checkoutScope(el: Element): Element {
  return el.closest('main, [role="main"], .woocommerce, [class*="checkout" i], [id*="checkout" i]') ?? el.ownerDocument.body ?? el;
}

function inCheckout(el: Element, checkout: boolean): boolean {
  if (checkout) return true;
  const doc = el.ownerDocument;
  const hints = `${doc.title} ${doc.body?.getAttribute('class') ?? ''} ${doc.location?.pathname ?? ''}`;
  return /check ?out|kasse|commande|pago|cassa|afrekenen|\bcart\b|basket|panier|warenkorb/i.test(hints.slice(0, 500));
}

/** A wall is what hides content: a sibling blurred or hidden, a share button, an email field. */
function lockEvidence(section: Element): string | null {
  if (section.querySelector('input[type="email" i]')) return 'asks for an email';
  for (const el of candidates(section, BUTTON_SELECTOR, 20)) {
    if (SHARE_OR_FOLLOW.test(buttonText(el)) || /share|social|follow/i.test(el.getAttribute('class') ?? '')) return `offers "${buttonText(el)}"`;
  }
  const parent = section.parentElement;
  for (let sib = parent?.firstElementChild ?? null, i = 0; sib && i < 30; sib = sib.nextElementSibling, i++) {
    if (sib === section || sib.contains(section)) continue;
    const style = sib.getAttribute('style') ?? '';
    if (/blur\(/i.test(style)) return 'content beside it is blurred';
  }
  return null;
}

/**
 * Forced action (Mathur et al. 2019; Gray et al. 2018): something extra demanded to finish what
 * the person came for.
 *
 * - **account at checkout**: a checkout that says an account or a login is required, with no
 *   guest option anywhere in the checkout (an honest "sign in or continue as guest" stays quiet,
 *   and so does "log in to post a comment", which is not a purchase);
 * - **content locker**: text that says content is locked until the person shares, follows or gives
 *   an email, beside a share button, an email field or blurred content;
 * - **app wall**: an overlay over most of the screen sending the person to the app, with no way to
 *   go on in the browser, or one fainter than the app's.
 */
export const forcedAction: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['forced-enrollment'],
  description: 'Checkouts that demand an account with no guest option, content locked until you share, follow or give an email, and full-screen "continue in the app" walls.',
  sources: { ...UNIT_SOURCES, ...OVERLAY_SOURCES },
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const findings: Finding[] = [];
    const scopes: DiscourseCache = new Map();
    const judged = new Set<Element>();
    for (const unit of textUnits(root, ctx)) {
      const text = unit.text.length > MAX_UNIT ? unit.text.slice(0, MAX_UNIT) : unit.text;
      const words = wordsIn(ctx, text);
      const account = words?.accountRequired;
      const locked = account ? undefined : words?.locked;
      if (!account && !locked) continue;
      if (isHidden(unit.el, ctx.win) || ctx.text(text).discourse || discourseScope(unit.el, scopes, ctx)) continue;
      if (account) {
        if (!inCheckout(unit.el, Boolean(words!.checkout))) continue;
        const scope = checkoutScope(unit.el);
        if (judged.has(scope)) continue;
        judged.add(scope);
        // A guest option not known yet clears the checkout this round, as one that is there does.
        const guest = wordsIn(ctx, textOf(scope, { maxChars: MAX_SCOPE_TEXT, maxNodes: 6000 }));
        if (!guest || guest.guest) continue;
        findings.push(
          darkPatternFinding(ID, unit.el, 'forced-enrollment', 0.8, text, [reason('forced-action/account-at-checkout', `"${account}", no guest option in the ${scope.localName}`)]),
        );
        continue;
      }
      const section = sectionOf(unit.el, 3);
      if (judged.has(section)) continue;
      judged.add(section);
      const evidence = lockEvidence(section);
      if (!evidence) continue;
      findings.push(darkPatternFinding(ID, unit.el, 'forced-enrollment', 0.8, text, [reason('forced-action/content-locked', `"${locked}", ${evidence}`)]));
    }

    for (const overlay of outermost(findOverlays(root, ctx))) {
      const wall = isAppWall(overlay, ctx);
      if (!wall) continue;
      const text = textOf(overlay, { maxChars: 600, maxNodes: 1000 });
      findings.push(darkPatternFinding(ID, overlay, 'forced-enrollment', wall.confidence, text, [reason('forced-action/app-wall', wall.detail)]));
    }
    return findings;
  },
};

/**
 * Whether `overlay` is an app wall: app wording, most of the viewport, and no way to go on in the
 * browser as visible as the app's button. Exported so the nagging detector leaves these to this one.
 * `undefined`: not known yet (its wording is on its way from the background).
 */
export function isAppWall(overlay: Element, ctx: DarkPatternContext): { confidence: number; detail: string } | null | undefined {
  const text = textOf(overlay, { maxChars: 1500, maxNodes: 2000 });
  if (!text || text.length >= 1500) return null;
  const words = wordsIn(ctx, text);
  if (!words) return undefined;
  const app = words.appWall;
  if (!app) return null;
  const coverage = viewportCoverage(overlay, ctx.win);
  if (coverage === null || coverage < APP_WALL_COVERAGE) return null;
  const buttons = candidates(overlay, BUTTON_SELECTOR, 20).filter((b) => !isHidden(b, ctx.win));
  const labels = buttons.map((b) => wordsIn(ctx, buttonText(b)));
  // A way on in the browser not known yet: no verdict this round.
  if (labels.includes(null)) return undefined;
  const stay = buttons.filter((b, i) => labels[i]!.stayOnWeb || /^(?:close|dismiss|×|x|✕)$/i.test(buttonText(b)));
  const go = buttons.filter((b) => !stay.includes(b));
  if (stay.length === 0) return { confidence: 0.8, detail: `"${app}" over ${Math.round(coverage * 100)} % of the screen, no way on in the browser` };
  if (go.length === 0) return null;
  const main = go.reduce((a, b) => (prominenceScore(b, ctx.win) > prominenceScore(a, ctx.win) ? b : a));
  const why = stay.map((s) => lessProminent(s, main, ctx.win));
  if (why.some((w) => w.length === 0)) return null;
  return { confidence: 0.65, detail: `"${app}"; the browser way is fainter: ${why[0]!.join('; ')}` };
}
