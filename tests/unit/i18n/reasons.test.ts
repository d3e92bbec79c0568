import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { useMessages } from '../../../lib/i18n/i18n';
import { reasonInWords } from '../../../lib/i18n/reasons';
import { createClassifier, type Classifier } from '../../../lib/trackers/classify-request';
import { createListMatcher, parseFilterList, sha256Hex } from '../../../lib/trackers/filter-lists';
import { tinyImageFinding } from '../../../lib/trackers/tiny-image';
import type { TrackerDb } from '../../../lib/trackers/trackerdb';
import type { Reason } from '../../../lib/schema/common';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';
import { TARGETING_REQUESTS } from '../fixtures/request-corpus';
import { messagesOf, readLocale } from './messages';

/**
 * Issue #12: why a request counts is shown in the reader's language (lib/i18n/reasons.ts), while
 * the record keeps its English detail and machine rule id. The reasons here are the producers' own
 * (the classifier over the request corpus, a filter list, a tiny image), so a changed English
 * sentence in lib/trackers fails this test instead of showing English to everyone.
 */
let db: TrackerDb;
let classifier: Classifier;
let reasons: Reason[];

const LIST = `[Adblock Plus 2.0]
! Title: Beaker reasons list
/banner-ads/*
`;

beforeAll(async () => {
  db = await loadTrackerDbFromNodeModules();
  const list = parseFilterList(LIST, { name: 'reasons.txt', sha256: await sha256Hex(LIST), source: 'file' });
  classifier = createClassifier(db, () => createListMatcher([list]));
  reasons = TARGETING_REQUESTS.flatMap((row) => classifier.classify(row)?.reasons ?? []);
  reasons.push(...(classifier.classify({ url: 'https://news.example/banner-ads/top.png', type: 'image', documentUrl: 'https://news.example/' })?.reasons ?? []));
  const pixel = tinyImageFinding({ url: 'https://px.unknown.example/p.gif?uid=1', host: 'px.unknown.example', type: 'image', thirdParty: true }, null, 43)!;
  reasons.push(...pixel.reasons);
}, 30_000);
afterEach(() => useMessages());

const ruleKind = (rule: string) => rule.replace(/^beacon@\d+\//, 'beacon/').replace(/^(beacon\/collect-endpoint|list|trackerdb)\/.*$/, '$1');

describe('reasons in words', () => {
  test('the producers write every kind of reason the views translate', () => {
    const kinds = new Set(reasons.map((r) => ruleKind(r.rule)));
    for (const kind of ['beacon/tiny-image', 'beacon/request-type', 'beacon/collect-endpoint', 'beacon/tracking-param', 'list', 'trackerdb']) expect(kinds, kind).toContain(kind);
  });

  test('English: a beacon reason reads as the record wrote it', () => {
    useMessages(messagesOf('en'));
    for (const r of reasons.filter((x) => x.rule.startsWith('beacon'))) {
      expect(reasonInWords(r.detail, { rule: r.rule })).toBe(r.detail);
      expect(reasonInWords(r.detail, { source: 'beacon' })).toBe(r.detail);
    }
  });

  test.each(['de', 'fr', 'ja', 'ar'])('%s: every reason is recognised and translated, its values kept', (locale) => {
    useMessages(messagesOf(locale));
    const messages = readLocale(locale);
    for (const r of reasons) {
      const words = reasonInWords(r.detail, { rule: r.rule });
      expect(words, `${r.rule}: ${r.detail}`).not.toBe(r.detail);
      // The request's own values survive: the byte count, the request type, the parameters, the host.
      const value = /(\d+)-byte|as a (\S+) request|^carries (.+)$|endpoint (\S+)$/.exec(r.detail)?.slice(1).find(Boolean);
      if (value) expect(words, r.detail).toContain(value);
    }
    const list = reasons.find((r) => r.rule.startsWith('list/'))!;
    expect(reasonInWords(list.detail, { source: 'list' })).toContain(messages.trackercat_advertising);
    expect(reasonInWords(list.detail, { source: 'list' })).toContain('Beaker reasons list');
  });

  test('a detail no pattern knows, or of another source, is shown as written', () => {
    useMessages(messagesOf('de'));
    expect(reasonInWords('something new', { rule: 'beacon@2/new-rule' })).toBe('something new');
    expect(reasonInWords('carries gclid', { source: 'list' })).toBe('carries gclid');
    expect(reasonInWords('carries gclid', { source: 'beacon' })).toBe('enthält gclid');
  });
});
