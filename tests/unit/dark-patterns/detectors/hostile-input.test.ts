// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as classifier from '../../../../lib/dark-patterns/classify-text';
import { detectDarkPatterns } from '../../../../lib/dark-patterns/detect-dark-patterns.ts';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { countdownText } from '../../../../lib/dark-patterns/detectors/countdown';
import { textOf } from '../../../../lib/dark-patterns/support/dom';
import { collectTextUnits, TEXT_LIMITS } from '../../../../lib/dark-patterns/detectors/text-patterns';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

// Count the classifier's work (calls and characters) instead of timing it.
vi.mock('../../../../lib/dark-patterns/classify-text', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../lib/dark-patterns/classify-text')>();
  return { ...real, classifyText: vi.fn(real.classifyText), classifyButton: vi.fn(real.classifyButton) };
});

const classifyText = vi.mocked(classifier.classifyText);
const classifyButton = vi.mocked(classifier.classifyButton);
const ctx: DarkPatternContext = { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 3000, loadedAt: 0, lastUserGestureAt: null };

function work() {
  const chars = classifyText.mock.calls.reduce((n, [text]) => n + text.length, 0);
  return { textCalls: classifyText.mock.calls.length, buttonCalls: classifyButton.mock.calls.length, chars };
}

beforeEach(() => {
  classifyText.mockClear();
  classifyButton.mockClear();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('hostile pages stay bounded and never throw', () => {
  test('a 1 MB text node', () => {
    const p = document.createElement('p');
    p.textContent = `${'Only 2 left in stock! '.repeat(50_000)}`;
    document.body.append(p);
    const result = detectDarkPatterns(document, ctx);
    expect(result.errors).toEqual([]);
    expect(result.findings.length).toBeLessThanOrEqual(1);
    // The classifier saw a few capped pieces of it, not a megabyte.
    expect(work().chars).toBeLessThan(5 * TEXT_LIMITS.unitChars);
    for (const f of result.findings) expect((f as { evidence: string }).evidence.length).toBeLessThanOrEqual(200);
  });

  test('thousands of candidate buttons with shaming text', () => {
    document.body.innerHTML = `<div>${'<button>No thanks, I’d rather pay full price</button>'.repeat(5000)}</div>`;
    const result = detectDarkPatterns(document, ctx);
    expect(result.errors).toEqual([]);
    // At most 1,500 buttons classified by the confirmshaming detector, plus the text pass's units.
    expect(result.findings.length).toBeLessThanOrEqual(1500 + TEXT_LIMITS.nodes);
    expect(work().textCalls).toBeLessThanOrEqual(1500 + TEXT_LIMITS.nodes + 100);
    expect(work().buttonCalls).toBeLessThanOrEqual(1500 * 24 + 100);
  });

  test('thousands of checkboxes and a huge consent banner', () => {
    const boxes = '<label><input type="checkbox" checked> Send me offers</label>'.repeat(3000);
    document.body.innerHTML = `<div role="dialog"><p>We use cookies.</p>${'<button>Accept all</button>'.repeat(2000)}</div><form>${boxes}</form>`;
    const result = detectDarkPatterns(document, ctx);
    expect(result.errors).toEqual([]);
    expect(result.findings.length).toBeLessThanOrEqual(500 + 40 + 10);
    expect(work().buttonCalls).toBeLessThanOrEqual(2000 * 24);
  });

  const nest = (depth: number) => {
    let html = 'Only 2 left in stock!';
    for (let i = 0; i < depth; i++) html = `<div><span>${html}</span></div>`;
    document.body.innerHTML = html;
  };

  test('a nesting 1,000 levels deep (our walks are iterative)', () => {
    nest(1000);
    const result = detectDarkPatterns(document, ctx);
    expect(result.errors).toEqual([]);
    expect(result.findings).toHaveLength(1);
  });

  test('our own walks survive 15,000 levels (built detached: happy-dom cannot attach that deep)', () => {
    const top = document.createElement('div');
    let node: Element = top;
    for (let i = 0; i < 15_000; i++) node = node.appendChild(document.createElement(i % 2 ? 'div' : 'span'));
    node.appendChild(document.createTextNode('Only 2 left in stock!'));
    expect(textOf(top, { maxChars: 100, maxNodes: 50_000 })).toBe('Only 2 left in stock!');
    expect(collectTextUnits(top).map((u) => u.text)).toEqual(['Only 2 left in stock!']);
    // The timer reader gives up after 200 nodes.
    expect(() => countdownText(top)).not.toThrow();
  });

  test('a list of 20,000 items is read in part', () => {
    const ul = document.createElement('ul');
    for (let i = 0; i < 20_000; i++) {
      const li = document.createElement('li');
      li.textContent = 'Selling fast!';
      ul.append(li);
    }
    document.body.append(ul);
    const units = collectTextUnits(document);
    expect(units.length).toBeLessThanOrEqual(TEXT_LIMITS.childrenPerNode);
  });

  test('text-pattern units are capped in number of nodes and characters', () => {
    document.body.innerHTML = Array.from({ length: 30_000 }, (_, i) => `<p>Paragraph ${i} ${'x'.repeat(40)}</p>`).join('');
    const units = collectTextUnits(document);
    const chars = units.reduce((n, u) => n + u.text.length, 0);
    expect(chars).toBeLessThanOrEqual(TEXT_LIMITS.chars + TEXT_LIMITS.unitChars);
    expect(units.length).toBeLessThanOrEqual(TEXT_LIMITS.nodes);
  });
});
