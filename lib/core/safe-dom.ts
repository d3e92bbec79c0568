/**
 * DOM and array primitives for the ad detectors, safe against pages that redefine built-ins.
 *
 * Why: pages do replace built-ins. Ad-block-detection and anti-scraping scripts wrap
 * `querySelectorAll` or make `Node.prototype.contains` throw; old polyfills replace
 * `Array.prototype.map`. Chrome's isolated world and Firefox's Xray wrappers hide such changes from
 * a content script, but not in every setting: under happy-dom (our tests), in a MAIN-world
 * injection, or in any host that shares the page's JS world, the detectors would call the page's
 * versions. So the methods we need are captured once, when this module loads, and called with
 * `.call`; this only helps when the module loads before the page changes the prototype, which is
 * the case for a content script injected at `document_start`.
 *
 * What is guarded: every Array.prototype method (we use none: plain index loops and index writes,
 * no `for…of` or spread, which go through `Array.prototype[Symbol.iterator]`); `querySelector(All)`
 * of Element, Document and DocumentFragment; `Element.prototype.matches` and `getAttribute`;
 * `Document.prototype.getElementById`; `Element.prototype.getBoundingClientRect`. We never call
 * `Node.prototype.contains` (ancestry is a walk up `parentNode`) nor use a TreeWalker (text nodes
 * are read by an index walk over `childNodes`: happy-dom's TreeWalker calls `Array.prototype.indexOf`).
 * What is not: property getters (`parentNode`, `localName`, `textContent`) and String, RegExp,
 * Map and WeakMap methods. A page that breaks those breaks itself; `detectAds` catches the error
 * per detector and reports it with the detector's id instead of throwing.
 */

type QueryAll = (this: ParentNode, selectors: string) => NodeListOf<Element>;
type Query = (this: ParentNode, selectors: string) => Element | null;

const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const TEXT_NODE = 3;

function method<T>(ctor: { prototype: unknown } | undefined, name: string): T | null {
  if (ctor === undefined) return null;
  const fn = (ctor.prototype as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (fn as T) : null;
}

// `typeof X === 'undefined'` guards let this module load under plain Node (scripts), where the
// callers then fall back to the node's own methods.
const ElementCtor = typeof Element === 'undefined' ? undefined : Element;
const DocumentCtor = typeof Document === 'undefined' ? undefined : Document;
const FragmentCtor = typeof DocumentFragment === 'undefined' ? undefined : DocumentFragment;

const ELEMENT_QSA = method<QueryAll>(ElementCtor, 'querySelectorAll');
const DOCUMENT_QSA = method<QueryAll>(DocumentCtor, 'querySelectorAll');
const FRAGMENT_QSA = method<QueryAll>(FragmentCtor, 'querySelectorAll');
const ELEMENT_QS = method<Query>(ElementCtor, 'querySelector');
const DOCUMENT_QS = method<Query>(DocumentCtor, 'querySelector');
const FRAGMENT_QS = method<Query>(FragmentCtor, 'querySelector');
const MATCHES = method<(this: Element, selectors: string) => boolean>(ElementCtor, 'matches');
const GET_ATTRIBUTE = method<(this: Element, name: string) => string | null>(ElementCtor, 'getAttribute');
const GET_RECT = method<(this: Element) => DOMRect>(ElementCtor, 'getBoundingClientRect');
const HAS_ATTRIBUTE = method<(this: Element, name: string) => boolean>(ElementCtor, 'hasAttribute');
const HAS_ATTRIBUTES = method<(this: Element) => boolean>(ElementCtor, 'hasAttributes');
/** For the page index's walk (lib/core/page-index.ts), captured like the rest. */
const SHADOW_ROOT = ElementCtor ? (Object.getOwnPropertyDescriptor(ElementCtor.prototype, 'shadowRoot')?.get as ((this: Element) => ShadowRoot | null) | undefined) : undefined;

/** The element's open shadow root, through the getter captured at load (a page cannot redefine it for us). */
export function openShadowRoot(el: Element): ShadowRoot | null {
  try {
    return SHADOW_ROOT ? SHADOW_ROOT.call(el) : (el.shadowRoot ?? null);
  } catch {
    return null;
  }
}

export const CREATE_TREE_WALKER = method<(this: Document, root: Node, whatToShow?: number) => TreeWalker>(DocumentCtor, 'createTreeWalker');
const GET_BY_ID = method<(this: Document, id: string) => Element | null>(DocumentCtor, 'getElementById');

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === ELEMENT_NODE;
}

function pick<T>(root: ParentNode, forElement: T | null, forDocument: T | null, forFragment: T | null): T | null {
  const type = (root as Node).nodeType;
  if (type === ELEMENT_NODE) return forElement;
  if (type === DOCUMENT_NODE) return forDocument;
  if (type === DOCUMENT_FRAGMENT_NODE) return forFragment;
  return null;
}

/** Append without `Array.prototype.push`. */
export function append<T>(list: T[], item: T): void {
  list[list.length] = item;
}

