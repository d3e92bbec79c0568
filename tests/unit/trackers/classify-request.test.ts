import { beforeAll, describe, expect, test } from 'vitest';
import { BEACON_RULES_VERSION } from '../../../lib/trackers/beacon-rules';
import { classifyRequest, createClassifier, type Classifier, type RequestFacts } from '../../../lib/trackers/classify-request';
import { isTargetingCategory } from '../../../lib/trackers/targeting';
import type { TrackerDb } from '../../../lib/trackers/trackerdb';
import { MAX_URL_LENGTH } from '../../../lib/schema/common';
import { trackerFinding, type TrackerFinding } from '../../../lib/schema/events';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';
import { NEWS, ORDINARY_REQUESTS, SHOP, TARGETING_REQUESTS, type CorpusRequest } from '../fixtures/request-corpus';

let db: TrackerDb;
let classifier: Classifier;

beforeAll(async () => {
  db = await loadTrackerDbFromNodeModules();
  classifier = createClassifier(db);
}, 30_000);

/** Classify, and hold every finding to the log schema. */
function classify(facts: RequestFacts): TrackerFinding | null {
  const finding = classifier.classify(facts);
  if (finding !== null) {
    const parsed = trackerFinding.safeParse(finding);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  }
  return finding;
}

const sorted = <T>(xs: readonly T[]): T[] => [...xs].sort();

