// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns, type DarkPatternDetector } from '../../../../lib/dark-patterns/detect-dark-patterns.ts';
import type { DetectorContext, Finding } from '../../../../lib/core/detector';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const ctx: DetectorContext = { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 0 };

function fake(id: string, confidences: number[], el: () => Element): DarkPatternDetector {
  return {
    id,
    version: 1,
    types: ['low-stock-message'],
    description: 'a test double that reports fixed findings',
    sources: {},
    detect: (): Finding[] =>
      confidences.map((confidence) => ({
        kind: 'dark-pattern',
        detectorId: id,
        element: el(),
        category: 'scarcity',
        type: 'low-stock-message',
        confidence,
        evidence: `c=${confidence}`,
        explanationId: 'dark-pattern/low-stock-message',
        reasons: [{ rule: 'test', detail: '' }],
      })),
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detectDarkPatterns', () => {
  test('a detector that throws is returned in errors with its id; the others still run', () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const boom: DarkPatternDetector = { ...fake('dark-patterns/boom', [], () => document.body), detect: () => { throw new Error('boom'); } };
    const ok = fake('dark-patterns/ok', [0.5], () => document.getElementById('p')!);
    const result = detectDarkPatterns(document, ctx, [boom, ok]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.detectorId).toBe('dark-patterns/boom');
    expect(result.findings).toHaveLength(1);
  });

  test('one finding per element, the most confident (first on a tie)', () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const p = () => document.getElementById('p')!;
    const result = detectDarkPatterns(document, ctx, [fake('dark-patterns/a', [0.4, 0.8], p), fake('dark-patterns/b', [0.8, 0.6], p)]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.detectorId).toBe('dark-patterns/a');
    expect((result.findings[0] as { confidence: number }).confidence).toBe(0.8);
  });

  test('runs every registered detector on an empty page without findings or errors', () => {
    expect(detectDarkPatterns(document, ctx)).toEqual({ findings: [], errors: [] });
    expect(DARK_PATTERN_DETECTORS.length).toBeGreaterThanOrEqual(6);
  });
});

describe('a pass on a subtree', () => {
  const cases: [string, string, string][] = [
    ['confirmshaming on the button itself', '<button id="root">No thanks, I’d rather pay full price</button>', 'confirmshaming'],
    ['text on the paragraph itself', '<p id="root">Only 2 left in stock!</p>', 'low-stock-message'],
    ['a pre-ticked box that is the root', '<input id="root" type="checkbox" checked aria-label="Send me offers by email">', 'preticked-purposes'],
    [
      'a consent dialog that is the root',
      '<div id="root" role="dialog"><p>We use cookies.</p><button>Accept all</button><button>Settings</button></div>',
      'consent-no-reject',
    ],
  ];
  test.each(cases)('detects %s', (_, html, type) => {
    document.body.innerHTML = `<main>${html}</main>`;
    const root = document.getElementById('root')!;
    const { findings } = detectDarkPatterns(root, ctx);
    expect(findings.map((f) => (f as { type: string }).type)).toContain(type);
    for (const f of findings) expect(root === f.element || root.contains(f.element)).toBe(true);
  });

  test('reports nothing outside the root', () => {
    document.body.innerHTML = '<p>Only 2 left in stock!</p><div id="root"><p>Plain text</p></div>';
    expect(detectDarkPatterns(document.getElementById('root')!, ctx).findings).toEqual([]);
  });
});
