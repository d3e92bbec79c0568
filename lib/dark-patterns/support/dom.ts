// DOM reading shared by the dark-pattern detectors: bounded text walks, hidden checks, buttons.

/** Never read text inside these: code, styles, vector art, embedded documents, our own highlights. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'meta', 'link', 'title',
  'iframe', 'object', 'embed', 'canvas', 'select', 'option', 'textarea', 'beaker-highlight',
]);

/** Elements that start a new line of text; used to put spaces between blocks and to find text units. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'button', 'label', 'caption', 'legend',
]);

export const BUTTON_SELECTOR = 'button, a, [role="button"], input[type="button"], input[type="submit"]';
/** Where `BUTTON_SELECTOR`'s elements are in the page index. */
export const BUTTON_SOURCE = { tags: ['button', 'a', 'input'], attrs: ['role'] } as const;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === ELEMENT_NODE;
}

/** Whether `el` is `root` or inside it (`root` may be the document). */
export function within(root: ParentNode, el: Element): boolean {
  return (root as Node) === el || (root as Node).contains(el);
}

/**
 * The root itself when it matches (scanner passes hand over the added element) and its matching
 * descendants, at most `max`: a page with thousands of candidates costs a bounded amount.
 */
export function candidates(root: ParentNode, selector: string, max: number): Element[] {
  const out: Element[] = [];
  if (isElement(root) && root.matches(selector)) out.push(root);
  const list = root.querySelectorAll(selector);
  for (let i = 0; i < list.length && out.length < max; i++) out.push(list[i]!);
  return out;
}

export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Hidden by markup alone (no style computation): `hidden`, `aria-hidden`, inline `display:none`. */
export function hiddenByMarkup(el: Element, { ariaHidden = true } = {}): boolean {
  // Most elements carry no attribute at all: one call answers for them (text walks ask this of
  // every element they pass).
  if (!el.hasAttributes()) return el.localName === 'dialog';
  if (el.hasAttribute('hidden')) return true;
  if (ariaHidden && el.getAttribute('aria-hidden') === 'true') return true;
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
  if (el.localName === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

const MAX_ANCESTORS = 64;

/**
 * Whether the person cannot see `el`: markup on it or an ancestor, then computed style where the
 * environment has it. Costs a style read per ancestor, so callers use it on matches, not on every
 * element of a page.
 */
export function isHidden(el: Element, win: Window | null): boolean {
  let depth = 0;
  for (let node: Element | null = el; node && depth < MAX_ANCESTORS; node = node.parentElement, depth++) {
    if (hiddenByMarkup(node)) return true;
  }
  if (!el.isConnected) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  // `checkVisibilityCSS` is the name Chrome < 121 and Firefox < 122 know for `visibilityProperty`.
  if (typeof check === 'function') return !check.call(el, { visibilityProperty: true, checkVisibilityCSS: true });
  if (!win || typeof win.getComputedStyle !== 'function') return false;
  depth = 0;
  for (let node: Element | null = el; node && depth < MAX_ANCESTORS; node = node.parentElement, depth++) {
    const style = win.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
  }
  return false;
}

export interface WalkLimits {
  /** Stop after this many characters of text. */
  maxChars: number;
  /** Stop after visiting this many nodes (a page of empty wrappers costs no more than one with text). */
  maxNodes?: number;
  /** Skip `aria-hidden` subtrees too (text the page hides from screen readers). */
  ariaHidden?: boolean;
}

/**
 * The text a person would read in `el`: text nodes in order, skipping code, styles and hidden
 * subtrees, with a space between blocks, whitespace collapsed, cut at `maxChars`. Walks with
 * sibling pointers, so a hostile nesting depth cannot overflow the stack.
 */
export function textOf(el: Element, limits: WalkLimits): string {
  const { maxChars } = limits;
  const maxNodes = limits.maxNodes ?? 4000;
  const ariaHidden = limits.ariaHidden ?? true;
  let out = '';
  let visited = 0;
  let node: Node | null = el.firstChild;
  while (node && visited < maxNodes && out.length < maxChars) {
    visited += 1;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      out += data.length > maxChars ? data.slice(0, maxChars) : data;
    } else if (isElement(node)) {
      const tag = node.localName;
      if (!SKIP_TAGS.has(tag) && !hiddenByMarkup(node, { ariaHidden })) {
        // One space between blocks, never a run (a thousand nested divs must not fill the cap).
        if (BLOCK_TAGS.has(tag) && out.length > 0 && !out.endsWith(' ')) out += ' ';
        if (tag === 'input') out += ` ${inputText(node)} `;
        descend = node.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) {
      node = node.parentNode;
      if (isElement(node) && BLOCK_TAGS.has(node.localName) && out.length > 0 && !out.endsWith(' ')) out += ' ';
    }
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  const text = normalize(out);
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

function inputText(el: Element): string {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return type === 'button' || type === 'submit' || type === 'reset' ? (el.getAttribute('value') ?? '') : '';
}

/** What a button or link says: its visible text, else its value, `aria-label` or `title`. */
export function buttonText(el: Element, maxChars = 200): string {
  if (el.localName === 'input') {
    const value = (el as HTMLInputElement).value ?? el.getAttribute('value') ?? '';
    return normalize(value || el.getAttribute('aria-label') || '').slice(0, maxChars);
  }
  const visible = textOf(el, { maxChars, maxNodes: 200 });
  if (visible) return visible;
  return normalize(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').slice(0, maxChars);
}

/** Text of the elements named by `aria-labelledby` (at most 5 ids). */
export function labelledByText(el: Element, maxChars = 200): string {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const doc = el.ownerDocument;
  const parts: string[] = [];
  for (const id of ids) {
    const target = doc.getElementById(id);
    if (target) parts.push(textOf(target, { maxChars, maxNodes: 200, ariaHidden: false }));
  }
  return normalize(parts.join(' ')).slice(0, maxChars);
}

/** Whether an element is a link rather than a button (no button role, no form control). */
export function isLinkLike(el: Element): boolean {
  return el.localName === 'a' && (el.getAttribute('role') ?? '').toLowerCase() !== 'button';
}
