import { beforeAll, describe, expect, test } from 'vitest';
import {
  BEACON_RULES_VERSION,
  COLLECT_ENDPOINTS,
  TRACKING_PARAMS,
  collectEndpointRule,
  findCollectEndpoint,
  findTrackingParams,
  trackingParamRule,
} from '../../../lib/trackers/beacon-rules';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import { pathOf } from '../../../lib/trackers/url';
import { trackerFinding } from '../../../lib/schema/events';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';

const PAGE = 'https://news.example/';

let classifier: Classifier;

beforeAll(async () => {
  classifier = createClassifier(await loadTrackerDbFromNodeModules());
}, 30_000);

const ruleString = (id: string) => `beacon@${BEACON_RULES_VERSION}/collect-endpoint/${id}`;

const examples = COLLECT_ENDPOINTS.flatMap((rule) => rule.examples.map((url) => ({ id: rule.id, url })));
const counterExamples = COLLECT_ENDPOINTS.flatMap((rule) => rule.counterExamples.map((url) => ({ id: rule.id, url })));

describe('rule data', () => {
  test.each(COLLECT_ENDPOINTS.map((rule) => ({ id: rule.id, rule })))('collect endpoint $id matches its schema', ({ rule }) => {
    const parsed = collectEndpointRule.safeParse(rule);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    // Hostnames reach the matcher lower-cased: a rule host with capitals could never match.
    if (rule.host !== null) expect(rule.host).toBe(rule.host.toLowerCase());
  });

  test.each(TRACKING_PARAMS.map((rule) => ({ name: rule.name, rule })))('tracking param $name matches its schema', ({ rule }) => {
    const parsed = trackingParamRule.safeParse(rule);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    // Query names are lower-cased before lookup: a rule name with capitals could never match.
    expect(rule.name).toBe(rule.name.toLowerCase());
  });

  test('collect endpoint ids are unique', () => {
    const ids = COLLECT_ENDPOINTS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('tracking param names are unique', () => {
    const names = TRACKING_PARAMS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('a schema rejects a malformed rule', () => {
    expect(collectEndpointRule.safeParse({ id: 'Bad Id', name: 'x', host: null, paths: ['/x'], examples: ['https://x.example/x'], counterExamples: [] }).success).toBe(false);
    expect(collectEndpointRule.safeParse({ id: 'ok', name: 'x', host: null, paths: ['no-slash'], examples: ['https://x.example/x'], counterExamples: [] }).success).toBe(false);
    expect(collectEndpointRule.safeParse({ id: 'ok', name: 'x', host: null, paths: [], examples: ['https://x.example/x'], counterExamples: [] }).success).toBe(false);
    expect(collectEndpointRule.safeParse({ id: 'ok', name: 'x', host: null, paths: ['/x'], examples: [], counterExamples: [] }).success).toBe(false);
    expect(trackingParamRule.safeParse({ name: 'utm-*', source: 'x', kind: 'campaign' }).success).toBe(false);
    expect(trackingParamRule.safeParse({ name: 'gclid', source: 'x', kind: 'tracking' }).success).toBe(false);
  });
});

describe('detects', () => {
  test.each(examples)('$id catches its example $url', ({ id, url }) => {
    const f = classifier.classify({ url, type: 'image', documentUrl: PAGE });
    expect(f).not.toBeNull();
    expect(trackerFinding.safeParse(f).success).toBe(true);
    expect(f!.thirdParty).toBe(true);
    expect(f!.targeting).toBe(true);
    expect(f!.beacon?.kinds).toContain('collect-endpoint');
    expect(f!.reasons.map((r) => r.rule)).toContain(ruleString(id));
    // And the matcher on its own names this rule, not an earlier one.
    expect(findCollectEndpoint(new URL(url).hostname, pathOf(url))?.id).toBe(id);
  });

  test.each(TRACKING_PARAMS.map((rule) => ({ name: rule.name, param: rule.name.endsWith('*') ? `${rule.name.slice(0, -1)}content` : rule.name })))(
    'parameter rule $name catches $param',
    ({ param }) => {
      expect(findTrackingParams(`q=1&${param}=abc`)).toEqual([param]);
      const f = classifier.classify({ url: `https://cdn.example.net/x.js?${param}=abc`, type: 'script', documentUrl: PAGE });
      expect(f?.beacon?.kinds).toEqual(['tracking-param']);
    },
  );

  test.each([
    { query: 'utm_source=newsletter', found: ['utm_source'] },
    { query: 'UTM_Medium=email', found: ['utm_medium'] },
    { query: 'utm_campaign=spring&utm_term=shoes&utm_content=hero', found: ['utm_campaign', 'utm_term', 'utm_content'] },
    { query: 'gclid=Cj0KCQ', found: ['gclid'] },
    { query: 'fbclid=IwAR0abc', found: ['fbclid'] },
    { query: 'msclkid=abc123', found: ['msclkid'] },
    { query: '_ga=2.123.456', found: ['_ga'] },
    { query: '_gl=1*abc*_ga*MTIz', found: ['_gl'] },
    { query: 'gclid', found: ['gclid'] },
    { query: 'gclid=', found: ['gclid'] },
    { query: 'q=shoes&gclid=1&page=2&fbclid=2', found: ['gclid', 'fbclid'] },
    { query: 'utm_source=a&utm_source=b', found: ['utm_source'] },
    { query: 'utm_source=a&UTM_SOURCE=b&Utm_Source=c', found: ['utm_source'] },
    { query: 'gclid=1&fbclid=2&gclid=3', found: ['gclid', 'fbclid'] },
    { query: '&&utm_source=a&&', found: ['utm_source'] },
  ])('finds $found in $query', ({ query, found }) => {
    expect(findTrackingParams(query)).toEqual(found);
  });
});

describe('ignores', () => {
  test.each(counterExamples)('$id leaves its counter-example $url alone', ({ id, url }) => {
    const f = classifier.classify({ url, type: 'image', documentUrl: PAGE });
    expect(f?.reasons.map((r) => r.rule) ?? []).not.toContain(ruleString(id));
    expect(findCollectEndpoint(new URL(url).hostname, pathOf(url))?.id).not.toBe(id);
  });

  test.each([
    { host: 'www.facebook.com', path: '/translations/' },
    { host: 'www.facebook.com', path: '/track' },
    { host: 'www.facebook.com.evil.example', path: '/tr' },
    { host: 'notfacebook.com', path: '/tr' },
    { host: 'www.google-analytics.com', path: '/collection' },
    { host: 'www.google-analytics.com', path: '/collector/' },
    { host: 'shop.example', path: '/collect' },
    { host: 'shop.example', path: '/b/ssl/' },
    { host: 'shop.example', path: '/b/ss' },
    { host: 'stats.example.org', path: '/matomo.js' },
    { host: 'stats.example.org', path: '/matomo.phpinfo' },
    { host: 'tr.snapchat.com', path: '/pixel-docs' },
    { host: 'sb.scorecardresearch.com', path: '/beacon.js' },
    { host: 'mixpanel.com', path: '/tracking-plan' },
  ])('no endpoint rule for $host$path', ({ host, path }) => {
    expect(findCollectEndpoint(host, path)).toBeNull();
  });

  test.each([
    { query: '' },
    { query: 'q=shoes&page=2' },
    { query: 'utm=1' },
    { query: 'autm_source=1' },
    { query: 'xutm_medium=1&my_gclid=2&fbclid_x=3' },
    { query: 'ref=home&source=twitter&campaign=spring' },
    { query: 'q=gclid&x=utm_source' },
    { query: '=gclid' },
    { query: '&&&' },
    { query: '_gac=1&_gid=2' },
  ])('finds nothing in $query', ({ query }) => {
    expect(findTrackingParams(query)).toEqual([]);
  });

  test('a 1 MB query finishes fast and does not throw', () => {
    const junk = 'a=1&'.repeat(256 * 1024);
    const cases = [junk, `utm_source=x&${junk}`, `${junk}gclid=1`, `v=${'x'.repeat(1024 * 1024)}`, `${'x'.repeat(1024 * 1024)}=1&gclid=2`];
    for (const query of cases) expect(query.length).toBeGreaterThanOrEqual(1024 * 1024);
    const started = performance.now();
    const results = cases.map((q) => findTrackingParams(q));
    expect(performance.now() - started).toBeLessThan(200);
    expect(results[0]).toEqual([]);
    expect(results[1]).toEqual(['utm_source']);
    expect(results[3]).toEqual([]);
    // Past the scan limit: not found, and not slow.
    expect(results[2]).toEqual([]);
    expect(results[4]).toEqual([]);
  });
});

describe('pathOf (regression: a URL with no path took its path from the query)', () => {
  test.each([
    ['https://a.example?x=/b/ss/y', '/'],
    ['https://a.example/b/ss/x?q#h', '/b/ss/x'],
    ['https://a.example', '/'],
    ['https://a.example#/x', '/'],
    ['https://a.example/p#h?x', '/p'],
  ])('%s has path %s', async (url, path) => {
    const { pathOf } = await import('../../../lib/trackers/url');
    expect(pathOf(url)).toBe(path);
  });
});
