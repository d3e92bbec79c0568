import { collectUnits, nodeAfter, unitBuilderFor, type TextUnit, type TextUnitRules, type TextUnitBuilder } from './text-units';
import { attr, CREATE_TREE_WALKER, openShadowRoot, hasAttribute, hasAttributes, walk, forEachTextNode, isElement, matches, NO_TEXT_TAGS, queryAll } from './safe-dom';

/**
 * One walk per pass (ARCHITECTURE.md, "One walk"). The scanner walks each root it scans once and
 * files every element into the few buckets detectors draw candidates from: by tag, by attribute
 * present, and by the words an id or class holds. Detectors then test only those candidates
 * (`select`: a single-element `matches`, then their costly checks: style, geometry, text), instead
 * of each running its own `querySelectorAll` over the subtree. Measured in `npm run bench -- --only
 * scan`: one document-wide `[class*="modal" i], …` query alone cost 165 ms on a 100k-element page.
 */

/** Where a query draws candidates from. An element is a candidate when any part names it. */
export interface Source {
  /** Local names, lower case (`iframe`). */
  tags?: readonly string[];
  /** Attribute names present on the element, lower case (`data-google-query-id`, `role`). */
  attrs?: readonly string[];
  /** The id or class holds one of the spec's words (case-insensitive substring). */
  words?: boolean;
}

/** What the walk files: the union of every registered detector's sources (lib/registry.ts). */
export interface IndexSpec {
  tags: readonly string[];
  attrs: readonly string[];
  /** Case-insensitive substrings of an id or class: `modal`, `cookie`, `OUTBRAIN`. */
  words: readonly string[];
  /** Text grouped into block units during the walk, by these rules (lib/core/text-units.ts). */
  units?: TextUnitRules;
}

export interface PageIndex {
  readonly root: ParentNode;
  /** Text nodes that can be page text (not inside script, style, svg …: `forEachTextNode`'s set), in document order. */
  readonly texts: readonly Text[];
  /** The root's text units by the spec's `units` rules (absent when the spec has none, and from `queryIndex`). */
  readonly units?: readonly TextUnit[];
  /**
   * Elements under `root` (itself included) matching `selector`, in document order, at most `max`:
   * the answer `querySelectorAll` gives whenever every element the selector can match is in `from`.
   * Throws when `from` names a tag, attribute or words the spec did not index: a detector that
   * forgot to declare a source fails its fixtures instead of silently finding nothing.
   */
  select(selector: string, from: Source, max?: number): Element[];
  /**
   * What `compute` returns, computed once per index: several detectors, and the rounds of a batch
   * (lib/content/scanner.ts), ask the same question of the same root.
   */
  memo<T>(key: string, compute: () => T): T;
  /**
   * Open shadow roots of elements under `root` (at most MAX_SHADOW_ROOTS), found by the same walk:
   * a walk does not enter them, so the scanner takes each as a root of its own (issue #7, item 4).
   * Absent from `queryIndex`.
   */
  readonly shadowRoots?: readonly ShadowRoot[];
}

/** Shadow roots one index hands to the scanner; a page with more gets the first ones. */
export const MAX_SHADOW_ROOTS = 200;

