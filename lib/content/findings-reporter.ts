import { cap, cleanText } from '../text';
import type { Finding } from '../core/detector';
import type { FindingReport } from '../messages';
import { MAX_FINDINGS_PER_MESSAGE, splitBatches } from '../message-limits';
import { locatorOf } from './locator';

export interface FindingsReporter {
  /** Give each new finding a unit id, remember its element, queue its report. */
  add(findings: readonly Finding[]): { unitId: string; finding: Finding }[];
  /** Queue an impression of a unit already reported. */
  impression(element: Element): void;
  /** Element and label of a unit, for "show on page". */
  lookup(unitId: string): Element | undefined;
  flush(): void;
  stop(): void;
}

/**
 * Content side of findings: unit ids, element bookkeeping and batched reports to the background.
 * Unit ids are random per page load, so frames and reloads never collide.
 */
export function createFindingsReporter(
  send: (findings: FindingReport[]) => Promise<unknown>,
  ruleIdOf: (detectorId: string) => string = (id) => id,
  intervalMs = 300,
): FindingsReporter {
  const prefix = Math.random().toString(36).slice(2, 10);
  let counter = 0;
  const byId = new Map<string, Element>();
  const idOf = new WeakMap<Element, { unitId: string; finding: Finding }>();
  let pending: FindingReport[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const batches = splitBatches(pending, MAX_FINDINGS_PER_MESSAGE);
    pending = [];
    for (const batch of batches) {
      send(batch).catch(() => {
        stopped = true; // the extension was reloaded or removed: stay quiet
      });
    }
  };
  const queue = (report: FindingReport) => {
    if (stopped) return;
    pending.push(report);
    if (pending.length >= MAX_FINDINGS_PER_MESSAGE) flush();
    else timer ??= setTimeout(flush, intervalMs);
  };

  return {
    add(findings) {
      const added: { unitId: string; finding: Finding }[] = [];
      for (const finding of findings) {
        if (idOf.has(finding.element)) continue;
        const unitId = `${prefix}-${counter++}`;
        idOf.set(finding.element, { unitId, finding });
        byId.set(unitId, finding.element);
        added.push({ unitId, finding });
        const locator = locatorOf(finding.element);
        // Page text as stored: hidden characters out (lib/text.ts cleanText), then capped.
        const reasons = finding.reasons.slice(0, 16).map((r) => ({ rule: cap(r.rule, 80), detail: cap(cleanText(r.detail)) }));
        if (finding.kind === 'ad') {
          queue({ kind: 'ad', unitId, phase: 'rendered', detectorId: ruleIdOf(finding.detectorId), network: finding.network, locator, reasons });
        } else {
          queue({
            kind: 'dark-pattern',
            unitId,
            detectorId: ruleIdOf(finding.detectorId),
            category: finding.category,
            type: finding.type,
            confidence: finding.confidence,
            evidence: cap(cleanText(finding.evidence)),
            locator,
            explanationId: finding.explanationId,
            reasons,
          });
        }
      }
      return added;
    },
    impression(element) {
      const known = idOf.get(element);
      if (!known || known.finding.kind !== 'ad') return;
      const f = known.finding;
      queue({ kind: 'ad', unitId: known.unitId, phase: 'impression', detectorId: ruleIdOf(f.detectorId), network: f.network, locator: locatorOf(element), reasons: [] });
    },
    lookup: (unitId) => byId.get(unitId),
    flush,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
