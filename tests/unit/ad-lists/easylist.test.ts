/**
 * lib/ads/lists/easylist.ts against tests/fixtures/lists/test-easylist.txt, a list in EasyList's syntax
 * written for these tests: which selectors a page is sent, and which it never is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Request } from '@ghostery/adblocker';
import { describe, expect, test } from 'vitest';
import { MAX_LIST_SELECTOR_CHARS, MAX_LIST_SELECTORS } from '../../../lib/message-limits';
import {
  cosmeticLines,
  EASYLIST_URL,
  listPageOf,
  looksLikeFilterList,
  parseCosmeticList,
  selectorsFor,
  selectorsFromStyles,
  type ListQuery,
} from '../../../lib/ads/lists/easylist';

const LIST = readFileSync(join(__dirname, '../../fixtures/lists/test-easylist.txt'), 'utf8');
const engine = parseCosmeticList(LIST);

/** Every name and link the test list has a rule for, on one page. */
const EVERYTHING = {
  classes: ['ad-banner', 'ad-leaderboard', 'promo-tile', 'sponsored-box', 'article-body'],
  ids: ['sidebar-ad', 'partner-rail', 'main'],
  hrefs: ['https://click.adnet.example/c?id=1'],
};
const NOTHING = { classes: [], ids: [], hrefs: [] };

function query(url: string, dom: Pick<ListQuery, 'classes' | 'ids' | 'hrefs'>, site = true): string[] {
  const page = listPageOf(url);
  if (page === null) throw new Error(url);
  return selectorsFor(engine, { ...page, ...dom, site });
}

const SITE_RULES = ['.sponsored-box', '#partner-rail'];
const UNNARROWED = ['div[data-ad-slot-name]', 'div[data-broken'];

describe('detects: the selectors a page is sent', () => {
  test.each([
    {
      name: 'generic class, id and link rules, narrowed by names and links the page has',
      url: 'https://www.example-news.test/a',
      dom: { classes: ['ad-banner', 'article-body'], ids: ['sidebar-ad'], hrefs: ['https://click.adnet.example/c?id=1'] },
      site: false,
      expected: ['.ad-banner', '#sidebar-ad', 'a[href^="https://click.adnet.example/"]'],
    },
    {
      name: 'a rule whose selector starts with a class (`.ad-leaderboard > div`), by that class',
      url: 'https://www.example-news.test/a',
      dom: { classes: ['ad-leaderboard'], ids: [], hrefs: [] },
      site: false,
      expected: ['.ad-leaderboard > div'],
    },
    {
      name: 'the site rules and the generic rules no name narrows, asked once per document',
      url: 'https://www.news.example/world/story',
      dom: NOTHING,
      site: true,
      expected: [...SITE_RULES, ...UNNARROWED],
    },
    {
      name: 'site rules on a subdomain of the site',
      url: 'https://live.news.example/',
      dom: NOTHING,
      site: true,
      expected: [...SITE_RULES, ...UNNARROWED],
    },
    {
      name: 'everything on news.example: names first, then site rules, then unnarrowed ones',
      url: 'https://news.example/',
      dom: EVERYTHING,
      site: true,
      expected: ['.ad-banner', '.ad-leaderboard > div', '.promo-tile', '#sidebar-ad', 'a[href^="https://click.adnet.example/"]', ...SITE_RULES, ...UNNARROWED],
    },
    {
      name: 'a rule with a domain exclusion, off the excluded domain',
      url: 'https://www.example-news.test/',
      dom: { classes: ['promo-tile'], ids: [], hrefs: [] },
      site: false,
      expected: ['.promo-tile'],
    },
  ])('$name', ({ url, dom, site, expected }) => {
    expect(query(url, dom, site)).toEqual(expected);
  });
});

