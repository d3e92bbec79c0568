// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { confirmshaming } from '../../../../lib/dark-patterns/detectors/confirmshaming';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const ctx: DarkPatternContext = { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 0 };
const SHAME = 'No thanks, I’d rather pay full price';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detects', () => {
  test.each<[string, string, [number, number]]>([
    ['a link in a dialog beside a sign-up button', `<div role="dialog"><button>Sign me up</button><a href="#">${SHAME}</a></div>`, [0.9, 0.95]],
    ['a role=button beside an accept', `<div><span role="button">Yes please</span><span role="button">${SHAME}</span></div>`, [0.9, 0.95]],
    ['an input button', `<form><input type="submit" value="Join"><input type="button" value="${SHAME}"></form>`, [0.9, 0.95]],
    ['a lone link, less sure', `<p><a href="#">${SHAME}</a></p>`, [0.5, 0.7]],
  ])('%s', (_, html, [min, max]) => {
    document.body.innerHTML = html;
    const findings = confirmshaming.detect(document, ctx);
    expect(findings).toHaveLength(1);
    const { confidence } = findings[0] as { confidence: number };
    expect(confidence).toBeGreaterThanOrEqual(min);
    expect(confidence).toBeLessThanOrEqual(max);
  });
});

describe('ignores', () => {
  test.each<[string, string]>([
    ['plain declines', '<div role="dialog"><button>Join</button><button>No thanks</button><button>Maybe later</button></div>'],
    ['a hidden decline', `<div hidden><button>Join</button><button>${SHAME}</button></div>`],
    ['shaming words in a paragraph, not a button', `<p>${SHAME}</p>`],
    ['a card-sized link', `<a href="#">${SHAME}. ${'More text about the offer. '.repeat(10)}</a>`],
  ])('%s', (_, html) => {
    document.body.innerHTML = html;
    expect(confirmshaming.detect(document, ctx)).toEqual([]);
  });
});
