import { t } from './i18n';
import { trackerCategoryOf } from './labels';

/**
 * Why a request counts, in the reader's language (ARCHITECTURE.md, "Languages"). The background
 * writes each reason as `{ rule, detail }`: `rule` is the machine id exports keep
 * (`beacon@1/tiny-image`, `list/<id>/<filter>`), `detail` an English sentence with the request's own
 * values in it (lib/trackers/classify-request.ts, lib/trackers/tiny-image.ts; TrackerDB's category ids become their names). The views show the
 * sentence again from a message, with those values read back out of the English; a detail no
 * pattern knows (a newer rule, a cut one) is shown as written. tests/unit/i18n/reasons.test.ts
 * feeds the producers' own output through these patterns, so a changed sentence fails there.
 */
interface Pattern {
  /** Which reasons it reads: by rule id, or by what said the request tracks (the popup's lines). */
  rule: RegExp;
  source: 'beacon' | 'list' | 'trackerdb';
  detail: RegExp;
  words: (m: RegExpExecArray) => string;
}

const PATTERNS: readonly Pattern[] = [
  {
    source: 'beacon',
    rule: /^beacon@\d+\/tiny-image$/,
    detail: /^a (\d+)-byte image with a query string, sent to another site: a tracking pixel$/,
    words: (m) => t('why_tiny_image', Number(m[1])),
  },
  {
    source: 'beacon',
    rule: /^beacon@\d+\/request-type$/,
    detail: /^sent as a (\S+) request \(sendBeacon, <a ping> or a report\)$/,
    words: (m) => t('why_request_type', m[1]!),
  },
  {
    source: 'beacon',
    rule: /^beacon@\d+\/collect-endpoint\//,
    detail: /^(.+) endpoint (\S+)$/s,
    words: (m) => t('why_collect_endpoint', m[1]!, m[2]!),
  },
  {
    source: 'beacon',
    rule: /^beacon@\d+\/tracking-param$/,
    detail: /^carries (.+)$/s,
    words: (m) => t('why_tracking_param', m[1]!),
  },
  {
    source: 'list',
    rule: /^list\//,
    detail: /^(.+) \(([a-z_]+); (.+)\)$/s,
    words: (m) => t('why_list', m[1]!, trackerCategoryOf(m[2]!), m[3]!),
  },
  {
    source: 'trackerdb',
    rule: /^trackerdb\//,
    detail: /^(.+) \(([a-z_]+)(?:, (.+))?\)$/s,
    words: (m) => (m[3] === undefined ? t('why_trackerdb', m[1]!, trackerCategoryOf(m[2]!)) : t('why_trackerdb_org', m[1]!, trackerCategoryOf(m[2]!), m[3])),
  },
];

/** One reason's detail in words, known by its rule id (a log record) or its source (the popup's beacon lines). */
export function reasonInWords(detail: string, from: { rule: string } | { source: 'beacon' | 'list' }): string {
  for (const pattern of PATTERNS) {
    if ('rule' in from ? !pattern.rule.test(from.rule) : pattern.source !== from.source) continue;
    const m = pattern.detail.exec(detail);
    if (m) return pattern.words(m);
  }
  return detail;
}
