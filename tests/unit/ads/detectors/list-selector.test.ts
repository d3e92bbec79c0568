// @vitest-environment happy-dom
/**
 * ads/list-selector: reports shown creatives matching `ctx.listSelectors` (EasyList's selectors
 * for the page), stays quiet without them, skips selectors that do not parse, and only supports
 * other detectors when they found the same unit (their network wins).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { detectAds, mergeAdFindings } from '../../../../lib/ads/detect-ads';
import { listSelector } from '../../../../lib/ads/detectors/list-selector';
import type { DetectorContext } from '../../../../lib/core/detector';
import { contextFor, label, listSelectorsFor, parseHtml } from './fixture-harness';
import { loadRealVerdict, type VerdictFor } from './real-verdict';

let verdictFor: VerdictFor;
beforeAll(async () => {
  verdictFor = await loadRealVerdict();
}, 30_000);

const page = (body: string): Document => parseHtml(`<!doctype html><html lang="en"><head></head><body>${body}</body></html>`);
const ctxWith = (doc: Document, listSelectors: readonly string[] | undefined, url = 'https://www.example-news.test/'): DetectorContext => ({
  ...contextFor(doc, verdictFor(url)),
  listSelectors,
});
const found = (doc: Document, selectors: readonly string[] | undefined): string[] => listSelector.detect(doc, ctxWith(doc, selectors)).map((f) => label(f.element));

const BANNER = `<div class="ad-banner"><a href="https://click.adnet.example/c?id=1"><img src="/b.jpg" width="728" height="90" alt=""></a></div>`;
/** 150 selectors that match nothing: the one that matches is in the second chunk of 100. */
const FILLER = Array.from({ length: 150 }, (_, i) => `.no-such-class-${i}`);

describe('detects', () => {
  test.each([
    { name: 'a class rule on a banner with a linked image', html: BANNER, selectors: ['.ad-banner'], expected: ['div.ad-banner'] },
    { name: 'an id rule on a slot holding a frame', html: `<aside id="sidebar-ad"><iframe width="300" height="250"></iframe></aside>`, selectors: ['#sidebar-ad'], expected: ['aside#sidebar-ad'] },
    { name: 'a frame matched itself', html: `<iframe id="google_ads_iframe_1" width="300" height="250"></iframe>`, selectors: ['iframe[id^="google_ads_iframe"]'], expected: ['iframe#google_ads_iframe_1'] },
    { name: 'an ad-click text link', html: `<p><a href="https://click.adnet.example/c?id=2">Cheap flights</a></p>`, selectors: ['a[href^="https://click.adnet.example/"]'], expected: ['a'] },
    { name: 'a complex selector', html: `<div class="ad-leaderboard"><div><img src="/l.jpg" width="728" height="90" alt=""></div></div>`, selectors: ['.ad-leaderboard > div'], expected: ['div'] },
    { name: 'two units, one per selector', html: `${BANNER}<aside id="sidebar-ad"><iframe width="300" height="250"></iframe></aside>`, selectors: ['.ad-banner', '#sidebar-ad'], expected: ['div.ad-banner', 'aside#sidebar-ad'] },
    { name: 'the matching selector in the second chunk', html: BANNER, selectors: [...FILLER, '.ad-banner'], expected: ['div.ad-banner'] },
    { name: 'an invalid selector in the chunk: the valid ones still match', html: BANNER, selectors: ['div[data-broken', ...FILLER.slice(0, 20), '.ad-banner', '##x'], expected: ['div.ad-banner'] },
  ])('$name', ({ html, selectors, expected }) => {
    expect(found(page(html), selectors)).toEqual(expected);
  });

  test('the reason names the rule, the element and the selector; the network stays unknown', () => {
    const doc = page(BANNER);
    const [finding] = listSelector.detect(doc, ctxWith(doc, [...FILLER, '.ad-banner']));
    expect(finding).toMatchObject({ kind: 'ad', detectorId: 'ads/list-selector', network: null });
    expect(finding!.reasons).toEqual([{ rule: 'ads/list-selector@1/easylist', detail: `div.ad-banner matches EasyList '.ad-banner'` }]);
  });

  test('a rescan of a subtree finds units in it and not outside it', () => {
    const doc = page(`${BANNER}<section id="feed"><div class="ad-banner"><iframe width="300" height="250"></iframe></div></section>`);
    const feed = doc.getElementById('feed')!;
    const findings = listSelector.detect(feed, ctxWith(doc, ['.ad-banner']));
    expect(findings.map((f) => f.element.parentElement?.id)).toEqual(['feed']);
  });

  test('supporting evidence: a unit another detector found keeps that detector and its network, and gains the list’s reason', () => {
    const doc = page(
      `<div id="div-gpt-ad-1700000000000-0" data-google-query-id="CPHq"><div id="google_ads_iframe_/1234/news/top_0__container__"><iframe id="google_ads_iframe_/1234/news/top_0" src="https://securepubads.g.doubleclick.net/gampad/ads?iu=/1234/news/top" width="728" height="90"></iframe></div></div>`,
    );
    const scan = detectAds(doc, ctxWith(doc, ['div[id^="div-gpt-ad"]']));
    expect(scan.errors).toEqual([]);
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]!.detectorId).toBe('ads/gpt-slot');
    expect(scan.findings[0]!.network).toBe('Google Ad Manager');
    expect(scan.findings[0]!.reasons.map((r) => r.rule)).toContain('ads/list-selector@1/easylist');
  });
});

