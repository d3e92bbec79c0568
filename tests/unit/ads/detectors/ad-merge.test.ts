// @vitest-environment happy-dom
/**
 * One finding per unit: nested findings merge into the outermost element (reasons kept, a known
 * network preferred), and the ledger never counts an element twice across rescans.
 */
import { describe, expect, test } from 'vitest';
import { createAdUnitLedger, mergeAdFindings } from '../../../../lib/ads/detect-ads';
import type { AdFinding } from '../../../../lib/core/detector';
import { parseHtml } from './fixture-harness';

const doc = parseHtml(`<!doctype html><html><body>
  <div id="card"><span>Sponsored</span><div id="slot"><div id="container"><iframe id="frame"></iframe></div></div></div>
  <div id="other"><iframe id="other-frame"></iframe></div>
</body></html>`);
const el = (id: string): Element => doc.getElementById(id)!;
const finding = (detectorId: string, id: string, network: string | null): AdFinding => ({
  kind: 'ad',
  detectorId,
  element: el(id),
  network,
  reasons: [{ rule: `${detectorId}@1/test`, detail: `on #${id}` }],
});

describe('mergeAdFindings', () => {
  test('keeps the outermost element, merges reasons and prefers a known network', () => {
    const merged = mergeAdFindings(
      [finding('ads/ad-host-frame', 'frame', 'Google'), finding('ads/gpt-slot', 'slot', 'Google Ad Manager'), finding('ads/gpt-slot', 'container', 'Google Ad Manager'), finding('ads/sponsored-label', 'card', null)],
      doc,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.element).toBe(el('card'));
    expect(merged[0]!.detectorId).toBe('ads/sponsored-label');
    expect(merged[0]!.network).toBe('Google Ad Manager');
    expect(merged[0]!.reasons.map((r) => r.detail).sort()).toEqual(['on #card', 'on #container', 'on #frame', 'on #slot']);
  });

  test('one finding per element, siblings stay apart', () => {
    const merged = mergeAdFindings([finding('ads/ad-host-frame', 'frame', 'Google'), finding('ads/gpt-slot', 'frame', null), finding('ads/ad-host-frame', 'other-frame', 'Microsoft')], doc);
    expect(merged.map((f) => f.element.id)).toEqual(['frame', 'other-frame']);
    expect(merged[0]!.detectorId).toBe('ads/gpt-slot');
    expect(merged[0]!.network).toBe('Google');
  });

  test('does not merge across the scanned root', () => {
    const merged = mergeAdFindings([finding('ads/gpt-slot', 'container', 'Google Ad Manager'), finding('ads/ad-host-frame', 'frame', 'Google')], el('container'));
    expect(merged.map((f) => f.element.id)).toEqual(['container']);
  });
});

describe('createAdUnitLedger', () => {
  test.each([
    ['the same element again', ['slot'], ['slot'], 0],
    ['an element inside a counted one (a refreshed frame)', ['slot'], ['frame'], 0],
    ['an element around a counted one (its container rendered later)', ['frame'], ['card'], 0],
    ['a sibling unit', ['slot'], ['other'], 1],
  ])('%s', (_name, first, second, admitted) => {
    const ledger = createAdUnitLedger();
    expect(ledger.admit(first.map((id) => finding('ads/gpt-slot', id, null)))).toHaveLength(first.length);
    expect(ledger.admit(second.map((id) => finding('ads/gpt-slot', id, null)))).toHaveLength(admitted);
    expect(ledger.count).toBe(first.length + admitted);
  });
});
