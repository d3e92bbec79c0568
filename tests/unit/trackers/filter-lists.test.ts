import { beforeAll, describe, expect, test } from 'vitest';
import { createClassifier } from '../../../lib/trackers/classify-request';
import { FilterListError, MAX_LIST_BYTES, createListMatcher, parseFilterList, sha256Hex, type ListMatcher } from '../../../lib/trackers/filter-lists';
import { readListHeader } from '../../../lib/core/filter-list';
import type { TrackerDb } from '../../../lib/trackers/trackerdb';
import { trackerFinding } from '../../../lib/schema/events';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';

// A list written for these tests: block and exception rules, $third-party, $domain=, $image.
const LIST = `[Adblock Plus 2.0]
! Title: Beaker test list
! Version: 202612020001
! A comment
||ads.example-adserver.test^
/banner-ads/*
||metrics.example-cdn.test^$third-party
||widgets.example-social.test^$domain=news.example
/pixel.gif$image
@@||ads.example-adserver.test/allowed/*
example.org##.sponsored
||bad-option.test^$nonsense-option
`;

let matcher: ListMatcher;
let db: TrackerDb;
beforeAll(async () => {
  db = await loadTrackerDbFromNodeModules();
  const list = parseFilterList(LIST, { name: 'test.txt', sha256: await sha256Hex(LIST), source: 'file', now: new Date('2026-12-02T00:00:00Z') });
  matcher = createListMatcher([list]);
});

const at = (url: string, type = 'script', documentUrl = 'https://news.example/') => matcher.match({ url, type, documentUrl });

describe('filter lists: parsing', () => {
  test('reads the header, counts the network rules and the lines it does not understand', async () => {
    const { info } = parseFilterList(LIST, { name: 'test.txt', sha256: await sha256Hex(LIST), source: 'file' });
    expect(info.name).toBe('Beaker test list');
    expect(info.version).toBe('202612020001');
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(info.id).toBe(`file-${info.sha256.slice(0, 12)}`);
    // Five block rules and one exception; the element-hiding rule is not a network rule.
    expect(info.rules).toBe(6);
    expect(info.invalid).toBe(1);
    expect(info.category).toBe('advertising');
  });

  test('a list that says privacy in its title counts as site analytics', () => {
    const { info } = parseFilterList('! Title: EasyPrivacy\n||stats.example.test^\n', { name: 'x', sha256: 'a'.repeat(64), source: 'file' });
    expect(info.category).toBe('site_analytics');
  });

  test.each([
    { name: 'an HTML page', text: '<!doctype html><title>Captive portal</title>', error: /not a filter list/ },
    { name: 'an empty file', text: '', error: /not a filter list/ },
    { name: 'element rules only', text: '! Title: hiding\nexample.org##.ad\n', error: /no network rules/ },
  ])('refuses $name with a sentence', ({ text, error }) => {
    expect(() => parseFilterList(text, { name: 'x', sha256: '0'.repeat(64), source: 'file' })).toThrow(error);
    expect(() => parseFilterList(text, { name: 'x', sha256: '0'.repeat(64), source: 'file' })).toThrow(FilterListError);
  });

  test('refuses a list over the size limit before parsing it', () => {
    const huge = `! Title: huge\n${'x'.repeat(MAX_LIST_BYTES)}`;
    expect(() => parseFilterList(huge, { name: 'x', sha256: '0'.repeat(64), source: 'file' })).toThrow(/MB/);
  });

  test('10,000 invalid lines are counted, and the good rules still work', () => {
    const text = `! Title: noisy\n${'||x.test^$not-an-option\n'.repeat(10_000)}||good.example.test^\n`;
    const list = parseFilterList(text, { name: 'x', sha256: '1'.repeat(64), source: 'file' });
    expect(list.info.invalid).toBe(10_000);
    expect(list.info.rules).toBe(1);
    expect(createListMatcher([list]).match({ url: 'https://good.example.test/a.js', type: 'script', documentUrl: 'https://news.example/' })).not.toBeNull();
  });

  test('header: Last modified stands in for a missing version; no header, no title', () => {
    expect(readListHeader('! Last modified: 2 Dec 2026 00:00 UTC\n||a^\n')).toEqual({ title: null, version: '2 Dec 2026 00:00 UTC' });
    expect(readListHeader('||a^\n')).toEqual({ title: null, version: null });
  });
});

