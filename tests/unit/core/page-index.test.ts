// @vitest-environment happy-dom
/**
 * The one walk (lib/core/page-index.ts) must give the detectors exactly what their own
 * `querySelectorAll` gave: the same findings on every ad and dark-pattern fixture, and the same
 * elements, in the same order, for every selector a detector asks with its declared sources.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { AD_DETECTORS, detectAds } from '../../../lib/ads/detect-ads';
import { CONTENT_INDEX_SPEC } from '../../../lib/content/passes';
import { buildIndex, mergeSpecs, queryIndex } from '../../../lib/core/page-index';
import { forEachTextNode } from '../../../lib/core/safe-dom';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../../../lib/dark-patterns/detect-dark-patterns';
import { BUTTON_SELECTOR, BUTTON_SOURCE } from '../../../lib/dark-patterns/support/dom';
import { collectTextUnits, TEXT_LIMITS } from '../../../lib/dark-patterns/detectors/text-patterns';
import { referenceTextUnits } from './text-units-reference';
import { DIALOG_SELECTOR, DIALOG_SOURCE, OVERLAY_HINT_SELECTOR } from '../../../lib/dark-patterns/support/overlays';
import { contextFor, listAdFixtures, parseHtml } from '../ads/detectors/fixture-harness';
import { loadRealVerdict } from '../ads/detectors/real-verdict';
import { loadFixture, loadFixtures } from '../dark-patterns/detectors/fixture-harness';

const describeFinding = (f: { detectorId: string; element: Element; reasons: { rule: string }[] }) =>
  `${f.detectorId} ${f.element.outerHTML.slice(0, 60)} ${f.reasons.map((r) => r.rule).join(',')}`;

describe('the walk files what the detectors declare', () => {
  test('the content spec is the union of every content detector\'s sources', () => {
    expect(CONTENT_INDEX_SPEC).toEqual(mergeSpecs([...AD_DETECTORS, ...DARK_PATTERN_DETECTORS].map((d) => d.sources)));
    expect(CONTENT_INDEX_SPEC.tags).toContain('iframe');
    expect(CONTENT_INDEX_SPEC.attrs).toContain('role');
    expect(CONTENT_INDEX_SPEC.words).toContain('cookie');
  });

  test('a source the spec does not index throws, naming it', () => {
    const index = buildIndex(parseHtml('<p>x</p>'), { tags: ['p'], attrs: [], words: [] });
    expect(() => index.select('video', { tags: ['video'] })).toThrow(/'video' is not indexed/);
    expect(() => index.select('[role]', { attrs: ['role'] })).toThrow(/'role' is not indexed/);
    expect(() => index.select('.modal', { words: true })).toThrow(/no words is not indexed/);
  });

  const page = `<html><body><div id="top" class="Cookie-Banner" role="dialog"><p>We use cookies <b>really</b></p>
    <button>Accept</button><a href="/x">Reject</a><input type="submit" value="Go"><span role="button">More</span></div>
    <svg><a href="/svg-link"><text>svg text</text></a></svg><script>var x = "script text";</script>
    <dialog open><p>Hi</p></dialog><section aria-modal="true"><template><button>inert</button></template>text after</section>
    <div class="NEWSLETTER-popup">Sign up</div><noscript><p>no</p></noscript>tail</body></html>`;

  test.each([
    [BUTTON_SELECTOR, BUTTON_SOURCE],
    [DIALOG_SELECTOR, DIALOG_SOURCE],
    [OVERLAY_HINT_SELECTOR, { words: true }],
  ] as const)('%s: the same elements, in order, as querySelectorAll', (selector, source) => {
    const doc = parseHtml(page);
    const expected = Array.from(doc.querySelectorAll(selector));
    expect(expected.length).toBeGreaterThan(0);
    expect(buildIndex(doc, CONTENT_INDEX_SPEC).select(selector, source)).toEqual(expected);
    expect(buildIndex(doc, CONTENT_INDEX_SPEC).select(selector, source, 2)).toEqual(expected.slice(0, 2));
    const root = doc.getElementById('top')!;
    expect(buildIndex(root, CONTENT_INDEX_SPEC).select(selector, source)).toEqual(queryIndex(root).select(selector, source));
  });

  test('text nodes: the same as forEachTextNode, in document order', () => {
    const doc = parseHtml(page);
    const visited: Text[] = [];
    forEachTextNode(doc, (t) => visited.push(t));
    // Document order, by a plain recursive reference walk.
    const inOrder: Text[] = [];
    const visit = (node: Node) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) inOrder.push(child as Text);
        else if (child.nodeType === 1 && !['script', 'style', 'template', 'noscript', 'textarea', 'select', 'svg', 'math', 'iframe', 'object'].includes((child as Element).localName)) visit(child);
      }
    };
    visit(doc);
    const texts = buildIndex(doc, CONTENT_INDEX_SPEC).texts;
    expect(new Set(texts)).toEqual(new Set(visited));
    expect(texts).toEqual(inOrder);
    expect(texts.map((t) => t.data).join('|')).not.toMatch(/svg text|script text/);
  });

  test('a nesting 5,000 levels deep is walked without recursion', () => {
    let html = '<button>deep</button>';
    for (let i = 0; i < 5000; i++) html = `<div>${html}</div>`;
    const doc = parseHtml(`<html><body>${html}</body></html>`);
    const index = buildIndex(doc, CONTENT_INDEX_SPEC);
    expect(index.elements).toBeGreaterThan(5000);
    expect(index.select('button', { tags: ['button'] })).toHaveLength(1);
  });
});

describe('findings are the same through the walk as through querySelectorAll', () => {
  test.each(listAdFixtures().map((f) => [f.name, f] as const))('ads: %s', async (_name, file) => {
    const verdictFor = await loadRealVerdict();
    const doc = parseHtml(file.html);
    const pageUrl = doc.querySelector('meta[name="beaker-page-url"]')?.getAttribute('content') ?? 'https://www.example-news.test/';
    const walked = contextFor(doc, verdictFor(pageUrl));
    const queried = { ...walked, index: undefined };
    const a = detectAds(doc, walked);
    const b = detectAds(doc, queried);
    expect(a.errors).toEqual([]);
    expect(a.findings.map(describeFinding)).toEqual(b.findings.map(describeFinding));
  });

  test.each(loadFixtures().map((f) => [f.name, f] as const))('dark patterns: %s', async (_name, fixture) => {
    const page = await loadFixture(fixture.html);
    try {
      const doc = page.win.document as unknown as Document;
      const a = detectDarkPatterns(doc, page.ctx);
      const b = detectDarkPatterns(doc, { ...page.ctx, index: undefined });
      expect(a.errors).toEqual([]);
      expect(a.findings.map(describeFinding)).toEqual(b.findings.map(describeFinding));
    } finally {
      await page.close();
    }
  });
});

describe('text units built by the walk are the ones the reference stack walk reads', () => {
  const units = (list: readonly { el: Element; text: string }[]) => list.map((u) => `${u.el.localName}: ${u.text}`);
  const seen = { fixtures: 0, units: 0 };
  afterAll(() => {
    // Not a comparison of empty lists: the fixtures hold text units (a few hold none, e.g. a video's remaining time).
    if (seen.fixtures > 0) expect(seen.units).toBeGreaterThan(seen.fixtures * 2);
  });

  test.each(loadFixtures().map((f) => [f.name, f] as const))('dark-pattern fixture: %s', async (_name, fixture) => {
    const page = await loadFixture(fixture.html);
    try {
      const doc = page.win.document as unknown as Document;
      const walked = buildIndex(doc, CONTENT_INDEX_SPEC).units;
      expect(walked).toBeDefined();
      const reference = referenceTextUnits(doc);
      seen.units += reference.length;
      seen.fixtures += 1;
      expect(units(walked!)).toEqual(units(reference));
      // The same elements, not only the same texts.
      expect(walked!.map((u) => u.el)).toEqual(reference.map((u) => u.el));
      // Without an index (the plain iterative walk feeding the same builder).
      expect(units(collectTextUnits(doc))).toEqual(units(reference));
    } finally {
      await page.close();
    }
  });

  const shapes: [string, string][] = [
    ['hidden, quoted, code and form subtrees', `<div><p>Only 3 left in stock</p><div hidden><p>Hidden hurry up now</p></div><blockquote><p>Quoted text here</p></blockquote><p>Tail <code>code text</code> words <input value="typed"> end</p><div style="display:none">styled hidden text</div><div aria-hidden="true"><p>aria hidden text</p></div></div>`],
    ['inline text joins its block, blocks split it', `<div>Before the list<ul><li>First item text</li><li>Second <b>bold</b> item</li></ul>after the list<span> inline tail words</span></div>`],
    ['script, style, svg and template are not read', `<section><script>var secret = "script words";</script><style>.x{}</style><svg><text>svg words here</text></svg><template><p>template words</p></template><p>Visible words only</p></section>`],
    ['a dialog without open is hidden', `<main><dialog><p>Closed dialog words</p></dialog><dialog open><p>Open dialog words</p></dialog></main>`],
  ];
  test.each(shapes)('%s', (_name, html) => {
    const doc = parseHtml(`<html><body>${html}<p>Page tail paragraph</p></body></html>`);
    for (const root of [doc as ParentNode, doc.body.firstElementChild!]) {
      const walked = buildIndex(root, CONTENT_INDEX_SPEC).units!;
      expect(units(walked)).toEqual(units(referenceTextUnits(root)));
      expect(units(collectTextUnits(root))).toEqual(units(walked));
    }
  });

  test('the limits hold as in collectTextUnits: children per element, nodes and characters per root', () => {
    const many = Array.from({ length: TEXT_LIMITS.childrenPerNode + 50 }, (_, i) => `<p>Paragraph number ${i}</p>`).join('');
    const doc = parseHtml(`<html><body><div>${many}</div></body></html>`);
    const walked = buildIndex(doc, CONTENT_INDEX_SPEC).units!;
    expect(walked.length).toBe(TEXT_LIMITS.childrenPerNode);
    expect(units(walked)).toEqual(units(referenceTextUnits(doc)));
    const long = 'x'.repeat(400);
    const wide = Array.from({ length: 600 }, () => `<p>${long} words</p>`).join('');
    const big = parseHtml(`<html><body>${wide}</body></html>`);
    const capped = buildIndex(big, CONTENT_INDEX_SPEC).units!;
    expect(units(capped)).toEqual(units(referenceTextUnits(big)));
    expect(units(collectTextUnits(big))).toEqual(units(capped));
    expect(capped.reduce((n, u) => n + u.text.length, 0)).toBeLessThanOrEqual(TEXT_LIMITS.chars + TEXT_LIMITS.unitChars);
  });
});

describe('open shadow roots (issue #7, item 4)', () => {
  test('the walk hands over the open shadow roots it met, not the closed ones, and does not walk into them', () => {
    const doc = document.implementation.createHTMLDocument('shadows');
    doc.body.innerHTML = '<div id="a"></div><section><span id="b"></span></section><div id="c"></div>';
    const open = doc.getElementById('a')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<button>Accept all</button>';
    const nested = doc.getElementById('b')!.attachShadow({ mode: 'open' });
    doc.getElementById('c')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>closed</p>';
    const index = buildIndex(doc, CONTENT_INDEX_SPEC);
    expect(index.shadowRoots).toEqual([open, nested]);
    // Their contents are theirs to walk: the document's index does not hold the shadow's button.
    expect(index.select('button', { tags: ['button'] })).toEqual([]);
    expect(buildIndex(open, CONTENT_INDEX_SPEC).select('button', { tags: ['button'] })).toHaveLength(1);
  });
});
