import { isElement, walk } from './safe-dom';

/**
 * Text grouped by the block element that carries it ("text units"), built during the page index's
 * one walk (ARCHITECTURE.md, "One walk") instead of by a second walk of its own: on the bench's
 * 10k-element page the separate walk cost more than the index itself. The rules (which tags are
 * blocks, which subtrees are not read, the limits) belong to the detector that reads the units
 * (lib/dark-patterns/detectors/text-patterns.ts). tests/unit/core/text-units-reference.ts keeps the
 * earlier stack walk of its own as the reference these units must equal, on every fixture.
 */

export interface TextUnit {
  el: Element;
  text: string;
}

export interface TextUnitRules {
  /** Elements that hold their own unit; other elements add their text to their block's. */
  unitTags: ReadonlySet<string>;
  /** Subtrees whose text is not read at all (code, quotes, form controls, hidden by markup). */
  skip(el: Element): boolean;
  /** Whitespace collapsed and trimmed. */
  normalize(raw: string): string;
  /** Text kept per unit. */
  unitChars: number;
  /** Nodes visited and characters read, per root. */
  nodes: number;
  chars: number;
  /** Child nodes read under one element. */
  childrenPerNode: number;
  /** Shorter units (after `normalize`) are dropped. */
  minChars: number;
}

interface Buffer {
  el: Element;
  raw: string;
  listed: boolean;
}

/** Fed every element and text node of a walk in document order; `units()` then gives the root's units. */
export interface TextUnitBuilder {
  /** False: the builder does not read below this node (a walk that can skip a subtree may). */
  visit(node: Node): boolean;
  units(): TextUnit[];
}

/**
 * Units of `start` (an element: the root, or a document's body) as a document-order walk that
 * began at or above it visits its nodes. Nodes before `start` are ignored, and the first node after
 * its subtree ends the build. `walkSkips`: the walk skips the subtrees `visit` declines (the plain
 * walk of lib/core/safe-dom.ts); otherwise (a TreeWalker) the builder finds their end itself, with
 * sibling pointers, which happy-dom implements with a replaceable Array method.
 */
export function textUnitBuilder(start: Element, rules: TextUnitRules, walkSkips = false): TextUnitBuilder {
  const buffers: Buffer[] = [];
  const frames: { el: Node; unit: Buffer; children: number }[] = [];
  let depth = 0;
  let begun = false;
  let done = false;
  /** A skipped subtree: nodes are ignored until this one (null: until the end). */
  let skipUntil: Node | null | undefined;
  let nodes = 0;
  let chars = 0;

  const add = (unit: Buffer, text: string) => {
    const current = unit.raw;
    if (current.length >= rules.unitChars) return;
    if (text === ' ' && (current === '' || current.endsWith(' '))) return;
    const piece = text.length > rules.unitChars - current.length ? text.slice(0, rules.unitChars - current.length) : text;
    chars += piece.length;
    unit.raw = current + piece;
    if (!unit.listed) {
      unit.listed = true;
      buffers[buffers.length] = unit;
    }
  };

  const push = (el: Element, unit: Buffer) => {
    frames[depth] = { el, unit, children: 0 };
    depth += 1;
  };

  const begin = () => {
    begun = true;
    nodes += 1;
    if (rules.skip(start)) done = true;
    else push(start, { el: start, raw: '', listed: false });
  };

  /** Nothing below `from` is read; false for the walk. */
  const skipFrom = (from: Node): false => {
    if (!walkSkips) {
      skipUntil = nodeAfter(from, start);
      if (skipUntil === null) done = true;
    }
    return false;
  };

  return {
    visit(node) {
      if (done) return false;
      if (!begun) {
        if (node === start) begin();
        return true;
      }
      if (skipUntil !== undefined) {
        if (node !== skipUntil) return false;
        skipUntil = undefined;
      }
      const parent = node.parentNode;
      while (depth > 0 && frames[depth - 1]!.el !== parent) depth -= 1;
      if (depth === 0 || nodes >= rules.nodes || chars >= rules.chars) {
        done = true;
        return false;
      }
      const top = frames[depth - 1]!;
      top.children += 1;
      // Past the limit, the rest of this element's children are not read.
      if (top.children > rules.childrenPerNode) return skipFrom(top.el);
      nodes += 1;
      if (node.nodeType === 3) {
        add(top.unit, (node as Text).data);
        return false;
      }
      const el = node as Element;
      if (rules.skip(el)) return el.firstChild !== null ? skipFrom(el) : false;
      if (rules.unitTags.has(el.localName)) {
        // The parent's text before and after a block is two pieces, not one sentence.
        add(top.unit, ' ');
        push(el, { el, raw: '', listed: false });
      } else push(el, top.unit);
      return true;
    },
    units() {
      const out: TextUnit[] = [];
      for (let i = 0; i < buffers.length; i++) {
        const text = rules.normalize(buffers[i]!.raw);
        if (text.length >= rules.minChars) out[out.length] = { el: buffers[i]!.el, text };
      }
      return out;
    },
  };
}

/** The first node after `el`'s subtree in document order, within `start`; null at the end. */
export function nodeAfter(el: Node, start: Node): Node | null {
  for (let n: Node | null = el; n !== null && n !== start; n = n.parentNode) {
    if (n.nextSibling !== null) return n.nextSibling;
  }
  return null;
}

/** The units of `root` without a page index: one iterative walk (lib/core/safe-dom.ts) feeding the builder. */
export function collectUnits(root: ParentNode, rules: TextUnitRules): TextUnit[] {
  const builder = unitBuilderFor(root, rules, true);
  if (builder === null) return [];
  walk(root, (el) => (builder.visit(el) ? true : 'skip'), (text) => {
    builder.visit(text);
  });
  return builder.units();
}

/** The builder of a root's units: from the root element itself, or from a document's body. */
export function unitBuilderFor(root: ParentNode, rules: TextUnitRules, walkSkips = false): TextUnitBuilder | null {
  const doc = root as Document;
  const start = isElement(root) ? root : (doc.body ?? doc.documentElement ?? null);
  if (start === null) return null;
  const builder = textUnitBuilder(start, rules, walkSkips);
  // Walks do not visit their own root: the builder starts there.
  if (start === (root as Node)) builder.visit(start);
  return builder;
}
