import { cap, cleanText } from '../../text';
import { CATEGORY_OF, explanationIdOf, type PatternType } from '../pattern-types';
import type { Reason } from '../../schema/common';
import type { DarkPatternFinding } from '../../core/detector';

/** Reason rules and details are capped like evidence (the log schema's limits). */
export function reason(rule: string, detail: string): Reason {
  return { rule: rule.slice(0, 80), detail: cap(detail) };
}

/** Round to two decimals and keep within 0–1. */
export function clampConfidence(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

/**
 * A finding of `type` on `element`. Category and explanation come from the taxonomy, so a detector
 * cannot name a type the popup cannot explain. Evidence is page text, capped; never HTML.
 */
export function darkPatternFinding(
  detectorId: string,
  element: Element,
  type: PatternType,
  confidence: number,
  evidence: string,
  reasons: Reason[],
): DarkPatternFinding {
  return {
    kind: 'dark-pattern',
    detectorId,
    element,
    category: CATEGORY_OF[type],
    type,
    confidence: clampConfidence(confidence),
    // Cleaned before the cap (issue #13): 400 zero-width characters must not use up the 200.
    evidence: cap(cleanText(evidence).replace(/\s+/g, ' ').trim()),
    explanationId: explanationIdOf(type),
    reasons: reasons.slice(0, 16),
  };
}
