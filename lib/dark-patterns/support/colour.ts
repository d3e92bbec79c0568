// Colour contrast (WCAG 2.x relative luminance), to tell a faint "reject" from a bold "accept".

export type Rgba = readonly [r: number, g: number, b: number, a: number];

const NAMED: Record<string, Rgba> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  darkgray: [169, 169, 169, 1],
  darkgrey: [169, 169, 169, 1],
  lightgray: [211, 211, 211, 1],
  lightgrey: [211, 211, 211, 1],
  silver: [192, 192, 192, 1],
  gainsboro: [220, 220, 220, 1],
  whitesmoke: [245, 245, 245, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  navy: [0, 0, 128, 1],
  transparent: [0, 0, 0, 0],
};

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (comma or space syntax) and a few names. */
export function parseColour(value: string | null | undefined): Rgba | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v in NAMED) return NAMED[v]!;
  const hex = /^#([0-9a-f]{3,8})$/.exec(v);
  if (hex) {
    let h = hex[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) return null;
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  const fn = /^rgba?\(\s*([^)]*)\)$/.exec(v);
  if (!fn) return null;
  const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const channel = (p: string) => (p.endsWith('%') ? (Number(p.slice(0, -1)) * 255) / 100 : Number(p));
  const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? Number(parts[3].slice(0, -1)) / 100 : Number(parts[3]);
  const out = [channel(parts[0]!), channel(parts[1]!), channel(parts[2]!), alpha] as const;
  return out.every(Number.isFinite) ? out : null;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio, 1 (none) to 21 (black on white). */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const a = luminance(fg);
  const b = luminance(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Paint `top` (with its alpha) over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

const MAX_DEPTH = 16;

/**
 * Text colour and the background it sits on, from computed style: the first ancestor (itself
 * included) with a non-transparent background, composited over white. Null without computed style.
 */
export function coloursOf(el: Element, win: Window): { text: Rgba; background: Rgba } | null {
  if (typeof win.getComputedStyle !== 'function') return null;
  const read = (node: Element) => {
    try {
      return win.getComputedStyle(node);
    } catch {
      return null;
    }
  };
  const own = read(el);
  if (!own) return null;
  const layers: Rgba[] = [];
  let depth = 0;
  for (let node: Element | null = el; node && depth < MAX_DEPTH; node = node.parentElement, depth++) {
    const bg = parseColour(read(node)?.backgroundColor);
    if (bg && bg[3] > 0) {
      layers.push(bg);
      if (bg[3] >= 1) break;
    }
  }
  let background: Rgba = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) background = over(layers[i]!, background);
  const text = parseColour(own.color) ?? [0, 0, 0, 1];
  return { text: over(text, background), background };
}

/** The element's own fill, when it has an opaque-ish one (a filled button). */
export function fillOf(el: Element, win: Window): Rgba | null {
  if (typeof win.getComputedStyle !== 'function') return null;
  try {
    const bg = parseColour(win.getComputedStyle(el).backgroundColor);
    return bg && bg[3] >= 0.5 ? bg : null;
  } catch {
    return null;
  }
}
