import type { DetectorContext } from '../../core/detector';
import { indexOf, type PageIndex, type Source } from '../../core/page-index';
import { isElement, isHidden } from './dom';
import { positionOf } from './geometry';

/** What says "dialog" in markup. */
export const DIALOG_SELECTOR = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog[open]';

/** Where dialog markup is found in the page index. */
export const DIALOG_SOURCE: Source = { tags: ['dialog'], attrs: ['role', 'aria-modal'] };

/** Class and id words that name overlays and banners (`OVERLAY_HINT_SELECTOR`, as index words). */
export const OVERLAY_WORDS = [
  'modal', 'popup', 'pop-up', 'overlay', 'lightbox', 'interstitial', 'banner', 'cookie', 'consent',
  'gdpr', 'cmp', 'privacy', 'newsletter', 'subscribe', 'notice', 'dialog',
  // Consent platforms' own ids and classes (issue #11): they help find the dialog, the verdict still
  // comes from what it shows (its buttons, their prominence, ticked purposes).
  'usercentrics', 'didomi', 'onetrust', 'truste', 'sp_message', 'osano', 'cky-', 'cmplz', 'iubenda', 'klaro', 'borlabs', 'termly', 'axeptio',
  // Push-prompt and ad-block-wall scripts (OneSignal, PushEngage, Funding Choices …; soft-prompt.ts).
  'push', 'notif', 'onesignal', 'slidedown', 'optin', 'opt-in', 'prompt', 'adblock', 'ad-block', 'adb-', 'fc-ab', 'blocker',
] as const;

/** What `findOverlays` draws from the index: detectors that call it declare these sources. */
export const OVERLAY_SOURCES = { tags: ['dialog'], attrs: ['role', 'aria-modal'], words: [...OVERLAY_WORDS] };

/**
 * Class and id words that name overlays and banners. Finding fixed-position elements would take a
 * style read per element of the page; instead these, and the top levels of the body, are the
 * elements whose position is read.
 */
export const OVERLAY_HINT_SELECTOR = OVERLAY_WORDS
  .flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`])
  .join(', ');

const MAX_CANDIDATES = 400;
const FLOATING = new Set(['fixed', 'sticky']);

export function isFloating(el: Element, win: Window): boolean {
  return FLOATING.has(positionOf(el, win));
}

export function isDialogLike(el: Element, win: Window): boolean {
  return el.matches(DIALOG_SELECTOR) || isFloating(el, win);
}

/** Whether the element is a modal `<dialog>` (opened with `showModal`, so it has a backdrop). */
export function isModalDialog(el: Element): boolean {
  try {
    return el.matches(':modal');
  } catch {
    return false;
  }
}

/** Children and grandchildren of `el` (overlays are usually near the top of the body). */
function topLevels(el: Element, out: Element[], depth: number): void {
  for (let child = el.firstElementChild; child && out.length < MAX_CANDIDATES; child = child.nextElementSibling) {
    out.push(child);
    if (depth > 1) topLevels(child, out, depth - 1);
  }
}

/**
 * Visible dialog-like elements in `root` (itself included): marked up as dialogs, or fixed or
 * sticky among the hinted and top-level elements. Bounded by `MAX_CANDIDATES` style reads.
 */
export function findOverlays(root: ParentNode, ctx: Pick<DetectorContext, 'win' | 'index'>): Element[] {
  const index = indexOf(root, ctx);
  // One answer per index: the consent and nagging detectors ask the same question of the same root.
  return index.memo('overlays', () => overlaysIn(index, root, ctx.win));
}

function overlaysIn(index: PageIndex, root: ParentNode, win: Window): Element[] {
  const marked = index.select(DIALOG_SELECTOR, DIALOG_SOURCE, MAX_CANDIDATES);
  const maybe = index.select(OVERLAY_HINT_SELECTOR, { words: true }, MAX_CANDIDATES);
  const body = (root as Document).body ?? null;
  const top = body ?? (isElement(root) ? root : null);
  if (top) {
    if (!body && isElement(root)) maybe.push(root);
    topLevels(top, maybe, 2);
  }
  const seen = new Set<Element>(marked);
  const out = [...marked];
  for (const el of maybe) {
    if (seen.has(el) || out.length >= MAX_CANDIDATES) continue;
    seen.add(el);
    if (isFloating(el, win)) out.push(el);
  }
  return out.filter((el) => !isHidden(el, win));
}

/** The nearest dialog-like ancestor of `el` (itself included), within `maxDepth` levels. */
export function closestOverlay(el: Element, win: Window, maxDepth = 20): Element | null {
  let node: Element | null = el;
  for (let i = 0; node && i < maxDepth; i++, node = node.parentElement) {
    if (node.localName === 'body' || node.localName === 'html') return null;
    if (isDialogLike(node, win)) return node;
  }
  return null;
}

/** Keep the outermost of nested elements (a banner and the wrapper around it count once). */
export function outermost(elements: readonly Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}
