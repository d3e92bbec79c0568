// @vitest-environment happy-dom
/**
 * Every fixture in tests/fixtures/ads, through the real detectors and the real TrackerDB
 * classifier: the counted units equal the fixture's `beaker-expected-ads` (less its documented
 * known misses), each finding lands in a marked unit once, and each unit is found by the detectors
 * its `data-beaker-ad` names.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { reason } from '../../../../lib/schema/common';
import { label, listAdFixtures, runAdFixture, scoreFindings, unitOf } from './fixture-harness';
import { loadRealVerdict, type VerdictFor } from './real-verdict';

const FIXTURES = listAdFixtures();
const expectedOf = (html: string): number => Number(/name="beaker-expected-ads" content="(\d+)"/.exec(html)?.[1] ?? NaN);

let verdictFor: VerdictFor;
beforeAll(async () => {
  verdictFor = await loadRealVerdict();
}, 30_000);

describe('fixture set', () => {
  test('has at least 12 positive and 8 negative fixtures, each stating its expected count', () => {
    for (const f of FIXTURES) expect(Number.isInteger(expectedOf(f.html)), f.name).toBe(true);
    expect(FIXTURES.filter((f) => expectedOf(f.html) > 0).length).toBeGreaterThanOrEqual(12);
    expect(FIXTURES.filter((f) => expectedOf(f.html) === 0).length).toBeGreaterThanOrEqual(8);
  });

  test('covers sponsored cards in en, de, fr, es, it, nl, pt and pl', () => {
    const langs = new Set<string>();
    for (const f of FIXTURES) {
      const lang = /<html lang="([a-z]{2})/.exec(f.html)?.[1];
      if (lang && /data-beaker-ad="[^"]*sponsored-label/.test(f.html)) langs.add(lang);
    }
    expect([...langs].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt']);
  });
});

describe.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, file) => {
  test('counts its expected ad units, each once, in the marked units', () => {
    const run = runAdFixture(file, verdictFor);
    expect(run.title.length, 'the <title> names what the fixture contains').toBeGreaterThan(20);
    expect(run.errors).toEqual([]);
    expect(run.units.length, 'one data-beaker-ad mark per expected unit').toBe(run.expected);
    expect(run.counted.length).toBe(run.expected - run.knownMisses);

    const score = scoreFindings(run, run.counted);
    expect(score.falsePositives.map((f) => `${label(f.element)} by ${f.detectorId}`), 'findings outside a unit or counted twice').toEqual([]);
    for (const unit of run.units) {
      if (unit.knownMiss !== null) expect(score.matched.has(unit), `known miss now found, update the fixture: ${label(unit.element)}`).toBe(false);
      else expect(score.matched.has(unit), `unit missed: ${label(unit.element)}`).toBe(true);
    }
    expect(run.units.filter((u) => u.knownMiss !== null).length).toBe(run.knownMisses);

    if (run.networks !== null) {
      const networks = new Set(run.counted.map((f) => f.network).filter((n) => n !== null));
      expect([...networks].sort()).toEqual([...run.networks].sort());
    }
  });

  test('each unit is found by every detector its data-beaker-ad names, and nowhere else', () => {
    const run = runAdFixture(file, verdictFor);
    for (const unit of run.units) {
      for (const detectorId of unit.detectors) {
        const found = (run.perDetector[detectorId] ?? []).some((f) => unitOf(run, f) === unit);
        expect(found, `${detectorId} on ${label(unit.element)}`).toBe(true);
      }
    }
    for (const [detectorId, findings] of Object.entries(run.perDetector)) {
      const outside = findings.filter((f) => unitOf(run, f) === null).map((f) => label(f.element));
      expect(outside, `${detectorId} outside every unit`).toEqual([]);
    }
  });

  test('every finding carries reasons the ad log record accepts, naming detector and version', () => {
    const run = runAdFixture(file, verdictFor);
    for (const f of run.counted) {
      expect(f.kind).toBe('ad');
      // adEvent (lib/schema/events.ts) takes 1–16 reasons, each a `reason`.
      expect(f.reasons.length).toBeGreaterThan(0);
      expect(f.reasons.length).toBeLessThanOrEqual(16);
      for (const r of f.reasons) {
        expect(reason.safeParse(r).success, JSON.stringify(r)).toBe(true);
        expect(r.rule).toMatch(/^ads\/[a-z-]+@\d+\/[a-z0-9/-]+$/);
      }
    }
  });
});

describe('ads inserted after load', () => {
  test('rescans of inserted subtrees count new units, and a refreshed slot once', () => {
    const file = FIXTURES.find((f) => f.name === 'inserted-after-load')!;
    const run = runAdFixture(file, verdictFor);
    // 1 document scan + the inserted nodes of 4 templates (the feed template inserts two posts).
    expect(run.scans).toBe(6);
    expect(run.counted.length).toBe(4);
    const first = run.document.getElementById('div-gpt-ad-1700000000001-0')!;
    expect(run.counted.filter((f) => first === f.element || first.contains(f.element)).length).toBe(1);
  });
});