/** Elements under `root` matching `selector`, as a plain array; `root` itself first when it matches. */
export function queryAll(root: ParentNode, selector: string, includeRoot = true): Element[] {
  const out: Element[] = [];
  if (includeRoot && isElement(root) && matches(root, selector)) append(out, root);
  let list: NodeListOf<Element>;
  try {
    const qsa = pick(root, ELEMENT_QSA, DOCUMENT_QSA, FRAGMENT_QSA);
    list = qsa ? qsa.call(root, selector) : root.querySelectorAll(selector);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    walkMatching(root, selector, out, false);
    return out;
  }
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    if (el !== undefined) append(out, el);
  }
  return out;
}

/** First descendant of `root` (not `root` itself) matching `selector`. */
export function queryFirst(root: ParentNode, selector: string): Element | null {
  try {
    const qs = pick(root, ELEMENT_QS, DOCUMENT_QS, FRAGMENT_QS);
    return qs ? qs.call(root, selector) : root.querySelector(selector);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const out: Element[] = [];
    walkMatching(root, selector, out, true);
    return out[0] ?? null;
  }
}

/**
 * The iterative fallback when a selector engine overflows its stack on a very deep tree (happy-dom's
 * is recursive; browsers' are not): every descendant element tested with `matches`.
 */
function walkMatching(root: ParentNode, selector: string, out: Element[], firstOnly: boolean): void {
  walk(root, (el) => {
    if (matches(el, selector)) {
      append(out, el);
      if (firstOnly) return false;
    }
    return true;
  }, null);
}

/**
 * Depth-first walk of `root`'s descendants in document order, with an explicit stack (no recursion,
 * so no stack overflow on deep trees) and index loops over `childNodes`, read forwards (Chromium
 * walks a live NodeList again for each index read backwards). `onElement` returning false stops the
 * walk; returning 'skip' skips that element's subtree.
 */
export function walk(root: ParentNode, onElement: ((el: Element) => boolean | 'skip') | null, onText: ((text: Text) => void) | null): void {
  const stack: Node[] = [root as Node];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    stack.length -= 1;
    if (node !== (root as Node)) {
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        if (onText !== null) onText(node as Text);
        continue;
      }
      const verdict = onElement === null ? true : onElement(node as Element);
      if (verdict === false) return;
      if (verdict === 'skip') continue;
    }
    const children = node.childNodes;
    const from = stack.length;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child === undefined) continue;
      const type = child.nodeType;
      if (type === ELEMENT_NODE || (type === TEXT_NODE && onText !== null)) stack[stack.length] = child;
    }
    // Reversed, so they come off the stack in document order.
    for (let lo = from, hi = stack.length - 1; lo < hi; lo++, hi--) {
      const t = stack[lo]!;
      stack[lo] = stack[hi]!;
      stack[hi] = t;
    }
  }
}

export function matches(el: Element, selector: string): boolean {
  return MATCHES ? MATCHES.call(el, selector) : el.matches(selector);
}

export function attr(el: Element, name: string): string | null {
  return GET_ATTRIBUTE ? GET_ATTRIBUTE.call(el, name) : el.getAttribute(name);
}

export function hasAttribute(el: Element, name: string): boolean {
  return HAS_ATTRIBUTE ? HAS_ATTRIBUTE.call(el, name) : el.hasAttribute(name);
}

/** Whether the element has any attribute (a cheap skip for most of a page's wrappers). */
export function hasAttributes(el: Element): boolean {
  return HAS_ATTRIBUTES ? HAS_ATTRIBUTES.call(el) : el.hasAttributes();
}

export function rectOf(el: Element): { width: number; height: number } | null {
  try {
    const rect = GET_RECT ? GET_RECT.call(el) : el.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  } catch {
    return null;
  }
}

export function documentOf(root: ParentNode): Document | null {
  const node = root as Node;
  return node.nodeType === DOCUMENT_NODE ? (node as Document) : node.ownerDocument;
}

export function elementById(doc: Document, id: string): Element | null {
  return GET_BY_ID ? GET_BY_ID.call(doc, id) : doc.getElementById(id);
}

/** The parent element, or null at the top of a document or shadow tree. */
export function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  return isElement(parent) ? parent : null;
}

/** `node` is `ancestor` or inside it (same tree; no shadow crossing). Replaces `Node.contains`. */
export function isInside(node: Node, ancestor: Node): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n === ancestor) return true;
  }
  return false;
}

/** Lower-case tag name (`div`), or '' for non-elements. */
export function tagOf(el: Element): string {
  const name = el.localName;
  return typeof name === 'string' ? name : '';
}

/** Elements whose text is never shown as page text. */
export const NO_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'select', 'svg', 'math', 'iframe', 'object']);

/** Calls `visit` for each text node under `root` that can be page text (not in scripts, styles, svg …). */
export function forEachTextNode(root: ParentNode, visit: (text: Text) => void): void {
  walk(root, (el) => (NO_TEXT_TAGS.has(tagOf(el)) ? 'skip' : true), visit);
}

/** `tag#id.class` for reasons: enough to find the element again, cut to 80 characters. */
export function describe(el: Element): string {
  let out = tagOf(el);
  const id = attr(el, 'id');
  if (id) out += `#${id}`;
  const cls = attr(el, 'class');
  if (cls) {
    const first = cls.trim().split(/\s+/, 2);
    for (let i = 0; i < first.length; i++) if (first[i]) out += `.${first[i]}`;
  }
  return out.length > 80 ? `${out.slice(0, 79)}…` : out;
}