interface CompiledSpec {
  tagBits: Map<string, number>;
  attrBits: Map<string, number>;
  /** `attrBits` as two parallel lists, for the per-element loop. */
  attrNames: string[];
  attrMasks: number[];
  /** `[a],[b],…` of every indexed attribute name: one `matches` tells whether any is present. */
  attrSelector: string;
  wordBit: number;
  words: RegExp | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = new WeakMap<IndexSpec, CompiledSpec>();

function compile(spec: IndexSpec): CompiledSpec {
  const cached = compiled.get(spec);
  if (cached) return cached;
  const tagBits = new Map<string, number>();
  const attrBits = new Map<string, number>();
  let next = 0;
  const bit = (): number => {
    // 31 buckets; beyond that buckets share a bit (still correct: `select` tests with `matches`).
    const b = 1 << next % 31;
    next += 1;
    return b;
  };
  // Index loops only, here and below: a page may redefine Array.prototype's methods and iterator
  // (lib/core/safe-dom.ts).
  for (let i = 0; i < spec.tags.length; i++) if (!tagBits.has(spec.tags[i]!)) tagBits.set(spec.tags[i]!, bit());
  for (let i = 0; i < spec.attrs.length; i++) if (!attrBits.has(spec.attrs[i]!)) attrBits.set(spec.attrs[i]!, bit());
  let pattern = '';
  for (let i = 0; i < spec.words.length; i++) pattern += `${i > 0 ? '|' : ''}${escapeRegExp(spec.words[i]!)}`;
  const words = pattern !== '' ? new RegExp(pattern, 'i') : null;
  const attrNames: string[] = [];
  const attrMasks: number[] = [];
  for (const [name, mask] of attrBits) {
    attrNames[attrNames.length] = name;
    attrMasks[attrMasks.length] = mask;
  }
  let attrSelector = '';
  for (let i = 0; i < attrNames.length; i++) attrSelector += `${i > 0 ? ',' : ''}[${attrNames[i]}]`;
  const out: CompiledSpec = { tagBits, attrBits, attrNames, attrMasks, attrSelector, wordBit: bit(), words };
  compiled.set(spec, out);
  return out;
}

/** Longest id + class read for the word test (a class list of 100 KB is not a hint). */
const MAX_HINT_LENGTH = 300;

/**
 * Walk `root` once and file its elements by `spec`.
 * An explicit stack, no recursion (a hostile depth cannot overflow the stack), no TreeWalker and no
 * sibling pointers (happy-dom's call `Array.prototype.indexOf`, which a hostile page may replace).
 */
/** `elements`: how many elements the walk filed (the root included). */
export function buildIndex(root: ParentNode, spec: IndexSpec): PageIndex & { elements: number } {
  const c = compile(spec);
  const candidates: Element[] = [];
  const masks: number[] = [];
  const texts: Text[] = [];
  let elements = 0;

  const shadowRoots: ShadowRoot[] = [];
  const file = (el: Element): void => {
    elements += 1;
    // A getter call per element: about the cost of the tag lookup below (10k-element bench page).
    if (shadowRoots.length < MAX_SHADOW_ROOTS) {
      const shadow = openShadowRoot(el);
      if (shadow !== null) shadowRoots[shadowRoots.length] = shadow;
    }
    let mask = c.tagBits.get(el.localName) ?? 0;
    if (hasAttributes(el)) {
      // One native `matches` of `[a],[b],…` first: few elements carry an indexed attribute, and
      // asking each element `hasAttribute` for every name cost more than the walk itself (10k-element
      // bench page); `getAttributeNames` allocates a list per element and was slower still.
      if (c.attrSelector !== '' && matches(el, c.attrSelector)) {
        for (let i = 0; i < c.attrNames.length; i++) if (hasAttribute(el, c.attrNames[i]!)) mask |= c.attrMasks[i]!;
      }
      if (c.words !== null && hintsWord(el, c.words)) mask |= c.wordBit;
    }
    if (mask !== 0) {
      candidates[candidates.length] = el;
      masks[masks.length] = mask;
    }
  };

  const start = root as Node;
  if (isElement(start)) file(start);
  const builder = spec.units ? unitBuilderFor(root, spec.units) : null;
  let units: TextUnit[] | undefined;
  if (walkWithTreeWalker(start, file, texts, builder)) units = builder?.units();
  else {
    elements = isElement(start) ? 1 : 0;
    shadowRoots.length = 0;
    candidates.length = isElement(start) && candidates[0] === start ? 1 : 0;
    masks.length = candidates.length;
    texts.length = 0;
    // Plain walks: every element (svg and template contents too), the page text, the text units.
    walk(start as ParentNode, (el) => {
      file(el);
      return true;
    }, null);
    forEachTextNode(start as ParentNode, (text) => {
      texts[texts.length] = text;
    });
    if (spec.units) units = collectUnits(root, spec.units);
  }

  const maskOf = (from: Source): number => {
    let mask = 0;
    const tags = from.tags ?? [];
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i]!;
      const b = c.tagBits.get(tag);
      if (b === undefined) throw notIndexed(`tag '${tag}'`);
      mask |= b;
    }
    const attrs = from.attrs ?? [];
    for (let i = 0; i < attrs.length; i++) {
      const name = attrs[i]!;
      const b = c.attrBits.get(name);
      if (b === undefined) throw notIndexed(`attribute '${name}'`);
      mask |= b;
    }
    if (from.words) {
      if (c.words === null) throw notIndexed('no words');
      mask |= c.wordBit;
    }
    return mask;
  };

  const memos = new Map<string, unknown>();
  return {
    root,
    elements,
    texts,
    shadowRoots,
    ...(units ? { units } : {}),
    memo: (key, compute) => memoized(memos, key, compute),
    select(selector, from, max = Infinity) {
      const mask = maskOf(from);
      const out: Element[] = [];
      for (let i = 0; i < candidates.length && out.length < max; i++) {
        if ((masks[i]! & mask) === 0) continue;
        const el = candidates[i]!;
        if (matches(el, selector)) out[out.length] = el;
      }
      return out;
    },
  };
}

