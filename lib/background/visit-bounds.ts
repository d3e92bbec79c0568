import type { FindingReport } from '../messages';
import type { CappedKind } from '../schema/visit';
import type { WriteOp, WriteQueue } from '../log/write-queue';

/**
 * Per-visit bounds on what a page can add to the log (issue #10, item 5): a page with 10,000 copies
 * of one prompt, or 10,000 countdowns, must not flood the log or the Targeted count. The same
 * dark pattern (type and evidence) is one finding per visit however often the page repeats it, and
 * each family has a cap per visit. Impressions count only for units that were recorded. What a
 * bound kept out is counted (`capped`), never silently lost.
 */
export const VISIT_CAPS = { 'dark-pattern': 100, ad: 300, engagement: 600, 'resource-timing': 500 } as const;
/** Visits whose bounds are remembered (the tabs' current and recent visits). */
const MAX_VISITS = 64;

export type BoundKind = keyof typeof VISIT_CAPS;
type Kind = BoundKind;

/** The visit record's name for what a bound kept out (`capped.<name>`, lib/schema/visit.ts). */
export const CAPPED_FIELD: Record<Kind, CappedKind> = { 'dark-pattern': 'darkPattern', ad: 'ad', engagement: 'engagement', 'resource-timing': 'resourceTiming' };

interface VisitState {
  counts: Record<Kind, number>;
  patterns: Set<string>;
  units: Set<string>;
}

export interface VisitBounds {
  /** Whether a finding of this visit may be recorded; false counts it as capped. */
  admitFinding(visitId: string, finding: FindingReport): boolean;
  /** Whether one more engagement act of this visit may be recorded. */
  admitAct(visitId: string): boolean;
  /** Whether one more request only Resource Timing showed may be recorded for this visit. */
  admitObserved(visitId: string): boolean;
  /** `n` more of `kind` were kept out before they reached here (a content script's own cap). */
  noteCapped(visitId: string, kind: Kind, n: number): void;
}

export function createVisitBounds(onCapped: (kind: Kind, visitId: string, n: number) => void): VisitBounds {
  const visits = new Map<string, VisitState>();
  const stateOf = (visitId: string): VisitState => {
    let state = visits.get(visitId);
    if (state) {
      // Most recently used last, so the oldest is the first key.
      visits.delete(visitId);
      visits.set(visitId, state);
      return state;
    }
    state = { counts: { 'dark-pattern': 0, ad: 0, engagement: 0, 'resource-timing': 0 }, patterns: new Set(), units: new Set() };
    visits.set(visitId, state);
    if (visits.size > MAX_VISITS) visits.delete(visits.keys().next().value!);
    return state;
  };
  const take = (visitId: string, state: VisitState, kind: Kind): boolean => {
    if (state.counts[kind] >= VISIT_CAPS[kind]) {
      onCapped(kind, visitId, 1);
      return false;
    }
    state.counts[kind] += 1;
    return true;
  };
  return {
    admitFinding(visitId, finding) {
      const state = stateOf(visitId);
      if (finding.kind === 'ad') {
        if (finding.phase === 'impression') {
          if (state.units.has(finding.unitId)) return true;
          onCapped('ad', visitId, 1);
          return false;
        }
        if (!take(visitId, state, 'ad')) return false;
        state.units.add(finding.unitId);
        return true;
      }
      const key = `${finding.type}\u0000${finding.evidence}`;
      if (state.patterns.has(key)) {
        onCapped('dark-pattern', visitId, 1);
        return false;
      }
      if (!take(visitId, state, 'dark-pattern')) return false;
      state.patterns.add(key);
      return true;
    },
    admitAct: (visitId) => take(visitId, stateOf(visitId), 'engagement'),
    admitObserved: (visitId) => take(visitId, stateOf(visitId), 'resource-timing'),
    noteCapped(visitId, kind, n) {
      if (n > 0) onCapped(kind, visitId, n);
    },
  };
}

/** `BoundKind` of a visit record's `capped` field: the log's meta (`capped.<kind>`) is counted by the first. */
export const BOUND_KIND_OF = Object.fromEntries(Object.entries(CAPPED_FIELD).map(([bound, field]) => [field, bound])) as Record<CappedKind, Kind>;

type CappedOp = Extract<WriteOp, { op: 'capped' }>;

/**
 * The bounds' callback (issue #10, items 4 and 5): each count goes into `totals` (the diagnostics)
 * at once, and into one `capped` op per visit and kind, queued a second after its first count (a
 * flood of 10,000 capped findings is one op). The op is in the write-ahead copy from its first
 * count (`keep`, again on every count), so a worker stopped in that second loses nothing: the next
 * one replays it (lib/background/write-ahead.ts).
 */
export function createCappedCounter(
  totals: Record<string, number>,
  queue: Pick<WriteQueue, 'push'>,
  writeAhead: { keep(op: WriteOp): void },
  setTimer: (fn: () => void, ms: number) => unknown = setTimeout,
): (kind: Kind, visitId: string, n: number) => void {
  const counting = new Map<string, CappedOp>();
  let timer: unknown = null;
  return (kind, visitId, n) => {
    totals[kind] = (totals[kind] ?? 0) + n;
    const key = `${visitId}\u0000${kind}`;
    let op = counting.get(key);
    if (!op) {
      op = { op: 'capped', visitId, kind: CAPPED_FIELD[kind], n: 0 };
      counting.set(key, op);
    }
    op.n += n;
    writeAhead.keep(op);
    timer ??= setTimer(() => {
      timer = null;
      // The same objects: their copies stay until the batch that writes them commits.
      for (const e of counting.values()) queue.push(e);
      counting.clear();
    }, 1000);
  };
}
