// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { textPatterns } from '../../../../lib/dark-patterns/detectors/text-patterns';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const ctx: DarkPatternContext = { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 0 };

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('detects', () => {
  test.each<[string, string, string, string]>([
    ['the smallest element carrying the text', '<p>Great mug. <strong>Only 2 left!</strong></p>', 'low-stock-message', 'strong'],
    ['text split over inline elements', '<p><span>23</span> people are looking at this right now</p>', 'activity-notification', 'p'],
    ['a button label', '<button>Selling fast!</button>', 'high-demand-message', 'button'],
    ['text in a list item', '<ul><li>Today only: 30% off</li></ul>', 'limited-time-message', 'li'],
  ])('%s', (_, html, type, tag) => {
    document.body.innerHTML = html;
    const findings = textPatterns.detect(document, ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type });
    expect(findings[0]!.element.localName).toBe(tag);
  });

  test('long prose is reported with less confidence', () => {
    document.body.innerHTML = `<p>${'A long description of the mug and how it is made by hand. '.repeat(6)}Only 2 left in stock!</p>`;
    const [finding] = textPatterns.detect(document, ctx);
    expect(finding).toMatchObject({ type: 'low-stock-message' });
    expect((finding as { confidence: number }).confidence).toBeLessThan(0.6);
  });
});

describe('ignores', () => {
  test.each<[string, string]>([
    ['a blockquote', '<blockquote>Only 2 left in stock!</blockquote>'],
    ['an inline quote', '<p>The badge said <q>Only 2 left in stock!</q></p>'],
    ['code', '<pre><code>Only 2 left in stock!</code></pre>'],
    ['confirmshaming (judged on buttons elsewhere)', '<p>No thanks, I’d rather pay full price</p>'],
    ['an honest stock state', '<p>Out of stock</p>'],
    ['a delivery estimate', '<p>Arrives in 2 days</p>'],
    ['an article about dark patterns', '<article><h2>How dark patterns work</h2><p>Only 2 left in stock!</p></article>'],
  ])('%s', (_, html) => {
    document.body.innerHTML = html;
    expect(textPatterns.detect(document, ctx)).toEqual([]);
  });

  test('a page whose title is about dark patterns', () => {
    document.title = 'Researchers catalogue fake scarcity';
    document.body.innerHTML = '<p>Only 2 left in stock!</p>';
    expect(textPatterns.detect(document, ctx)).toEqual([]);
  });
});
