// @vitest-environment happy-dom
/**
 * ARCHITECTURE.md's convention test for the ad detectors: every file in lib/ads/detectors is a registered
 * detector named after its file, and every detector fires on at least one positive fixture and is
 * exercised by at least one negative look-alike fixture that names it (`beaker-near-miss`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { AD_DETECTORS, detectAds } from '../../../../lib/ads/detect-ads';
import type { Pass } from '../../../../lib/core/detector';
import { listAdFixtures, runAdFixture, type AdFixtureRun } from './fixture-harness';
import { loadRealVerdict } from './real-verdict';

const ADS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../lib/ads/detectors');
const DETECTOR_FILES = readdirSync(ADS_DIR, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'index.ts')
  .map((e) => e.name.replace(/\.ts$/, ''))
  .sort();

let runs: AdFixtureRun[];
beforeAll(async () => {
  const verdictFor = await loadRealVerdict();
  runs = listAdFixtures().map((f) => runAdFixture(f, verdictFor));
}, 60_000);

describe('registry', () => {
  test('every file in lib/ads/detectors (helpers live in lib/ads/shared/) is registered', () => {
    expect(AD_DETECTORS.map((d) => d.id).sort()).toEqual(DETECTOR_FILES.map((f) => `ads/${f}`));
  });

  test.each(AD_DETECTORS.map((d) => [d.id, d] as const))('%s: id, version, description, examples', (id, d) => {
    expect(id).toMatch(/^ads\/[a-z0-9-]+$/);
    expect(Number.isInteger(d.version) && d.version >= 1).toBe(true);
    expect(d.description.length).toBeGreaterThan(20);
    expect(d.examples.length).toBeGreaterThan(0);
    expect(d.counterExamples.length).toBeGreaterThan(0);
  });

  test('detectAds is a scanner pass (lib/content/scanner.ts), ready for CONTENT_PASSES', () => {
    const pass: Pass = (root, ctx) => detectAds(root, ctx);
    expect(typeof pass).toBe('function');
  });

  test('ids are unique', () => {
    expect(new Set(AD_DETECTORS.map((d) => d.id)).size).toBe(AD_DETECTORS.length);
  });
});

describe('fixture coverage', () => {
  test.each(AD_DETECTORS.map((d) => [d.id] as const))('%s fires on at least one positive fixture', (id) => {
    const firing = runs.filter((r) => r.expected > 0 && (r.perDetector[id]?.length ?? 0) > 0);
    expect(firing.map((r) => r.name).length).toBeGreaterThan(0);
  });

  test.each(AD_DETECTORS.map((d) => [d.id] as const))('%s is exercised by a negative look-alike fixture, silently', (id) => {
    const negatives = runs.filter((r) => r.expected === 0 && r.nearMiss.includes(id));
    expect(negatives.length).toBeGreaterThan(0);
    for (const r of negatives) expect(r.perDetector[id], r.name).toEqual([]);
  });

  test('fixture marks name only registered detectors', () => {
    const ids = new Set(AD_DETECTORS.map((d) => d.id));
    for (const r of runs) {
      for (const u of r.units) for (const d of u.detectors) expect(ids.has(d), `${r.name}: ${d}`).toBe(true);
      for (const d of r.nearMiss) expect(ids.has(d), `${r.name}: ${d}`).toBe(true);
    }
  });
});
