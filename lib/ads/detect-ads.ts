import type { Reason } from '../schema/common';
import type { AdFinding, DetectorContext } from '../core/detector';
import { adHostFrame } from './detectors/ad-host-frame';
import { adsense } from './detectors/adsense';
import { amazon } from './detectors/amazon';
import { criteo } from './detectors/criteo';
import { gptSlot } from './detectors/gpt-slot';
import { listSelector } from './detectors/list-selector';
import { nativeWidget } from './detectors/native-widget';
import { prebid } from './detectors/prebid';
import type { AdDetector } from './shared/ad-detector';
import { append, isElement, isInside, parentOf } from '../core/safe-dom';
import { sponsoredLabel } from './detectors/sponsored-label';

export { createAdUnitLedger, type AdUnitLedger } from './shared/ad-unit-ledger';
export type { AdDetector } from './shared/ad-detector';

/**
 * Every ad detector, in merge priority: when findings nest, the merged unit takes its network from
 * the first detector here that named one. Ad-stack detectors name the stack that served the unit
 * (`Google Ad Manager` over `Prebid` for a Prebid bid rendered by GAM); `ad-host-frame` names the
 * host's organization (`Google`); `sponsored-label` names none, nor does `list-selector` (EasyList's
 * selectors, optional), last: supporting evidence for units the others found.
 */
export const AD_DETECTORS: readonly AdDetector[] = [gptSlot, adsense, prebid, amazon, criteo, nativeWidget, adHostFrame, sponsoredLabel, listSelector];

/** Most reasons kept on a merged unit; the rest add nothing a reader needs. */
const MAX_REASONS = 16;

export interface DetectorError {
  detectorId: string;
  /** `Name: message`, cut to 200 characters. */
  error: string;
}

export interface AdScan {
  /** One finding per ad unit: the outermost element, reasons merged. */
  findings: AdFinding[];
  /** Detectors that threw, or returned findings breaking the contract; never thrown. */
  errors: DetectorError[];
}

export interface DetectorRun {
  detectorId: string;
  findings: AdFinding[];
}

