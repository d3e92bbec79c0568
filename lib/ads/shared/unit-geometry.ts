import { attr, parentOf, rectOf } from '../../core/safe-dom';

/**
 * IAB standard ad sizes: the fixed-size units of the IAB New Ad Portfolio (2017) plus the legacy
 * sizes ad servers still fill. Supporting evidence only: a 300×250 box is as often a product photo,
 * a video player or a newsletter box as an ad (see the negative fixtures), so no detector fires on
 * a size alone; a size only adds a reason to a finding made on other evidence.
 */
export const IAB_SIZES: readonly { width: number; height: number; name: string }[] = [
  { width: 300, height: 250, name: 'medium rectangle' },
  { width: 336, height: 280, name: 'large rectangle' },
  { width: 728, height: 90, name: 'leaderboard' },
  { width: 970, height: 90, name: 'super leaderboard' },
  { width: 970, height: 250, name: 'billboard' },
  { width: 160, height: 600, name: 'wide skyscraper' },
  { width: 120, height: 600, name: 'skyscraper' },
  { width: 300, height: 600, name: 'half page' },
  { width: 300, height: 1050, name: 'portrait' },
  { width: 320, height: 50, name: 'mobile leaderboard' },
  { width: 300, height: 50, name: 'mobile banner' },
  { width: 320, height: 100, name: 'large mobile banner' },
  { width: 468, height: 60, name: 'full banner' },
  { width: 234, height: 60, name: 'half banner' },
  { width: 250, height: 250, name: 'square' },
  { width: 200, height: 200, name: 'small square' },
  { width: 180, height: 150, name: 'rectangle' },
  { width: 120, height: 240, name: 'vertical banner' },
];

export interface MeasuredSize {
  width: number | null;
  height: number | null;
  /** Where the numbers came from, for the reason text. */
  source: 'attributes' | 'inline style' | 'layout' | 'none';
}

const PIXELS = /^\s*(\d{1,5}(?:\.\d+)?)\s*(?:px)?\s*$/i;

function pixels(value: string | null): number | null {
  if (value === null) return null;
  const m = PIXELS.exec(value);
  return m ? Number(m[1]) : null;
}

function styleProperty(style: string | null, property: string): string | null {
  if (style === null) return null;
  // `(?:^|;)` so `max-width` and `line-height` do not pass for `width` and `height`.
  const m = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;!]+)`, 'i').exec(style);
  return m ? (m[1] ?? null) : null;
}

/**
 * Width and height without trusting layout: happy-dom (and a detached or not-yet-laid-out subtree)
 * reports 0×0 from `getBoundingClientRect`, so the `width`/`height` attributes and the inline style
 * come first, layout last (and only when it is non-zero).
 */
export function measure(el: Element): MeasuredSize {
  const fromAttr = { width: pixels(attr(el, 'width')), height: pixels(attr(el, 'height')) };
  if (fromAttr.width !== null || fromAttr.height !== null) return { ...fromAttr, source: 'attributes' };
  const style = attr(el, 'style');
  const fromStyle = { width: pixels(styleProperty(style, 'width')), height: pixels(styleProperty(style, 'height')) };
  if (fromStyle.width !== null || fromStyle.height !== null) return { ...fromStyle, source: 'inline style' };
  const rect = rectOf(el);
  if (rect !== null && rect.width > 0 && rect.height > 0) return { width: rect.width, height: rect.height, source: 'layout' };
  return { width: null, height: null, source: 'none' };
}

/** A known dimension of 2 px or less: a tracking pixel or a hidden sync frame, not an ad unit. */
export function isTiny(size: MeasuredSize): boolean {
  return (size.width !== null && size.width <= 2) || (size.height !== null && size.height <= 2);
}

export function iabSizeName(size: MeasuredSize): string | null {
  if (size.width === null || size.height === null) return null;
  for (let i = 0; i < IAB_SIZES.length; i++) {
    const s = IAB_SIZES[i]!;
    if (Math.round(size.width) === s.width && Math.round(size.height) === s.height) return s.name;
  }
  return null;
}

/** `300×250 (medium rectangle) from attributes`, or null when the size is not an IAB size. */
export function iabSizeDetail(el: Element): string | null {
  const size = measure(el);
  const name = iabSizeName(size);
  return name === null ? null : `${size.width}×${size.height} (${name}) from ${size.source}: supporting evidence only`;
}

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;
const VISIBILITY_HIDDEN = /(?:^|;)\s*visibility\s*:\s*hidden\b/i;

/**
 * Hidden by its own markup or an ancestor's (up to the top of its tree, also above the scanned
 * root: a rescan of an inserted node inside a hidden slot is still hidden): the `hidden` attribute or
 * an inline `display:none` / `visibility:hidden` (collapsed GPT slots, unfilled AdSense, sync
 * frames). Stylesheet rules are not read: computing styles per candidate is slow in a page and
 * incomplete under happy-dom.
 */
export function isHiddenInline(el: Element): boolean {
  for (let n: Element | null = el; n !== null; n = parentOf(n)) {
    // Never rendered: a browser with scripting parses <noscript> content as text, and <template>
    // content is inert (both only appear as elements in a parser without scripting).
    const tag = n.localName;
    if (tag === 'noscript' || tag === 'template') return true;
    if (attr(n, 'hidden') !== null) return true;
    const style = attr(n, 'style');
    if (style !== null && (DISPLAY_NONE.test(style) || VISIBILITY_HIDDEN.test(style))) return true;
  }
  return false;
}
