import { describe, expect, test } from 'vitest';
import { ratioInWords, summarizeVisit } from '../../../lib/log/summarize-visit';
import { ENGAGEMENT_ACTIONS, type LogEvent, type TrackerMatch } from '../../../lib/schema';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from './make-records';

const GOOGLE_ANALYTICS: TrackerMatch = {
  key: 'google_analytics',
  name: 'Google Analytics',
  category: 'site_analytics',
  organization: { key: 'google', name: 'Google' },
  matchedBy: 'domain',
};
const DOUBLECLICK: TrackerMatch = {
  key: 'doubleclick',
  name: 'DoubleClick',
  category: 'advertising',
  organization: { key: 'google', name: 'Google' },
  matchedBy: 'domain',
};
const GOOGLE_FONTS: TrackerMatch = {
  key: 'google_fonts',
  name: 'Google Fonts',
  category: 'hosting',
  organization: { key: 'google', name: 'Google' },
  matchedBy: 'domain',
};
const FACEBOOK: TrackerMatch = {
  key: 'facebook',
  name: 'Facebook',
  category: 'advertising',
  organization: { key: 'facebook', name: 'Meta' },
  matchedBy: 'filter',
};
const CLOUDFLARE: TrackerMatch = {
  key: 'cloudflare',
  name: 'CloudFlare',
  category: 'hosting',
  organization: { key: 'cloudflare', name: 'Cloudflare' },
  matchedBy: 'domain',
};
const NO_ORG: TrackerMatch = { key: 'some_pixel', name: 'Some Pixel', category: 'misc', organization: null, matchedBy: 'domain' };

const visit = makeVisit({ counts: { tracker: 9, ad: 2, darkPattern: 1, engagement: 4, requests: 60, thirdPartyRequests: 40 } });

const plain = (tracker: TrackerMatch, overrides: Partial<Extract<LogEvent, { kind: 'tracker' }>> = {}): LogEvent =>
  makeTrackerEvent(visit, {
    tracker,
    beacon: null,
    reasons: [{ rule: `trackerdb/${tracker.matchedBy}`, detail: tracker.name }],
    url: `https://${tracker.key}.example/x.js`,
    host: `${tracker.key}.example`,
    requestType: 'script',
    ...overrides,
  });

const EVENTS: LogEvent[] = [
  // Google, targeting: 2 analytics (one a beacon) + 1 DoubleClick.
  plain(GOOGLE_ANALYTICS),
  makeTrackerEvent(visit, {
    tracker: GOOGLE_ANALYTICS,
    url: 'https://www.google-analytics.com/g/collect?v=2',
    host: 'www.google-analytics.com',
    beacon: { kinds: ['ping', 'collect-endpoint'] },
    reasons: [
      { rule: 'trackerdb/domain', detail: 'Google Analytics' },
      { rule: 'beacon@1/request-type', detail: 'sent as a ping request' },
      { rule: 'beacon@1/collect-endpoint/ga4', detail: 'GA4 endpoint' },
    ],
  }),
  plain(DOUBLECLICK),
  // Google, not targeting: fonts.
  plain(GOOGLE_FONTS, { targeting: false }),
  // Meta, targeting: 4 requests, one first party (a pattern match on the site's own host).
  plain(FACEBOOK),
  plain(FACEBOOK),
  plain(FACEBOOK),
  plain(FACEBOOK, { thirdParty: false }),
  // Cloudflare, not targeting, first party only.
  plain(CLOUDFLARE, { targeting: false, thirdParty: false }),
  // A tracker without an organization.
  plain(NO_ORG),
  // Beacons to hosts TrackerDB does not know.
  makeTrackerEvent(visit, {
    tracker: null,
    url: 'https://clicks.adnet.example/click?id=1',
    host: 'clicks.adnet.example',
    requestType: 'ping',
    beacon: { kinds: ['ping'] },
    reasons: [{ rule: 'beacon@1/request-type', detail: 'sent as a ping request' }],
  }),
  makeTrackerEvent(visit, {
    tracker: null,
    url: 'https://cdn.example.net/pixel.gif?gclid=abc',
    host: 'cdn.example.net',
    requestType: 'image',
    beacon: { kinds: ['tracking-param'] },
    reasons: [{ rule: 'beacon@1/tracking-param', detail: 'carries gclid' }],
  }),
  // Engagement: 2 clicks, 1 typing, 1 submit.
  makeEngagementEvent(visit, 'click'),
  makeEngagementEvent(visit, 'click'),
  makeEngagementEvent(visit, 'type'),
  makeEngagementEvent(visit, 'submit'),
];

const summary = summarizeVisit(visit, EVENTS);
const row = (rows: typeof summary.organizations, key: string) => rows.find((r) => r.key === key);