describe('ignores: selectors a page is never sent', () => {
  test.each([
    { name: 'generic rules for names the page does not have', url: 'https://www.example-news.test/', dom: { classes: ['ad', 'banner', 'article-body'], ids: ['sidebar'], hrefs: [] }, site: false, absent: ['.ad-banner', '#sidebar-ad', '.promo-tile'] },
    { name: 'another site’s rules', url: 'https://www.example-news.test/', dom: EVERYTHING, site: true, absent: SITE_RULES },
    { name: 'a site’s rules on a domain that merely ends like it', url: 'https://fakenews.example/', dom: NOTHING, site: true, absent: SITE_RULES },
    { name: 'site rules when only names are asked about', url: 'https://news.example/', dom: EVERYTHING, site: false, absent: [...SITE_RULES, ...UNNARROWED] },
    { name: 'a generic rule its exception (#@#) turns off on forum.example', url: 'https://forum.example/threads/42', dom: EVERYTHING, site: true, absent: ['.ad-banner'] },
    { name: 'a rule excluded on its domain (~shop.example)', url: 'https://shop.example/', dom: EVERYTHING, site: true, absent: ['.promo-tile'] },
    { name: 'scriptlets, extended selectors and HTML filters', url: 'https://news.example/', dom: EVERYTHING, site: true, absent: ['div:-abp-has(> .sponsored-label)', '^script:has-text(adsbygoogle)'] },
  ])('$name', ({ url, dom, site, absent }) => {
    const got = query(url, dom, site);
    for (const selector of absent) expect(got).not.toContain(selector);
    for (const selector of got) expect(selector).not.toMatch(/^\+js|:-abp-|^\^|set-constant/);
  });

  test('no rule at all where the list switches generic hiding off ($generichide), but the rest of the list still elsewhere', () => {
    expect(query('https://help.example/faq', EVERYTHING)).toEqual([]);
    expect(query('https://www.help.example/faq', EVERYTHING)).toEqual([]);
    expect(query('https://nothelp.example/', EVERYTHING)).toContain('.ad-banner');
  });

  test('a page with no names, no links and no site rules gets only the unnarrowed generic rules', () => {
    expect(query('https://www.example-news.test/', NOTHING)).toEqual(UNNARROWED);
  });
});

describe('the engine holds no blocking rule', () => {
  test('network rules are dropped before parsing; only the hide exception is kept', () => {
    const { networkFilters } = engine.getFilters();
    expect(networkFilters.map((f) => f.toString())).toEqual(['@@||help.example^$generichide']);
    expect(engine.match(Request.fromRawDetails({ url: 'https://ads.adnet.example/banner.js', sourceUrl: 'https://news.example/', type: 'script' })).match).toBe(false);
  });

  test.each([
    { line: '##.ad-banner', kept: true },
    { line: '###sidebar-ad', kept: true },
    { line: 'news.example,~live.news.example##.sponsored-box', kept: true },
    { line: 'forum.example#@#.ad-banner', kept: true },
    { line: 'news.example#?#div:-abp-has(.x)', kept: true },
    { line: '@@||help.example^$generichide', kept: true },
    { line: '@@||help.example^$document,elemhide', kept: true },
    { line: '@@||help.example^$ghide', kept: true },
    { line: '||ads.adnet.example^$third-party', kept: false },
    { line: '@@||cdn.example/ads.js$script', kept: false },
    { line: '/banner-ads/*$image', kept: false },
    { line: '||example.com/#ad', kept: false },
    { line: '! ##.a-comment', kept: false },
    { line: '[Adblock Plus 2.0]', kept: false },
    { line: '!#if env_chromium', kept: false },
  ])('cosmeticLines keeps $line: $kept', ({ line, kept }) => {
    expect(cosmeticLines(`${line}\n`)).toBe(kept ? line : '');
  });
});

