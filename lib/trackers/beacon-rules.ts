import { z } from 'zod/mini';

/**
 * Beacon rules as data (ARCHITECTURE.md, "Rules are data"): code only interprets them. Each rule carries
 * examples it must catch and counter-examples it must leave alone; tests/unit/beacon-rules.test.ts
 * runs every one of them through the real classifier.
 */
export const BEACON_RULES_VERSION = 1;

export const collectEndpointRule = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  /** Who runs the endpoint, for the popup ("Meta Pixel"). */
  name: z.string(),
  /** Host or parent domain the endpoint lives on; `null` for path rules that hold on any host. */
  host: z.nullable(z.string()),
  /** Path prefixes (case-sensitive, as servers route them). */
  paths: z.array(z.string().check(z.regex(/^\//))).check(z.minLength(1)),
  examples: z.array(z.string()).check(z.minLength(1)),
  counterExamples: z.array(z.string()),
});
export type CollectEndpointRule = z.infer<typeof collectEndpointRule>;

export const COLLECT_ENDPOINTS: readonly CollectEndpointRule[] = [
  {
    id: 'google-analytics',
    name: 'Google Analytics collect',
    host: 'google-analytics.com',
    paths: ['/collect', '/g/collect', '/j/collect', '/r/collect', '/__utm.gif'],
    examples: ['https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=1.2', 'https://region1.google-analytics.com/g/collect?v=2'],
    counterExamples: ['https://www.google-analytics.com/analytics.js'],
  },
  {
    id: 'google-analytics-4',
    name: 'Google Analytics collect',
    host: 'analytics.google.com',
    paths: ['/g/collect'],
    examples: ['https://analytics.google.com/g/collect?v=2&tid=G-1'],
    counterExamples: ['https://analytics.google.com/analytics/web/'],
  },
  {
    id: 'google-ads-conversion',
    name: 'Google Ads conversion',
    host: 'google.com',
    paths: ['/pagead/1p-conversion/', '/pagead/1p-user-list/', '/ccm/collect'],
    examples: ['https://www.google.com/pagead/1p-conversion/123/?random=1', 'https://www.google.com/ccm/collect?en=page_view'],
    counterExamples: ['https://www.google.com/search?q=collect'],
  },
  {
    id: 'doubleclick-activity',
    name: 'Google Marketing Platform activity',
    host: 'doubleclick.net',
    paths: ['/activity', '/pagead/viewthroughconversion/', '/pcs/view'],
    examples: ['https://ad.doubleclick.net/activity;src=1;type=sale', 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/'],
    counterExamples: [],
  },
  {
    id: 'doubleclick-analytics',
    name: 'Google Analytics through DoubleClick',
    host: 'stats.g.doubleclick.net',
    paths: ['/r/collect', '/j/collect', '/g/collect'],
    examples: ['https://stats.g.doubleclick.net/r/collect?v=1&aip=1&t=dc', 'https://stats.g.doubleclick.net/g/collect?v=2&tid=G-1'],
    counterExamples: ['https://stats.g.doubleclick.net/dc.js'],
  },
  {
    id: 'meta-pixel',
    name: 'Meta Pixel',
    host: 'facebook.com',
    paths: ['/tr'],
    examples: ['https://www.facebook.com/tr?id=123&ev=PageView&noscript=1', 'https://www.facebook.com/tr/'],
    counterExamples: ['https://www.facebook.com/translations/', 'https://www.facebook.com/groups/'],
  },
  {
    id: 'linkedin-insight',
    name: 'LinkedIn Insight',
    host: 'ads.linkedin.com',
    paths: ['/collect', '/attribution_trigger'],
    examples: ['https://px.ads.linkedin.com/collect?pid=1&fmt=gif'],
    counterExamples: [],
  },
  {
    id: 'tiktok-pixel',
    name: 'TikTok Pixel',
    host: 'analytics.tiktok.com',
    paths: ['/api/v2/pixel', '/api/v1/pixel'],
    examples: ['https://analytics.tiktok.com/api/v2/pixel?sdkid=1'],
    counterExamples: [],
  },
  {
    id: 'x-ads',
    name: 'X (Twitter) ads',
    host: 't.co',
    paths: ['/i/adsct', '/1/i/adsct'],
    examples: ['https://t.co/i/adsct?txn_id=1&p_id=Twitter'],
    counterExamples: ['https://t.co/AbCdEf'],
  },
  {
    id: 'x-analytics',
    name: 'X (Twitter) ads',
    host: 'analytics.twitter.com',
    paths: ['/i/adsct', '/1/i/adsct'],
    examples: ['https://analytics.twitter.com/i/adsct?txn_id=1'],
    counterExamples: [],
  },
  {
    id: 'bing-uet',
    name: 'Microsoft UET',
    host: 'bat.bing.com',
    paths: ['/action/'],
    examples: ['https://bat.bing.com/action/0?ti=1&evt=pageLoad'],
    counterExamples: ['https://bat.bing.com/bat.js'],
  },
  {
    id: 'pinterest-tag',
    name: 'Pinterest Tag',
    host: 'ct.pinterest.com',
    paths: ['/v3/', '/user/'],
    examples: ['https://ct.pinterest.com/v3/?tid=1&event=init'],
    counterExamples: [],
  },
  {
    id: 'snap-pixel',
    name: 'Snap Pixel',
    host: 'tr.snapchat.com',
    paths: ['/p', '/cm/'],
    examples: ['https://tr.snapchat.com/p'],
    counterExamples: [],
  },
  {
    id: 'reddit-pixel',
    name: 'Reddit Pixel',
    host: 'alb.reddit.com',
    paths: ['/rp.gif'],
    examples: ['https://alb.reddit.com/rp.gif?ts=1&id=t2_1&event=PageVisit'],
    counterExamples: [],
  },
  {
    id: 'yandex-metrica',
    name: 'Yandex Metrica',
    host: 'mc.yandex.ru',
    paths: ['/watch/', '/webvisor/'],
    examples: ['https://mc.yandex.ru/watch/123?page-url=x'],
    counterExamples: ['https://mc.yandex.ru/metrika/tag.js'],
  },
  {
    id: 'segment',
    name: 'Segment',
    host: 'api.segment.io',
    paths: ['/v1/t', '/v1/p', '/v1/i', '/v1/batch'],
    examples: ['https://api.segment.io/v1/t'],
    counterExamples: [],
  },
  {
    id: 'mixpanel',
    name: 'Mixpanel',
    host: 'mixpanel.com',
    paths: ['/track', '/engage', '/decide'],
    examples: ['https://api-js.mixpanel.com/track/?verbose=1', 'https://api.mixpanel.com/engage/'],
    counterExamples: ['https://mixpanel.com/pricing/'],
  },
  {
    id: 'amplitude',
    name: 'Amplitude',
    host: 'amplitude.com',
    paths: ['/2/httpapi', '/batch'],
    examples: ['https://api2.amplitude.com/2/httpapi'],
    counterExamples: [],
  },
  {
    id: 'microsoft-clarity',
    name: 'Microsoft Clarity',
    host: 'clarity.ms',
    paths: ['/collect'],
    examples: ['https://k.clarity.ms/collect'],
    counterExamples: ['https://www.clarity.ms/tag/abc'],
  },
  {
    id: 'comscore',
    name: 'Comscore',
    host: 'scorecardresearch.com',
    paths: ['/b', '/p'],
    examples: ['https://sb.scorecardresearch.com/b?c1=2&c2=1'],
    counterExamples: [],
  },
  {
    id: 'quantcast',
    name: 'Quantcast',
    host: 'quantserve.com',
    paths: ['/pixel'],
    examples: ['https://pixel.quantserve.com/pixel/p-1.gif'],
    counterExamples: [],
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    host: 'track.hubspot.com',
    paths: ['/__ptq.gif'],
    examples: ['https://track.hubspot.com/__ptq.gif?k=1'],
    counterExamples: [],
  },
  {
    id: 'criteo-event',
    name: 'Criteo',
    host: 'criteo.com',
    paths: ['/event', '/m/event'],
    examples: ['https://sslwidget.criteo.com/event?a=1'],
    counterExamples: [],
  },
  {
    id: 'outbrain-pixel',
    name: 'Outbrain',
    host: 'tr.outbrain.com',
    paths: ['/unifiedPixel', '/pixel'],
    examples: ['https://tr.outbrain.com/unifiedPixel?marketerId=1'],
    counterExamples: [],
  },
  {
    id: 'adobe-analytics',
    name: 'Adobe Analytics',
    host: null,
    paths: ['/b/ss/'],
    examples: ['https://metrics.shop.example/b/ss/rsid/1/JS-2.22.0/s123', 'https://x.sc.omtrdc.net/b/ss/rsid/1/'],
    counterExamples: ['https://shop.example/b/shoes/'],
  },
  {
    id: 'matomo',
    name: 'Matomo',
    host: null,
    paths: ['/matomo.php', '/piwik.php'],
    examples: ['https://stats.example.org/matomo.php?idsite=1&rec=1'],
    counterExamples: ['https://stats.example.org/matomo.js'],
  },
  {
    id: 'plausible',
    name: 'Plausible',
    host: 'plausible.io',
    paths: ['/api/event'],
    examples: ['https://plausible.io/api/event'],
    counterExamples: ['https://plausible.io/js/script.js'],
  },
];

export const trackingParamRule = z.object({
  /** Exact parameter name, or a prefix when it ends in `*`. */
  name: z.string().check(z.regex(/^[a-z0-9_]+\*?$/i)),
  /** Who sets it, and why it tracks. */
  source: z.string(),
  /** Click identifiers name one person's click; campaign tags only name the campaign. */
  kind: z.enum(['click-id', 'campaign']),
});
export type TrackingParamRule = z.infer<typeof trackingParamRule>;

/**
 * Tracking URL parameters. Sources: the parameter lists of Firefox's query stripping, uBlock
 * Origin's `removeparam` filters and AdGuard's URL tracking filter; only parameters whose sole use
 * is attribution are listed (`ref` or `source` are too often functional).
 */
export const TRACKING_PARAMS: readonly TrackingParamRule[] = [
  { name: 'utm_*', source: 'Urchin/Google Analytics campaign tags', kind: 'campaign' },
  { name: 'gclid', source: 'Google Ads click id', kind: 'click-id' },
  { name: 'gclsrc', source: 'Google Ads click source', kind: 'click-id' },
  { name: 'dclid', source: 'Google Display click id', kind: 'click-id' },
  { name: 'gbraid', source: 'Google Ads iOS click id', kind: 'click-id' },
  { name: 'wbraid', source: 'Google Ads web-to-app click id', kind: 'click-id' },
  { name: '_ga', source: 'Google Analytics cross-domain client id', kind: 'click-id' },
  { name: '_gl', source: 'Google linker parameter', kind: 'click-id' },
  { name: 'fbclid', source: 'Facebook click id', kind: 'click-id' },
  { name: 'msclkid', source: 'Microsoft Ads click id', kind: 'click-id' },
  { name: 'ttclid', source: 'TikTok click id', kind: 'click-id' },
  { name: 'twclid', source: 'X (Twitter) click id', kind: 'click-id' },
  { name: 'li_fat_id', source: 'LinkedIn first-party ad tracking id', kind: 'click-id' },
  { name: 'epik', source: 'Pinterest click id', kind: 'click-id' },
  { name: 'rdt_cid', source: 'Reddit click id', kind: 'click-id' },
  { name: 'sccid', source: 'Snapchat click id', kind: 'click-id' },
  { name: 'yclid', source: 'Yandex click id', kind: 'click-id' },
  { name: 'igshid', source: 'Instagram share id', kind: 'click-id' },
  { name: 'mc_eid', source: 'Mailchimp subscriber id', kind: 'click-id' },
  { name: 'mc_cid', source: 'Mailchimp campaign id', kind: 'campaign' },
  { name: '_hsenc', source: 'HubSpot email tracking', kind: 'click-id' },
  { name: '_hsmi', source: 'HubSpot email tracking', kind: 'click-id' },
  { name: 'mkt_tok', source: 'Marketo email tracking', kind: 'click-id' },
  { name: 'oly_enc_id', source: 'Omeda subscriber id', kind: 'click-id' },
  { name: 'vero_id', source: 'Vero email tracking', kind: 'click-id' },
  { name: 's_cid', source: 'Adobe Analytics campaign id', kind: 'campaign' },
  { name: 'icid', source: 'Adobe internal campaign id', kind: 'campaign' },
  { name: 'srsltid', source: 'Google Merchant Center click id', kind: 'click-id' },
  { name: 'irclickid', source: 'Impact affiliate click id', kind: 'click-id' },
  { name: 'cjevent', source: 'CJ affiliate event id', kind: 'click-id' },
];

const exactParams = new Map<string, TrackingParamRule>();
const prefixParams: { prefix: string; rule: TrackingParamRule }[] = [];
for (const rule of TRACKING_PARAMS) {
  if (rule.name.endsWith('*')) prefixParams.push({ prefix: rule.name.slice(0, -1), rule });
  else exactParams.set(rule.name, rule);
}

/** Longest query string inspected: a multi-megabyte URL must not cost more than a normal one. */
const MAX_QUERY_SCAN = 4096;

/** Names of the tracking parameters present in a query string (without `?`), in order, unique. */
export function findTrackingParams(query: string): string[] {
  if (query.length === 0) return [];
  const found: string[] = [];
  const scanned = query.length > MAX_QUERY_SCAN ? query.slice(0, MAX_QUERY_SCAN) : query;
  for (const pair of scanned.split('&')) {
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    if (name.length === 0 || name.length > 64 || found.includes(name)) continue;
    if (exactParams.has(name) || prefixParams.some((p) => name.startsWith(p.prefix))) found.push(name);
  }
  return found;
}

/** Endpoint rules indexed by the host they name; path-only rules apart. */
const endpointsByHost = new Map<string, CollectEndpointRule[]>();
const anyHostEndpoints: CollectEndpointRule[] = [];
for (const rule of COLLECT_ENDPOINTS) {
  if (rule.host === null) anyHostEndpoints.push(rule);
  else endpointsByHost.set(rule.host, [...(endpointsByHost.get(rule.host) ?? []), rule]);
}

function pathMatches(rule: CollectEndpointRule, path: string): boolean {
  return rule.paths.some((p) => path === p || (path.startsWith(p) && (p.endsWith('/') || /[/?;.]/.test(path[p.length] ?? ''))));
}

/** The collect-endpoint rule a request hits, if any. Walks the host's parent domains. */
export function findCollectEndpoint(hostname: string, path: string): CollectEndpointRule | null {
  let host = hostname;
  for (;;) {
    const rules = endpointsByHost.get(host);
    if (rules) {
      for (const rule of rules) if (pathMatches(rule, path)) return rule;
    }
    const dot = host.indexOf('.');
    if (dot === -1) break;
    host = host.slice(dot + 1);
  }
  for (const rule of anyHostEndpoints) if (pathMatches(rule, path)) return rule;
  return null;
}
