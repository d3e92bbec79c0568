// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { naggingOverlay } from '../../../../lib/dark-patterns/detectors/nagging-overlay';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const NEWSLETTER = '<div id="o" role="dialog" style="position: fixed; top: 0; left: 0; width: 80vw; height: 80vh"><h2>Subscribe to our newsletter</h2><input type="email"></div>';

function ctx(facts: Partial<DarkPatternContext>): DarkPatternContext {
  return { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 10_000, ...facts };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detects', () => {
  test.each<[string, Partial<DarkPatternContext>, number]>([
    ['shown soon after load, no gesture yet', { loadedAt: 5_000, lastUserGestureAt: null }, 0.75],
    ['shown soon after load, last gesture long before', { loadedAt: 0, lastUserGestureAt: 2_000 }, 0.75],
    ['shown long after load, no gesture since', { loadedAt: -120_000, lastUserGestureAt: null }, 0.5],
    ['gestures unknown', { loadedAt: 5_000 }, 0.55],
    ['no time facts at all', {}, 0.35],
  ])('%s', (_, facts, confidence) => {
    document.body.innerHTML = NEWSLETTER;
    const findings = naggingOverlay.detect(document, ctx(facts));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'nagging-overlay', confidence, evidence: 'Subscribe to our newsletter' });
  });

  test('a modal <dialog> counts as covering the page (its backdrop)', () => {
    document.body.innerHTML = '<dialog id="d"><p>Download our app for a better experience</p></dialog>';
    const d = document.getElementById('d') as HTMLDialogElement;
    d.showModal();
    // happy-dom does not match `:modal` after showModal(); browsers do.
    const matches = d.matches.bind(d);
    Object.defineProperty(d, 'matches', { value: (selector: string) => selector === ':modal' || matches(selector) });
    expect(naggingOverlay.detect(document, ctx({ loadedAt: 5_000, lastUserGestureAt: null }))).toHaveLength(1);
  });

  test('the layout size, where there is one', () => {
    document.body.innerHTML = '<div id="o" role="dialog"><p>Please disable your ad blocker</p></div>';
    const el = document.getElementById('o')!;
    el.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: 800, bottom: 600, width: 800, height: 600, toJSON: () => ({}) }) as DOMRect;
    expect(naggingOverlay.detect(document, ctx({ loadedAt: 5_000, lastUserGestureAt: null }))).toHaveLength(1);
  });
});

describe('ignores', () => {
  test.each<[string, string, Partial<DarkPatternContext>]>([
    ['opened right after a click', NEWSLETTER, { loadedAt: 0, lastUserGestureAt: 9_000 }],
    ['a small banner', NEWSLETTER.replace('width: 80vw; height: 80vh', 'width: 300px; height: 100px'), { loadedAt: 5_000, lastUserGestureAt: null }],
    ['an overlay of unknown size', NEWSLETTER.replace('width: 80vw; height: 80vh', ''), { loadedAt: 5_000, lastUserGestureAt: null }],
    ['a cookie dialog (the consent detector judges it)', NEWSLETTER.replace('Subscribe to our newsletter', 'We use cookies. Subscribe?'), { loadedAt: 5_000, lastUserGestureAt: null }],
    ['a big overlay that asks for nothing we know', NEWSLETTER.replace('<h2>Subscribe to our newsletter</h2><input type="email">', '<h2>Choose your language</h2>'), { loadedAt: 5_000, lastUserGestureAt: null }],
    ['a hidden overlay', NEWSLETTER.replace('role="dialog"', 'role="dialog" hidden'), { loadedAt: 5_000, lastUserGestureAt: null }],
  ])('%s', (_, html, facts) => {
    document.body.innerHTML = html;
    expect(naggingOverlay.detect(document, ctx(facts))).toEqual([]);
  });
});