describe('corpus', () => {
  test('covers at least 45 targeting requests from at least 18 organizations', () => {
    expect(TARGETING_REQUESTS.length).toBeGreaterThanOrEqual(45);
    const orgs = new Set(TARGETING_REQUESTS.map((r) => r.expected.organization).filter((o) => o !== null));
    expect(orgs.size).toBeGreaterThanOrEqual(18);
  });

  test('covers at least 45 ordinary requests', () => {
    expect(ORDINARY_REQUESTS.length).toBeGreaterThanOrEqual(45);
  });

  test('has no duplicate rows', () => {
    const keys = [...TARGETING_REQUESTS, ...ORDINARY_REQUESTS].map((r: CorpusRequest) => `${r.type} ${r.url} ${r.documentUrl}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('detects', () => {
  test.each(TARGETING_REQUESTS)('$type $url', (row) => {
    const finding = classify(row);
    expect(finding).not.toBeNull();
    const f = finding!;
    expect(f.targeting).toBe(true);
    expect(f.url).toBe(row.url);
    expect(f.host).toBe(new URL(row.url).hostname);
    expect(f.requestType).toBe(row.type);
    expect(f.reasons.length).toBeGreaterThan(0);

    const { organization, category, beacon } = row.expected;
    if (category === null) {
      expect(f.tracker).toBeNull();
    } else {
      expect(f.tracker).not.toBeNull();
      expect(f.tracker!.category).toBe(category);
      expect(f.tracker!.organization?.key ?? null).toBe(organization);
      expect(f.reasons.some((r) => r.rule === `trackerdb/${f.tracker!.matchedBy}`)).toBe(true);
    }

    if (beacon === null) {
      expect(f.beacon).toBeNull();
      // With no beacon, only the tracker can make it targeting.
      expect(isTargetingCategory(f.tracker!.category)).toBe(true);
      expect(f.ruleId).toBe(`trackerdb/${f.tracker!.key}`);
    } else {
      expect(f.beacon).not.toBeNull();
      expect(sorted(f.beacon!.kinds)).toEqual(sorted(beacon));
      for (const kind of beacon) {
        const rule = kind === 'ping' || kind === 'beacon' ? 'request-type' : kind;
        expect(f.reasons.some((r) => r.rule.startsWith(`beacon@${BEACON_RULES_VERSION}/${rule}`))).toBe(true);
      }
    }
  });

  test('the one-off classifier agrees with the cached one on every targeting row', () => {
    for (const row of TARGETING_REQUESTS) {
      expect(classifyRequest(row, db), row.url).toEqual(classifier.classify(row));
    }
  });

  test('a URL-pattern match on the tracker’s own site still targets (facebook.com/tr on facebook.com)', () => {
    const f = classify({ url: 'https://www.facebook.com/tr?id=1&ev=PageView', type: 'image', documentUrl: 'https://www.facebook.com/' });
    expect(f).not.toBeNull();
    expect(f!.thirdParty).toBe(false);
    expect(f!.tracker).toMatchObject({ matchedBy: 'filter', category: 'advertising', organization: { key: 'facebook' } });
    expect(f!.targeting).toBe(true);
    // The tracker itself, not only the beacon rule, is the reason.
    expect(f!.ruleId).toBe(`trackerdb/${f!.tracker!.key}`);
  });

  test('a URL-pattern match on the own site targets without any beacon (linkedin.com/csp/ on linkedin.com)', () => {
    const f = classify({ url: 'https://www.linkedin.com/csp/dtag?subscriptionId=1', type: 'script', documentUrl: 'https://www.linkedin.com/feed/' });
    expect(f).not.toBeNull();
    expect(f!.thirdParty).toBe(false);
    expect(f!.beacon).toBeNull();
    expect(f!.tracker).toMatchObject({ matchedBy: 'filter', category: 'advertising', organization: { key: 'microsoft' } });
    expect(f!.targeting).toBe(true);
  });

  test.each([
    { type: 'image', url: 'https://cdn.example.net/x.png?utm_source=news&utm_medium=web', params: 'utm_source, utm_medium' },
    { type: 'script', url: 'https://cdn.example.net/lib.js?gclid=abc', params: 'gclid' },
    { type: 'xmlhttprequest', url: 'https://api.example.net/v1/items?FBCLID=abc#top', params: 'fbclid' },
    { type: 'sub_frame', url: 'https://widgets.example.net/embed?msclkid=1', params: 'msclkid' },
  ])('tracking params on a third-party $type request are a beacon: $url', ({ type, url, params }) => {
    const f = classify({ url, type, documentUrl: NEWS });
    expect(f).not.toBeNull();
    expect(f!.thirdParty).toBe(true);
    expect(f!.tracker).toBeNull();
    expect(f!.beacon).toEqual({ kinds: ['tracking-param'] });
    expect(f!.targeting).toBe(true);
    expect(f!.ruleId).toBe(`beacon@${BEACON_RULES_VERSION}/tracking-param`);
    expect(f!.reasons).toContainEqual({ rule: `beacon@${BEACON_RULES_VERSION}/tracking-param`, detail: `carries ${params}` });
  });

  test.each(['ping', 'beacon', 'csp_report'])('a %s request is a beacon even to the page’s own site', (type) => {
    const f = classify({ url: 'https://news.example/log', type, documentUrl: NEWS });
    expect(f).not.toBeNull();
    expect(f!.thirdParty).toBe(false);
    expect(f!.beacon).toEqual({ kinds: [type === 'ping' ? 'ping' : 'beacon'] });
    expect(f!.targeting).toBe(true);
  });

  test('a tracker that is third party to the page targets even on a domain-only match', () => {
    const f = classify({ url: 'https://www.google.com/images/branding/logo.png', type: 'image', documentUrl: NEWS });
    expect(f).not.toBeNull();
    expect(f!.thirdParty).toBe(true);
    expect(f!.tracker).toMatchObject({ matchedBy: 'domain', organization: { key: 'google' } });
    expect(f!.targeting).toBe(true);
  });

  test('classifies the same request the same way twice (domain cache)', () => {
    const facts = { url: 'https://cdn.segment.com/analytics.js/v1/abc/analytics.min.js', type: 'script', documentUrl: SHOP };
    const first = classify(facts);
    expect(first?.tracker?.matchedBy).toBe('domain');
    expect(classify(facts)).toEqual(first);
  });
});

describe('ignores', () => {
  test.each(ORDINARY_REQUESTS)('$type $url', (row) => {
    const f = classify(row);
    if (row.expected === null) {
      expect(f).toBeNull();
      return;
    }
    expect(f).not.toBeNull();
    expect(f!.targeting).toBe(false);
    expect(f!.beacon).toBeNull();
    expect(f!.tracker).not.toBeNull();
    expect(f!.tracker!.category).toBe(row.expected.category);
    expect(f!.tracker!.organization?.key ?? null).toBe(row.expected.organization);
    expect(f!.ruleId).toBe(`trackerdb/${f!.tracker!.key}`);
  });

  test('the one-off classifier agrees with the cached one on every ordinary row', () => {
    for (const row of ORDINARY_REQUESTS) {
      expect(classifyRequest(row, db), row.url).toEqual(classifier.classify(row));
    }
  });

  test.each([
    { url: 'https://www.google.com/images/branding/logo.png', documentUrl: 'https://www.google.com/search?q=x', org: 'google' },
    { url: 'https://www.facebook.com/api/graphql/', documentUrl: 'https://www.facebook.com/', org: 'facebook' },
    { url: 'https://www.linkedin.com/voyager/api/me', documentUrl: 'https://www.linkedin.com/feed/', org: 'microsoft' },
  ])('a domain-only match on the page’s own site is the site, not a tracker: $url', ({ url, documentUrl, org }) => {
    const f = classify({ url, type: 'xmlhttprequest', documentUrl });
    expect(f).not.toBeNull();
    expect(f!.thirdParty).toBe(false);
    expect(f!.tracker).toMatchObject({ matchedBy: 'domain', organization: { key: org } });
    // The category is a targeting one: only the own-site rule keeps it out of the count.
    expect(isTargetingCategory(f!.tracker!.category)).toBe(true);
    expect(f!.targeting).toBe(false);
    expect(f!.beacon).toBeNull();
  });

  test.each([
    { url: 'https://cdn.example.net/landing?utm_source=news&gclid=abc', documentUrl: NEWS },
    { url: 'https://shop.example/?fbclid=abc&utm_campaign=x', documentUrl: 'https://shop.example/?fbclid=abc&utm_campaign=x' },
  ])('tracking params on a main_frame request are not a beacon: $url', ({ url, documentUrl }) => {
    expect(classify({ url, type: 'main_frame', documentUrl })).toBeNull();
    // The same URL as a third-party subresource would be one.
    expect(classify({ url, type: 'image', documentUrl: 'https://elsewhere.example/' })?.beacon?.kinds).toEqual(['tracking-param']);
  });

  test('tracking params on a main_frame request to a known tracker add no beacon', () => {
    const f = classify({ url: 'https://www.facebook.com/?fbclid=abc', type: 'main_frame', documentUrl: NEWS });
    expect(f?.beacon ?? null).toBeNull();
    expect(f?.reasons.some((r) => r.rule.includes('tracking-param'))).toBe(false);
  });

  test('tracking params on the page’s own subresources are not a beacon', () => {
    expect(classify({ url: 'https://news.example/api/feed?utm_source=home&gclid=1', type: 'xmlhttprequest', documentUrl: NEWS })).toBeNull();
    expect(classify({ url: 'https://cdn.news.example/img.png?utm_source=home', type: 'image', documentUrl: NEWS })).toBeNull();
  });

  test.each([
    ['data:image/png;base64,iVBORw0KGgo=', 'image'],
    ['data:text/html,<script src="https://www.google-analytics.com/analytics.js"></script>', 'sub_frame'],
    ['blob:https://news.example/0d6f1c2e-1111-2222-3333-444455556666', 'xmlhttprequest'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', 'sub_frame'],
    ['moz-extension://0d6f1c2e-1111-2222-3333-444455556666/popup.html', 'sub_frame'],
    ['about:blank', 'sub_frame'],
    ['javascript:void(0)', 'sub_frame'],
    ['ws://www.google-analytics.com/socket', 'websocket'],
    ['ftp://ftp.example.org/file.txt', 'other'],
    ['file:///etc/passwd', 'other'],
    ['not a url', 'image'],
    ['://www.google-analytics.com/collect', 'image'],
    ['www.google-analytics.com/collect', 'image'],
    ['http://', 'image'],
    ['https://', 'image'],
    ['https:///collect', 'image'],
    ['https://?utm_source=x', 'image'],
    ['', 'image'],
  ])('non-web or garbage URL %j is null', (url, type) => {
    expect(() => classifier.classify({ url, type, documentUrl: NEWS })).not.toThrow();
    expect(classify({ url, type, documentUrl: NEWS })).toBeNull();
  });

  test('a host longer than DNS allows is null (nothing can be sent to it)', () => {
    const host = `${'a'.repeat(60)}.`.repeat(6) + 'doubleclick.net';
    expect(host.length).toBeGreaterThan(253);
    expect(classify({ url: `https://${host}/activity;src=1`, type: 'image', documentUrl: NEWS })).toBeNull();
  });
});

describe('survives hostile input', () => {
  const big = (prefix: string, suffix = '') => prefix + 'x'.repeat(100 * 1024) + suffix;

  test.each([
    { name: 'tracker with a 100 KB query', url: big('https://www.google-analytics.com/collect?v=1&junk='), type: 'image', targeting: true },
    { name: 'unknown third party with a 100 KB path and a utm tag at the end', url: big('https://cdn.example.net/', '?utm_source=a'), type: 'image', targeting: true },
    { name: 'unknown third party with a 100 KB utm value', url: big('https://cdn.example.net/a?utm_source='), type: 'image', targeting: true },
  ])('$name: finding with the URL capped', ({ url, type, targeting }) => {
    const started = performance.now();
    const f = classify({ url, type, documentUrl: NEWS });
    expect(performance.now() - started).toBeLessThan(500);
    expect(f).not.toBeNull();
    expect(f!.url).toBe(url.slice(0, MAX_URL_LENGTH));
    expect(f!.url.length).toBe(MAX_URL_LENGTH);
    expect(f!.targeting).toBe(targeting);
  });

  test('a 100 KB first-party URL is null', () => {
    expect(classify({ url: big('https://news.example/'), type: 'image', documentUrl: NEWS })).toBeNull();
  });

  test('a 100 KB garbage string is null', () => {
    expect(classify({ url: big('garbage'), type: 'image', documentUrl: NEWS })).toBeNull();
  });

  test.each(['', 'not a url', 'about:blank', 'chrome-extension://abc/page.html', big('https://news.example/')])(
    'a tracker request from document %j still classifies without throwing',
    (documentUrl) => {
      const f = classify({ url: 'https://www.facebook.com/tr?id=1', type: 'image', documentUrl });
      expect(f?.tracker?.organization?.key).toBe('facebook');
      expect(f?.targeting).toBe(true);
    },
  );

  test.each(['', 'other', 'csp_report', 'x'.repeat(200), 'main_frame'])('request type %j yields a schema-valid finding', (type) => {
    const f = classify({ url: 'https://www.google-analytics.com/analytics.js', type, documentUrl: NEWS });
    expect(f).not.toBeNull();
    expect(f!.requestType).toBe(type.slice(0, 40));
    expect(f!.tracker?.organization?.key).toBe('google');
  });

  test('upper-case scheme and host are classified like lower-case ones', () => {
    const f = classify({ url: 'HTTPS://WWW.GOOGLE-ANALYTICS.COM/g/collect?v=2', type: 'ping', documentUrl: NEWS });
    expect(f).not.toBeNull();
    expect(f!.host).toBe('www.google-analytics.com');
    expect(sorted(f!.beacon!.kinds)).toEqual(['collect-endpoint', 'ping']);
  });

  test('IP-address hosts do not throw', () => {
    expect(() => classify({ url: 'https://127.0.0.1/tr', type: 'image', documentUrl: NEWS })).not.toThrow();
    expect(() => classify({ url: 'https://[::1]/collect', type: 'image', documentUrl: NEWS })).not.toThrow();
  });

  test('every distinct organization in the corpus resolves to a single TrackerDB organization name', () => {
    const names = new Map<string, Set<string>>();
    for (const row of TARGETING_REQUESTS) {
      const org = classifier.classify(row)?.tracker?.organization;
      if (org) names.set(org.key, (names.get(org.key) ?? new Set()).add(org.name));
    }
    expect(names.size).toBeGreaterThanOrEqual(18);
    for (const [key, set] of names) expect(set.size, key).toBe(1);
  });
});
