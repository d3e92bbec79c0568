// Sizes of elements: from layout where there is one (browsers), else from styles and attributes
// (happy-dom and other layout-less environments report zero-sized boxes).

export interface Box {
  width: number;
  height: number;
  /** Where the size came from: `layout` is exact, the others are what the page asked for. */
  source: 'layout' | 'style' | 'attributes';
}

interface Viewport {
  width: number;
  height: number;
}

export function viewportOf(win: Window): Viewport | null {
  const width = win.innerWidth;
  const height = win.innerHeight;
  return width > 0 && height > 0 ? { width, height } : null;
}

/** A CSS length in px; percentages and viewport units resolve against the viewport (overlays are). */
export function parseLength(value: string | null | undefined, axis: number, viewport: Viewport | null): number | null {
  if (!value) return null;
  const m = /^\s*(-?\d*\.?\d+)\s*(px|%|vw|vh|em|rem)?\s*$/i.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  switch ((m[2] ?? 'px').toLowerCase()) {
    case 'px':
      return n;
    case '%':
      return (n / 100) * axis;
    case 'vw':
      return viewport ? (n / 100) * viewport.width : null;
    case 'vh':
      return viewport ? (n / 100) * viewport.height : null;
    default:
      return n * 16;
  }
}

type StyleLike = Pick<CSSStyleDeclaration, 'getPropertyValue'>;

function styleOf(el: Element, win: Window): StyleLike | null {
  if (typeof win.getComputedStyle === 'function') {
    try {
      return win.getComputedStyle(el);
    } catch {
      // Not an element of this window (tests mixing documents): fall through to the inline style.
    }
  }
  return (el as HTMLElement).style ?? null;
}

const zero = (v: string) => /^\s*0(?:px|%)?\s*$/.test(v);

/** The element's box: layout when the browser has one, else the declared size. */
export function measure(el: Element, win: Window): Box | null {
  const rect = typeof el.getBoundingClientRect === 'function' ? el.getBoundingClientRect() : null;
  if (rect && rect.width > 0 && rect.height > 0) return { width: rect.width, height: rect.height, source: 'layout' };
  const viewport = viewportOf(win);
  const style = styleOf(el, win);
  if (style) {
    const get = (p: string) => style.getPropertyValue(p);
    const position = get('position');
    // `position: fixed; inset: 0` (or all four offsets 0) covers the viewport whatever its size.
    const inset = get('inset');
    const covers =
      (position === 'fixed' || position === 'absolute') &&
      ((inset && inset.split(/\s+/).every(zero)) || ['top', 'right', 'bottom', 'left'].every((p) => zero(get(p))));
    if (covers && viewport) return { width: viewport.width, height: viewport.height, source: 'style' };
    const width = parseLength(get('width'), viewport?.width ?? 0, viewport);
    const height = parseLength(get('height'), viewport?.height ?? 0, viewport);
    if (width !== null && height !== null && width > 0 && height > 0) return { width, height, source: 'style' };
  }
  const width = parseLength(el.getAttribute('width'), viewport?.width ?? 0, viewport);
  const height = parseLength(el.getAttribute('height'), viewport?.height ?? 0, viewport);
  if (width !== null && height !== null && width > 0 && height > 0) return { width, height, source: 'attributes' };
  return null;
}

/** Share of the viewport the element covers (0–1), or null when neither layout nor styles say. */
export function viewportCoverage(el: Element, win: Window): number | null {
  const viewport = viewportOf(win);
  if (!viewport) return null;
  const rect = typeof el.getBoundingClientRect === 'function' ? el.getBoundingClientRect() : null;
  if (rect && rect.width > 0 && rect.height > 0) {
    // Only the part inside the viewport counts: a tall page wrapper is not an overlay.
    const w = Math.max(0, Math.min(rect.right, viewport.width) - Math.max(rect.left, 0));
    const h = Math.max(0, Math.min(rect.bottom, viewport.height) - Math.max(rect.top, 0));
    return (w * h) / (viewport.width * viewport.height);
  }
  const box = measure(el, win);
  if (!box) return null;
  const w = Math.min(box.width, viewport.width);
  const h = Math.min(box.height, viewport.height);
  return (w * h) / (viewport.width * viewport.height);
}

/** The computed (else inline) font size in px, or null. */
export function fontSizeOf(el: Element, win: Window): number | null {
  const style = styleOf(el, win);
  return style ? parseLength(style.getPropertyValue('font-size'), 16, null) : null;
}

/** The position the page gave an element (`fixed`, `sticky`, …), computed where possible. */
export function positionOf(el: Element, win: Window): string {
  const style = styleOf(el, win);
  return style ? style.getPropertyValue('position').trim().toLowerCase() : '';
}
