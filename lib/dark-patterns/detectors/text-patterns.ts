import { TEXT_DETECTABLE_TYPES, type PatternType } from '../pattern-types';
import type { Finding } from '../../core/detector';
import { indexOf } from '../../core/page-index';
import { collectUnits, type TextUnit, type TextUnitRules } from '../../core/text-units';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { BLOCK_TAGS, SKIP_TAGS, hiddenByMarkup, isHidden, normalize, textOf } from '../support/dom';
import { discourseScope, type DiscourseCache } from '../support/discourse';
import { darkPatternFinding, reason } from '../support/finding';

const ID = 'dark-patterns/text-patterns';

/** Confirmshaming is judged on buttons, with their surroundings, by `confirmshaming.ts`. */
const TYPES: readonly PatternType[] = TEXT_DETECTABLE_TYPES.filter((t) => t !== 'confirmshaming');

export const TEXT_LIMITS = {
  /** Text read per element: prompts are short, and a 1 MB text node costs no more than this. */
  unitChars: 500,
  /** Longer than this, an element's text is prose (an article), not a prompt: less sure. */
  proseChars: 280,
  /** Nodes visited and characters read per pass. */
  nodes: 20_000,
  chars: 150_000,
  /** Children looked at under one element (a list of 100,000 items is read in part). */
  childrenPerNode: 2_000,
};

/** Elements that hold their own text unit; inline elements add to their block's. */
const UNIT_TAGS = new Set([...BLOCK_TAGS].filter((t) => t !== 'br' && t !== 'hr'));
/** Quoted, cited or code text is someone else's words, not the page speaking to the person. */
const QUOTE_TAGS = new Set(['blockquote', 'q', 'cite', 'code', 'pre', 'kbd', 'samp', 'var']);

/**
 * The units as the page index builds them during its one walk (lib/core/text-units.ts): the same
 * rules as `collectTextUnits`, which stays the reference (and the walk where there is no index).
 */
export const TEXT_UNIT_RULES: TextUnitRules = {
  unitTags: UNIT_TAGS,
  skip: (el) => {
    const tag = el.localName;
    return SKIP_TAGS.has(tag) || QUOTE_TAGS.has(tag) || tag === 'input' || hiddenByMarkup(el);
  },
  normalize,
  unitChars: TEXT_LIMITS.unitChars,
  nodes: TEXT_LIMITS.nodes,
  chars: TEXT_LIMITS.chars,
  childrenPerNode: TEXT_LIMITS.childrenPerNode,
  minChars: 6,
};

type Unit = TextUnit;


/**
 * Text grouped by the block element that carries it, in document order, skipping code, quotes and
 * hidden subtrees, within the per-pass limits (TEXT_UNIT_RULES). The root is a unit whatever its
 * tag. In a pass the page index builds these during its walk; this is the same build without one.
 */
export function collectTextUnits(root: ParentNode): Unit[] {
  return collectUnits(root, TEXT_UNIT_RULES);
}

/**
 * The smallest element inside `el` that still carries a text of the same type: `<p>Great mug.
 * <strong>Only 2 left!</strong></p>` reports the `<strong>`.
 */
function smallestCarrier(el: Element, type: string, ctx: DarkPatternContext): Element {
  let current = el;
  for (let depth = 0; depth < 8; depth++) {
    let only: Element | null = null;
    let count = 0;
    for (let child = current.firstElementChild, i = 0; child && i < 50; child = child.nextElementSibling, i++) {
      if (SKIP_TAGS.has(child.localName) || hiddenByMarkup(child)) continue;
      const text = textOf(child, { maxChars: TEXT_LIMITS.unitChars, maxNodes: 500 });
      if (text.length >= 6 && ctx.text(text).pattern?.type === type) {
        only = child;
        count += 1;
      }
    }
    if (count !== 1 || !only) break;
    current = only;
  }
  return current;
}

/**
 * Urgency, scarcity, social proof, hidden costs and the other wordings the text classifier knows,
 * in the visible text of each block, reported once on the smallest element carrying it. Quotes
 * (`blockquote`, `q`, `code`) and pages or articles about dark patterns are skipped; long prose is
 * reported with less confidence.
 */
export const textPatterns: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: TYPES,
  description: 'Urgency, scarcity, social-proof and hidden-cost wording in visible text blocks, via the text classifier, on the smallest element carrying it.',
  // Text units are built by the index's walk (TEXT_UNIT_RULES); without an index, by `collectTextUnits`.
  sources: { units: TEXT_UNIT_RULES },
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const findings: Finding[] = [];
    const reported = new Set<Element>();
    const scopes: DiscourseCache = new Map();
    // Units depend on the DOM only: the rounds of a batch reuse them (lib/content/scanner.ts).
    const index = indexOf(root, ctx);
    for (const unit of index.units ?? index.memo('text-units', () => collectTextUnits(root))) {
      const { text } = unit;
      const match = ctx.text(text).pattern;
      if (!match || !(TYPES as readonly string[]).includes(match.type)) continue;
      if (isHidden(unit.el, ctx.win) || discourseScope(unit.el, scopes, ctx)) continue;
      const element = smallestCarrier(unit.el, match.type, ctx);
      if (reported.has(element)) continue;
      reported.add(element);
      const prose = unit.text.length > TEXT_LIMITS.proseChars;
      findings.push(
        darkPatternFinding(ID, element, match.type as PatternType, prose ? match.confidence * 0.6 : match.confidence, element === unit.el ? text : textOf(element, { maxChars: 200 }), [
          reason(match.ruleId, prose ? `in ${unit.text.length}+ characters of prose` : `in a ${unit.el.localName}`),
        ]),
      );
    }
    return findings;
  },
};
