// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { explanationFor } from '../../../../lib/dark-patterns/taxonomy';
import { detectDarkPatterns } from '../../../../lib/dark-patterns/detect-dark-patterns.ts';
import type { DarkPatternFinding } from '../../../../lib/core/detector';
import { loadFixture, loadFixtures } from './fixture-harness';

const fixtures = loadFixtures();
const positives = fixtures.filter((f) => f.expected.length > 0);
const negatives = fixtures.filter((f) => f.expected.length === 0);

async function run(html: string) {
  const page = await loadFixture(html);
  try {
    const { findings, errors } = detectDarkPatterns(page.win.document as unknown as Document, page.ctx);
    return { findings: findings as DarkPatternFinding[], errors };
  } finally {
    await page.close();
  }
}

function checkShape(findings: readonly DarkPatternFinding[]) {
  for (const f of findings) {
    expect(f.kind).toBe('dark-pattern');
    expect(f.evidence.length).toBeLessThanOrEqual(200);
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    const info = explanationFor(f.type);
    expect(info?.category).toBe(f.category);
    expect(info?.explanationId).toBe(f.explanationId);
    expect(f.reasons.length).toBeGreaterThan(0);
  }
}

describe('detects', () => {
  test.each(positives.map((f) => [f.name, f] as const))('%s', async (_, fixture) => {
    const { findings, errors } = await run(fixture.html);
    expect(errors).toEqual([]);
    checkShape(findings);
    expect([...new Set(findings.map((f) => f.type))].sort()).toEqual([...fixture.expected].sort());
  });
});

describe('ignores', () => {
  test.each(negatives.map((f) => [f.name, f] as const))('%s', async (_, fixture) => {
    const { findings, errors } = await run(fixture.html);
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.type}: ${f.evidence}`)).toEqual([]);
  });
});
