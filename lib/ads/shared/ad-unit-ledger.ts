import type { AdFinding } from '../../core/detector';
import { append, isElement, parentOf, queryAll } from '../../core/safe-dom';

/** Bound on the descendants checked per new unit; ad units are small (a slot, a widget, a card). */
const MAX_DESCENDANTS_CHECKED = 5000;

export interface AdUnitLedger {
  /**
   * The findings of one scan that are new units: not an element already counted, not inside one,
   * and not around one (an ad counted on its own before its container rendered is the same ad).
   * Admitted findings are remembered; call it with each scan's `detectAds(…).findings`.
   */
  admit(findings: readonly AdFinding[]): AdFinding[];
  /** Units admitted so far. */
  readonly count: number;
}

/**
 * Counting across rescans: the content script scans the page, then each inserted subtree; GPT
 * refreshes a slot by replacing its frame, Taboola renders into a container that was empty, a feed
 * appends cards. The ledger makes "the same element is never counted twice" hold across those
 * scans. It keeps elements in a WeakSet, so removed ads are not kept alive.
 */
export function createAdUnitLedger(): AdUnitLedger {
  const counted = new WeakSet<Element>();
  let count = 0;

  const insideCounted = (el: Element): boolean => {
    for (let n: Element | null = el; n !== null; n = parentOf(n)) if (counted.has(n)) return true;
    return false;
  };
  const aroundCounted = (el: Element): boolean => {
    const descendants = queryAll(el, '*', false);
    for (let i = 0; i < descendants.length && i < MAX_DESCENDANTS_CHECKED; i++) if (counted.has(descendants[i]!)) return true;
    return false;
  };

  return {
    admit(findings) {
      const fresh: AdFinding[] = [];
      for (let i = 0; i < findings.length; i++) {
        const finding = findings[i]!;
        const el = finding.element;
        if (!isElement(el) || insideCounted(el) || aroundCounted(el)) continue;
        counted.add(el);
        count += 1;
        append(fresh, finding);
      }
      return fresh;
    },
    get count() {
      return count;
    },
  };
}