describe('caps', () => {
  test(`at most ${MAX_LIST_SELECTORS} selectors, the names' rules first`, () => {
    const many = ['[Adblock Plus 2.0]', ...Array.from({ length: 3000 }, (_, i) => `##.ad-${i}`), ...Array.from({ length: 3000 }, (_, i) => `##div[data-ad-${i}]`)].join('\n');
    const big = parseCosmeticList(many);
    const classes = Array.from({ length: 2500 }, (_, i) => `ad-${i}`);
    const got = selectorsFor(big, { ...listPageOf('https://news.example/')!, classes, ids: [], hrefs: [] });
    expect(got.length).toBe(MAX_LIST_SELECTORS);
    expect(got.every((s) => s.startsWith('.ad-'))).toBe(true);
    expect(selectorsFor(big, { ...listPageOf('https://news.example/')!, classes: [], ids: [], hrefs: [] }, 10)).toHaveLength(10);
  });

  test(`a selector longer than ${MAX_LIST_SELECTOR_CHARS} characters is dropped, never cut`, () => {
    const long = `div[data-x="${'y'.repeat(MAX_LIST_SELECTOR_CHARS)}"]`;
    const list = parseCosmeticList(`[Adblock Plus 2.0]\n##${long}\n##div[data-short]\n`);
    expect(selectorsFor(list, { ...listPageOf('https://news.example/')!, ...NOTHING })).toEqual(['div[data-short]']);
  });
});

describe('selectorsFromStyles', () => {
  test.each([
    { name: 'empty', styles: '', expected: [] },
    { name: 'one block', styles: '.a,\n#b,\na[href^="https://x.example/"] { display: none !important; }', expected: ['.a', '#b', 'a[href^="https://x.example/"]'] },
    { name: 'two blocks', styles: '.a { display: none !important; }\n\n.b,\n.c { display: none !important; }', expected: ['.a', '.b', '.c'] },
    { name: 'a selector list and a brace in a string', styles: '.a, .b,\n[title="{ x }"] { display: none !important; }', expected: ['.a, .b', '[title="{ x }"]'] },
    { name: 'a block with another style (`:style()`), skipped', styles: '.a { color: red }\n\n.b { display: none !important; }', expected: ['.b'] },
    { name: 'a truncated block, skipped', styles: '.a,\n.b,', expected: [] },
  ])('$name', ({ styles, expected }) => {
    expect(selectorsFromStyles(styles)).toEqual(expected);
  });
});

describe('pages and lists', () => {
  test.each([
    { url: 'https://www.news.example/a?b#c', expected: { hostname: 'www.news.example', domain: 'news.example' } },
    { url: 'http://news.example.co.uk/', expected: { hostname: 'news.example.co.uk', domain: 'example.co.uk' } },
    { url: 'https://localhost:8080/', expected: { hostname: 'localhost', domain: 'localhost' } },
    { url: 'about:blank', expected: null },
    { url: 'chrome-extension://abc/popup.html', expected: null },
    { url: 'not a url', expected: null },
  ])('listPageOf($url)', ({ url, expected }) => {
    const page = listPageOf(url);
    expect(page === null ? null : { hostname: page.hostname, domain: page.domain }).toEqual(expected);
  });

  test.each([
    { name: 'the test list', text: LIST, expected: true },
    { name: 'a list starting with a comment', text: '! Title: x\n##.a', expected: true },
    { name: 'a byte-order mark first', text: '\uFEFF[Adblock Plus 2.0]\n##.a', expected: true },
    { name: 'an HTML page (a captive portal)', text: '<!doctype html><title>Log in to the Wi-Fi</title>', expected: false },
    { name: 'an empty body', text: '', expected: false },
    { name: 'JSON', text: '{"error":"rate limited"}', expected: false },
  ])('looksLikeFilterList: $name', ({ text, expected }) => {
    expect(looksLikeFilterList(text)).toBe(expected);
  });

  test('the list is fetched from EasyList’s own site, over https', () => {
    expect(EASYLIST_URL).toBe('https://easylist.to/easylist/easylist.txt');
  });

  test.each([
    { name: 'binary junk', text: '[Adblock Plus 2.0]\n\u0000\u0001\uFFFF##\n###\n#@#\n##[\n' },
    { name: 'an HTML page', text: '<!doctype html><html><body><div class="x">##</div></body></html>' },
    { name: 'only network rules', text: '||a.example^\n||b.example^$image' },
    { name: 'an empty list', text: '' },
  ])('a corrupt list ($name) parses without throwing, to an engine that selects nothing useful', ({ text }) => {
    const junk = parseCosmeticList(text);
    expect(() => selectorsFor(junk, { ...listPageOf('https://news.example/')!, ...EVERYTHING })).not.toThrow();
  });
});