describe('filter lists: matching', () => {
  test('a blocking rule matches, and says which list and rule', () => {
    const v = at('https://ads.example-adserver.test/serve.js');
    expect(v).toMatchObject({ listId: expect.stringMatching(/^file-/), category: 'advertising' });
    expect(v?.filter).toContain('ads.example-adserver.test');
    expect(v?.list).toMatch(/^Beaker test list 202612020001 sha256:[0-9a-f]{12}$/);
  });

  test('an exception rule wins over the block', () => {
    expect(at('https://ads.example-adserver.test/allowed/ok.js')).toBeNull();
  });

  test('a path rule on a first-party host', () => {
    expect(at('https://news.example/banner-ads/top.png', 'image')).not.toBeNull();
  });

  test('$third-party: only from another site', () => {
    expect(at('https://metrics.example-cdn.test/m.js', 'script', 'https://news.example/')).not.toBeNull();
    expect(at('https://metrics.example-cdn.test/m.js', 'script', 'https://www.example-cdn.test/')).toBeNull();
  });

  test('$domain=: only on the named site', () => {
    expect(at('https://widgets.example-social.test/w.js', 'script', 'https://news.example/')).not.toBeNull();
    expect(at('https://widgets.example-social.test/w.js', 'script', 'https://shop.example/')).toBeNull();
  });

  test('$image: only image requests', () => {
    expect(at('https://cdn.example.test/pixel.gif', 'image')).not.toBeNull();
    expect(at('https://cdn.example.test/pixel.gif', 'script')).toBeNull();
  });

  test('ordinary requests do not match', () => {
    expect(at('https://news.example/app.js')).toBeNull();
    expect(at('https://cdn.example.test/logo.png', 'image')).toBeNull();
  });
});

describe('filter lists in the classifier', () => {
  test('a request only a list knows is targeting, with the list rule as reason and rule id; the record parses', () => {
    const classifier = createClassifier(db, () => matcher);
    const finding = classifier.classify({ url: 'https://news.example/banner-ads/top.png', type: 'image', documentUrl: 'https://news.example/' });
    expect(finding?.targeting).toBe(true);
    expect(finding?.tracker).toBeNull();
    expect(finding?.ruleId).toMatch(/^list\/file-[0-9a-f]{12}\/\/banner-ads\//);
    expect(finding?.reasons.some((r) => r.rule.startsWith('list/') && r.detail.includes('advertising; Beaker test list'))).toBe(true);
    expect(trackerFinding.safeParse(finding).success).toBe(true);
  });

  test('without lists, the same request is not a finding (lists are the only source)', () => {
    const classifier = createClassifier(db);
    expect(classifier.classify({ url: 'https://news.example/banner-ads/top.png', type: 'image', documentUrl: 'https://news.example/' })).toBeNull();
  });

  test('TrackerDB stays first: a request it already calls targeting keeps its rule id and gets no list reason', () => {
    const classifier = createClassifier(db, () => matcher);
    const url = 'https://www.google-analytics.com/analytics.js';
    const withLists = classifier.classify({ url, type: 'script', documentUrl: 'https://news.example/' });
    const without = createClassifier(db).classify({ url, type: 'script', documentUrl: 'https://news.example/' });
    expect(withLists).toEqual(without);
  });

  test('the page load itself is never counted from a list', () => {
    const classifier = createClassifier(db, () => matcher);
    expect(classifier.classify({ url: 'https://ads.example-adserver.test/', type: 'main_frame', documentUrl: 'https://ads.example-adserver.test/' })).toBeNull();
  });
});