describe('ignores', () => {
  test.each([
    { name: 'no selectors (the list is off)', html: BANNER, selectors: undefined },
    { name: 'an empty list', html: BANNER, selectors: [] },
    { name: 'selectors that match nothing here', html: BANNER, selectors: FILLER },
    { name: 'only invalid selectors', html: `<div data-broken><img src="/x.jpg" width="300" height="250" alt=""></div>`, selectors: ['div[data-broken', '##x', '.ad-[broken'] },
    { name: 'an empty slot', html: `<div class="ad-banner"></div>`, selectors: ['.ad-banner'] },
    { name: 'a slot holding only a label', html: `<div id="sidebar-ad"><span>Advertisement</span></div>`, selectors: ['#sidebar-ad'] },
    { name: 'a slot hidden inline', html: `<div class="ad-banner" style="display: none"><img src="/b.jpg" width="728" height="90" alt=""></div>`, selectors: ['.ad-banner'] },
    { name: 'a collapsed frame', html: `<iframe id="google_ads_iframe_1" width="0" height="0"></iframe>`, selectors: ['iframe[id^="google_ads_iframe"]'] },
    { name: 'a link without an address', html: `<a class="sponsor-link">Sponsor</a>`, selectors: ['.sponsor-link'] },
    { name: 'the page’s body (a rule written too broadly)', html: `<img src="/x.jpg" width="300" height="250" alt="">`, selectors: ['body', 'html'] },
  ])('$name', ({ html, selectors }) => {
    const doc = page(html);
    expect(found(doc, selectors)).toEqual([]);
    expect(detectAds(doc, ctxWith(doc, selectors)).errors).toEqual([]);
  });
});

describe('with the test list, end to end (background selection, content collection, detector)', () => {
  const STORY = `${BANNER}<div class="sponsored-box"><a href="/partner"><img src="/p.jpg" width="300" height="250" alt=""></a></div><div class="ad-banner"></div>`;

  test.each([
    { name: 'news.example: the banner and the site’s box', url: 'https://www.news.example/story', expected: ['div.ad-banner', 'div.sponsored-box'] },
    { name: 'another site: the banner only', url: 'https://www.example-news.test/story', expected: ['div.ad-banner'] },
    { name: 'forum.example, where the list excepts .ad-banner: only its ad-click link', url: 'https://forum.example/thread', expected: ['a'] },
    { name: 'help.example, where generic hiding is off: nothing', url: 'https://help.example/faq', expected: [] },
  ])('$name', ({ url, expected }) => {
    const doc = page(STORY);
    const selectors = listSelectorsFor(doc, url, 'test-easylist');
    // Units as counted: nested findings (the banner's ad-click link) merge into the outermost.
    expect(mergeAdFindings(listSelector.detect(doc, ctxWith(doc, selectors, url)), doc).map((f) => label(f.element))).toEqual(expected);
  });
});