/** Whether the element's id or class holds one of the spec's words (each read up to MAX_HINT_LENGTH). */
function hintsWord(el: Element, words: RegExp): boolean {
  const id = attr(el, 'id');
  if (id !== null && id !== '' && words.test(id.length > MAX_HINT_LENGTH ? id.slice(0, MAX_HINT_LENGTH) : id)) return true;
  const cls = attr(el, 'class');
  return cls !== null && cls !== '' && words.test(cls.length > MAX_HINT_LENGTH ? cls.slice(0, MAX_HINT_LENGTH) : cls);
}

function memoized<T>(memos: Map<string, unknown>, key: string, compute: () => T): T {
  if (memos.has(key)) return memos.get(key) as T;
  const value = compute();
  memos.set(key, value);
  return value;
}

/**
 * The walk in a page: one TreeWalker over elements and text, the cheapest way through a DOM in
 * Chromium and Firefox (about 1 ms per 10,000 nodes). False when the document cannot give one (a page
 * that replaced `createTreeWalker`, a DOM without it): the caller then walks with explicit stacks.
 */
function walkWithTreeWalker(start: Node, file: (el: Element) => void, texts: Text[], units: TextUnitBuilder | null): boolean {
  const doc = start.nodeType === 9 ? (start as Document) : start.ownerDocument;
  let walker: TreeWalker;
  try {
    walker = CREATE_TREE_WALKER && doc ? CREATE_TREE_WALKER.call(doc, start, 0x1 | 0x4) : (null as never);
    if (!walker) return false;
    // Text inside script, style, svg … is not page text: skip it until the walk leaves that subtree.
    let quietUntil: Node | null | undefined;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (units !== null) units.visit(node);
      if (quietUntil !== undefined && node === quietUntil) quietUntil = undefined;
      if (node.nodeType === 3) {
        if (quietUntil === undefined) texts[texts.length] = node as Text;
        continue;
      }
      const el = node as Element;
      file(el);
      if (quietUntil === undefined && el.firstChild !== null && NO_TEXT_TAGS.has(el.localName)) quietUntil = nodeAfter(el, start);
    }
    return true;
  } catch {
    return false;
  }
}

/** A detector asked for a source it did not declare in `sources`. */
function notIndexed(what: string): Error {
  return new Error(`page index: ${what} is not indexed`);
}

/** Merge several specs into one (the registry's union of every detector's sources). */
export function mergeSpecs(specs: readonly Partial<IndexSpec>[]): IndexSpec {
  const tags = new Set<string>();
  const attrs = new Set<string>();
  const words = new Set<string>();
  let units: TextUnitRules | undefined;
  for (const s of specs) {
    for (const t of s.tags ?? []) tags.add(t);
    for (const a of s.attrs ?? []) attrs.add(a);
    for (const w of s.words ?? []) words.add(w.toLowerCase());
    if (s.units !== undefined && units !== undefined && s.units !== units) throw new Error('page index: two detectors ask for different text units');
    units ??= s.units;
  }
  return { tags: [...tags], attrs: [...attrs], words: [...words], ...(units ? { units } : {}) };
}

/**
 * The answers without a walk: each `select` is a `querySelectorAll` of `root`. For a detector run on
 * its own (unit tests, scripts) with no scanner around it; the fixture tests run both and compare.
 */
export function queryIndex(root: ParentNode): PageIndex {
  let texts: Text[] | null = null;
  const memos = new Map<string, unknown>();
  return {
    root,
    memo: (key, compute) => memoized(memos, key, compute),
    get texts() {
      if (texts === null) {
        const found: Text[] = [];
        forEachTextNode(root, (text) => {
          found[found.length] = text;
        });
        texts = found;
      }
      return texts;
    },
    select(selector, _from, max = Infinity) {
      const all = queryAll(root, selector);
      if (all.length <= max) return all;
      const out: Element[] = [];
      for (let i = 0; i < max; i++) out[i] = all[i]!;
      return out;
    },
  };
}

/** The index of `root` for this pass: the scanner's (one walk per root per batch), else `queryIndex`. */
export function indexOf(root: ParentNode, ctx: { index?: (root: ParentNode) => PageIndex }): PageIndex {
  return ctx.index ? ctx.index(root) : queryIndex(root);
}
