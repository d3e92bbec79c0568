import type { DetectorContext } from '../../core/detector';
import { indexOf } from '../../core/page-index';
import type { TextUnit } from '../../core/text-units';
import { collectTextUnits, TEXT_UNIT_RULES } from '../detectors/text-patterns';

/**
 * The root's text units (ARCHITECTURE.md, "One walk"): built by the index's walk when the scanner
 * has one, else once per index under the same memo key text-patterns uses. Structural detectors
 * read these instead of walking the page again.
 */
export function textUnits(root: ParentNode, ctx: Pick<DetectorContext, 'index'>): readonly TextUnit[] {
  const index = indexOf(root, ctx);
  return index.units ?? index.memo('text-units', () => collectTextUnits(root));
}

/** What a detector reading `textUnits` declares (the same rules as text-patterns: one build). */
export const UNIT_SOURCES = { units: TEXT_UNIT_RULES } as const;

/** The nearest ancestor (itself included) that is a section of the page, within `maxDepth` levels. */
export function sectionOf(el: Element, maxDepth = 4): Element {
  let node: Element = el;
  for (let i = 0; i < maxDepth; i++) {
    const parent = node.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'html') break;
    node = parent;
    if (/^(?:section|article|main|form|aside|dialog|fieldset)$/.test(node.localName)) break;
  }
  return node;
}