function describeError(err: unknown): string {
  let text: string;
  try {
    text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } catch {
    text = 'unprintable error';
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * Runs each detector on `root`, each in its own try/catch (ARCHITECTURE.md: fail visibly: an error is
 * returned with the detector's id, never thrown and never swallowed). Findings that are not ad
 * findings on an element inside `root` are dropped and reported as errors.
 */
export function runAdDetectors(root: ParentNode, ctx: DetectorContext, detectors: readonly AdDetector[] = AD_DETECTORS): { runs: DetectorRun[]; errors: DetectorError[] } {
  const runs: DetectorRun[] = [];
  const errors: DetectorError[] = [];
  for (let d = 0; d < detectors.length; d++) {
    const detector = detectors[d]!;
    let raw: AdFinding[];
    try {
      raw = detector.detect(root, ctx);
    } catch (err) {
      append(errors, { detectorId: detector.id, error: describeError(err) });
      continue;
    }
    const findings: AdFinding[] = [];
    let invalid = 0;
    for (let i = 0; i < raw.length; i++) {
      const f = raw[i];
      if (f !== undefined && f.kind === 'ad' && isElement(f.element) && isInside(f.element, root as Node)) append(findings, f);
      else invalid += 1;
    }
    if (invalid > 0) append(errors, { detectorId: detector.id, error: `${invalid} finding(s) not an ad finding on an element inside the scanned root` });
    append(runs, { detectorId: detector.id, findings });
  }
  return { runs, errors };
}

/**
 * One finding per ad unit. When findings nest (a GPT frame inside its slot, a sponsored card holding
 * an AdSense unit) only the outermost element counts; its finding keeps the detector id that found
 * that element (first in `order`), every nested finding's reasons, and the network of the first
 * detector in `order` that named one.
 */
export function mergeAdFindings(findings: readonly AdFinding[], root: ParentNode, order: readonly AdDetector[] = AD_DETECTORS): AdFinding[] {
  const rank = (f: AdFinding): number => {
    for (let i = 0; i < order.length; i++) if (order[i]!.id === f.detectorId) return i;
    return order.length;
  };
  const groups = new Map<Element, AdFinding[]>();
  const elements: Element[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const group = groups.get(f.element);
    if (group) append(group, f);
    else {
      groups.set(f.element, [f]);
      append(elements, f.element);
    }
  }
  // Each element's outermost ancestor that is also a finding, up to the root.
  const outermostOf = new Map<Element, Element>();
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    let outermost: Element | null = null;
    if (el !== (root as Node)) {
      for (let n = parentOf(el); n !== null; n = parentOf(n)) {
        if (groups.has(n)) outermost = n;
        if (n === (root as Node)) break;
      }
    }
    outermostOf.set(el, outermost ?? el);
  }
  const nestedIn = new Map<Element, AdFinding[]>();
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const top = outermostOf.get(el) ?? el;
    if (top === el) continue;
    let nested = nestedIn.get(top);
    if (nested === undefined) {
      nested = [];
      nestedIn.set(top, nested);
    }
    const group = groups.get(el) ?? [];
    for (let k = 0; k < group.length; k++) append(nested, group[k]!);
  }
  const merged: AdFinding[] = [];
  for (let i = 0; i < elements.length; i++) {
    const top = elements[i]!;
    if (outermostOf.get(top) !== top) continue;
    // The top element's own findings first, then those nested in it; each part in detector order.
    const own = sortByRank(groups.get(top) ?? [], rank);
    const nested = nestedIn.get(top) ?? [];
    const inner = sortByRank(nested, rank);
    const all = concat(own, inner);
    const byRank = sortByRank(all, rank);
    let network: string | null = null;
    for (let j = 0; j < byRank.length && network === null; j++) network = byRank[j]!.network;
    append(merged, { kind: 'ad', detectorId: own[0]!.detectorId, element: top, network, reasons: mergeReasons(all) });
  }
  return merged;
}

function sortByRank(list: readonly AdFinding[], rank: (f: AdFinding) => number): AdFinding[] {
  // Insertion sort: stable, no Array.prototype.sort (a page may redefine it), lists are short.
  const out: AdFinding[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    let j = out.length;
    while (j > 0 && rank(out[j - 1]!) > rank(f)) {
      out[j] = out[j - 1]!;
      j -= 1;
    }
    out[j] = f;
  }
  return out;
}

function concat<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < a.length; i++) append(out, a[i]!);
  for (let i = 0; i < b.length; i++) append(out, b[i]!);
  return out;
}

function mergeReasons(findings: readonly AdFinding[]): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < findings.length && out.length < MAX_REASONS; i++) {
    const reasons = findings[i]!.reasons;
    for (let j = 0; j < reasons.length && out.length < MAX_REASONS; j++) {
      const r = reasons[j]!;
      const key = `${r.rule}\u0000${r.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      append(out, r);
    }
  }
  return out;
}

/**
 * Ad units in `root` (the document, or a subtree that changed): every detector, errors caught per
 * detector, findings merged to one per outermost unit. Pure: for counting across rescans, pass
 * each scan's findings through an `AdUnitLedger`.
 */
export function detectAds(root: ParentNode, ctx: DetectorContext, detectors: readonly AdDetector[] = AD_DETECTORS): AdScan {
  const { runs, errors } = runAdDetectors(root, ctx, detectors);
  const all: AdFinding[] = [];
  for (let i = 0; i < runs.length; i++) {
    const found = runs[i]!.findings;
    for (let j = 0; j < found.length; j++) append(all, found[j]!);
  }
  try {
    return { findings: mergeAdFindings(all, root, detectors), errors };
  } catch (err) {
    append(errors, { detectorId: 'ads/index', error: `merge failed: ${describeError(err)}` });
    return { findings: [], errors };
  }
}