describe('summarizeVisit', () => {
  test('carries the visit and its roll-up counts', () => {
    expect(summary.visit).toBe(visit);
    expect(summary.targeted).toBe(9 + 2 + 1);
    expect(summary.engaged).toBe(4);
  });

  test('groups targeting trackers by organization, most requests first', () => {
    expect(summary.organizations.map((r) => [r.key, r.requests])).toEqual([
      ['facebook', 4],
      ['google', 3],
      ['pattern:some_pixel', 1],
    ]);
    expect(summary.organizations.every((r) => r.targeting)).toBe(true);
  });

  test.each([
    {
      key: 'google',
      name: 'Google',
      category: 'site_analytics',
      categories: ['site_analytics', 'advertising'],
      trackers: ['Google Analytics', 'DoubleClick'],
      thirdParty: true,
    },
    { key: 'facebook', name: 'Meta', category: 'advertising', categories: ['advertising'], trackers: ['Facebook'], thirdParty: true },
    { key: 'pattern:some_pixel', name: 'Some Pixel', category: 'misc', categories: ['misc'], trackers: ['Some Pixel'], thirdParty: true },
  ])('targeting row $key: name, first category seen, every category and tracker name once each', ({ key, ...expected }) => {
    expect(row(summary.organizations, key)).toMatchObject(expected);
  });

  test('puts known non-targeting third parties in other rows, apart from the same organization’s targeting row', () => {
    expect(summary.others.map((r) => [r.key, r.requests, r.targeting])).toEqual([
      ['cloudflare', 1, false],
      ['google', 1, false],
    ]);
    expect(row(summary.others, 'google')).toMatchObject({ trackers: ['Google Fonts'], category: 'hosting', categories: ['hosting'] });
    expect(row(summary.others, 'cloudflare')?.thirdParty).toBe(false);
  });

  test('counts first- and third-party targeting requests', () => {
    // 3 Google + 4 Meta (1 first party) + 1 no-org + 2 unknown beacons; Fonts and Cloudflare do not target.
    expect(summary.firstPartyTargeting).toBe(1);
    expect(summary.thirdPartyTargeting).toBe(9);
  });

  test('collects beacons under their organization, with only the beacon reasons as why', () => {
    expect(row(summary.organizations, 'google')?.beacons).toEqual([
      {
        url: 'https://www.google-analytics.com/g/collect?v=2',
        host: 'www.google-analytics.com',
        why: ['sent as a ping request', 'GA4 endpoint'],
        source: 'beacon',
      },
    ]);
    expect(row(summary.organizations, 'facebook')?.beacons).toEqual([]);
  });

  test('lists beacons to hosts TrackerDB does not know apart, in order', () => {
    expect(summary.unknownBeacons).toEqual([
      { url: 'https://clicks.adnet.example/click?id=1', host: 'clicks.adnet.example', why: ['sent as a ping request'], source: 'beacon' },
      { url: 'https://cdn.example.net/pixel.gif?gclid=abc', host: 'cdn.example.net', why: ['carries gclid'], source: 'beacon' },
    ]);
    const listed = [...summary.organizations, ...summary.others].flatMap((r) => r.beacons.map((b) => b.host));
    expect(listed).not.toContain('clicks.adnet.example');
  });

  test('counts engagement per action, every action present', () => {
    expect(summary.engagement).toEqual({ click: 2, type: 1, submit: 1, media: 0 });
    expect(Object.keys(summary.engagement).sort()).toEqual([...ENGAGEMENT_ACTIONS].sort());
  });

  test('an empty visit gives empty rows and zero counts', () => {
    const empty = summarizeVisit(makeVisit(), []);
    expect(empty).toMatchObject({
      targeted: 0,
      engaged: 0,
      organizations: [],
      others: [],
      unknownBeacons: [],
      firstPartyTargeting: 0,
      thirdPartyTargeting: 0,
      engagement: { click: 0, type: 0, submit: 0, media: 0 },
    });
  });

  test('rows with equal requests are ordered by name', () => {
    const v = makeVisit();
    const s = summarizeVisit(v, [plain(FACEBOOK), plain(DOUBLECLICK)]);
    expect(s.organizations.map((r) => r.name)).toEqual(['Google', 'Meta']);
  });
});

describe('ratioInWords', () => {
  test.each([
    { targeted: 0, engaged: 0, words: 'Nothing targeted you here, and you have not interacted yet.' },
    { targeted: 0, engaged: 5, words: 'Nothing targeted you here.' },
    { targeted: 1, engaged: 0, words: 'Targeted 1 time before you did anything.' },
    { targeted: 7, engaged: 0, words: 'Targeted 7 times before you did anything.' },
    { targeted: 24, engaged: 1, words: '24 times targeted for every time you engaged.' },
    { targeted: 3, engaged: 2, words: '1.5 times targeted for every time you engaged.' },
    { targeted: 1, engaged: 1, words: '1 time targeted for every time you engaged.' },
    { targeted: 10, engaged: 3, words: '3.3 times targeted for every time you engaged.' },
    { targeted: 25, engaged: 2, words: '13 times targeted for every time you engaged.' },
    { targeted: 1, engaged: 3, words: 'You engaged more often than you were targeted (3 to 1).' },
  ])('$targeted targeted, $engaged engaged → "$words"', ({ targeted, engaged, words }) => {
    expect(ratioInWords(targeted, engaged)).toBe(words);
  });
});
