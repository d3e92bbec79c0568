import type { Finding } from '../core/detector';

/** Elements remembered before the ones that left the page are forgotten. */
export const MAX_REPORTED = 5000;

/**
 * What was reported, ever: one element is reported once, and an ad inside (or around) an ad already
 * reported is not reported again. Bounded: past MAX_REPORTED, elements that left the page are
 * forgotten. Each check is cheap whatever was reported (issue #13: 20,000 findings on one page):
 * "inside" walks the element's ancestors; "around" asks a set of every reported ad's ancestors
 * first and reads the list only when that set says maybe.
 */
export function createReportedSet() {
  const set = new Set<Element>();
  let list: Element[] = [];
  // Ancestors of reported ads (a superset once elements move or leave: then the list decides).
  const adAncestors = new WeakSet<Element>();
  let pruneAt = MAX_REPORTED;

  function isInsideFinding(el: Element): boolean {
    for (let node: Element | null = el; node; node = node.parentElement) if (set.has(node)) return true;
    return false;
  }

  function containsReportedAd(el: Element): boolean {
    if (!adAncestors.has(el)) return false;
    for (const r of list) if (r !== el && el.contains(r)) return true;
    return false;
  }

  function rememberAd(el: Element): void {
    // Each element is added once: the walk stops at the first ancestor already known.
    for (let node = el.parentElement; node && !adAncestors.has(node); node = node.parentElement) adAncestors.add(node);
  }

  /** The findings not reported before (now reported), in order. */
  function accept(findings: readonly Finding[]): Finding[] {
    const fresh: Finding[] = [];
    for (const f of findings) {
      if (set.has(f.element)) continue;
      if (f.kind === 'ad' && isInsideFinding(f.element)) continue;
      if (f.kind === 'ad' && containsReportedAd(f.element)) continue;
      set.add(f.element);
      list.push(f.element);
      if (f.kind === 'ad') rememberAd(f.element);
      fresh.push(f);
    }
    if (list.length > pruneAt) {
      // Forget the oldest that left the page; keep memory bounded on endless feeds. One pass, and
      // not again before the list has grown as much (linear over any number of findings).
      const kept: Element[] = [];
      let left = list.length;
      for (const el of list) {
        if (!el.isConnected && left > MAX_REPORTED / 2) {
          set.delete(el);
          left -= 1;
        } else kept.push(el);
      }
      list = kept;
      pruneAt = Math.max(MAX_REPORTED, 2 * list.length);
    }
    return fresh;
  }

  return { isInsideFinding, accept, list: (): readonly Element[] => list };
}
