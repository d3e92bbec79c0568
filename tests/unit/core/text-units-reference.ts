/**
 * The reference for text units (lib/core/text-units.ts): the stack walk text-patterns used before the
 * page index built its units during its own walk, kept here unchanged (git 2ab6e19) so that the two
 * builds can be compared on every fixture (tests/unit/core/page-index.test.ts). Test code only.
 */
import { TEXT_LIMITS } from '../../../lib/dark-patterns/detectors/text-patterns';
import { BLOCK_TAGS, SKIP_TAGS, hiddenByMarkup, isElement, normalize } from '../../../lib/dark-patterns/support/dom';

const UNIT_TAGS = new Set([...BLOCK_TAGS].filter((t) => t !== 'br' && t !== 'hr'));
const QUOTE_TAGS = new Set(['blockquote', 'q', 'cite', 'code', 'pre', 'kbd', 'samp', 'var']);

export function referenceTextUnits(root: ParentNode, limits = TEXT_LIMITS): { el: Element; text: string }[] {
  const start = isElement(root) ? root : ((root as Document).body ?? (root as Document).documentElement ?? null);
  if (!start) return [];
  const buffers = new Map<Element, string>();
  const stack: [Node, Element][] = [[start, start]];
  let nodes = 0;
  let chars = 0;
  const add = (unit: Element, text: string) => {
    const current = buffers.get(unit) ?? '';
    if (current.length >= limits.unitChars) return;
    if (text === ' ' && (current === '' || current.endsWith(' '))) return;
    const piece = text.slice(0, limits.unitChars - current.length);
    chars += piece.length;
    buffers.set(unit, current + piece);
  };
  while (stack.length > 0 && nodes < limits.nodes && chars < limits.chars) {
    const [node, unit] = stack.pop()!;
    nodes += 1;
    if (node.nodeType === 3) {
      add(unit, (node as Text).data);
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (SKIP_TAGS.has(tag) || QUOTE_TAGS.has(tag) || hiddenByMarkup(node)) continue;
    let own = unit;
    if (node === start || UNIT_TAGS.has(tag)) {
      own = node;
      // The parent's text before and after a block is two pieces, not one sentence.
      if (node !== start) add(unit, ' ');
    } else if (tag === 'input') {
      continue;
    }
    const children = node.childNodes;
    const count = Math.min(children.length, limits.childrenPerNode);
    for (let i = count - 1; i >= 0; i--) stack.push([children[i]!, own]);
  }
  const units: { el: Element; text: string }[] = [];
  for (const [el, raw] of buffers) {
    const text = normalize(raw);
    if (text.length >= 6) units.push({ el, text });
  }
  return units;
}

