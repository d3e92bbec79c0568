// @vitest-environment happy-dom
/**
 * Each detector's own examples (must find `count` units) and counter-examples (must find none),
 * with `ctx.verdict` from the real classifier. Counter-examples are not ads at all, so the whole
 * pipeline must stay silent on them too.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { AD_DETECTORS, detectAds, mergeAdFindings } from '../../../../lib/ads/detect-ads';
import { contextFor, DEFAULT_PAGE_URL, label, parseHtml } from './fixture-harness';
import { loadRealVerdict, type VerdictFor } from './real-verdict';

let verdictFor: VerdictFor;
beforeAll(async () => {
  verdictFor = await loadRealVerdict();
}, 30_000);

const page = (html: string): Document => parseHtml(`<!doctype html><html lang="en"><head></head><body>${html}</body></html>`);

const EXAMPLES = AD_DETECTORS.flatMap((d) => d.examples.map((e, i) => [`${d.id} #${i + 1}`, d, e] as const));
const COUNTER_EXAMPLES = AD_DETECTORS.flatMap((d) => d.counterExamples.map((c) => [`${d.id}: ${c.why}`, d, c] as const));

describe('detects', () => {
  test.each(EXAMPLES)('%s', (_name, detector, example) => {
    const doc = page(example.html);
    const ctx = { ...contextFor(doc, verdictFor(example.pageUrl ?? DEFAULT_PAGE_URL)), listSelectors: example.listSelectors };
    const units = mergeAdFindings(detector.detect(doc, ctx), doc);
    expect(units.map((f) => label(f.element)).length).toBe(example.count);
    for (const f of units) expect(f.detectorId).toBe(detector.id);
  });
});

describe('ignores', () => {
  test.each(COUNTER_EXAMPLES)('%s', (_name, detector, counter) => {
    const doc = page(counter.html);
    const ctx = { ...contextFor(doc, verdictFor(DEFAULT_PAGE_URL)), listSelectors: counter.listSelectors };
    expect(detector.detect(doc, ctx).map((f) => label(f.element))).toEqual([]);
    const all = detectAds(doc, ctx);
    expect(all.errors).toEqual([]);
    expect(all.findings.map((f) => `${label(f.element)} by ${f.detectorId}`)).toEqual([]);
  });
});
