import { hostOf, isWebUrl, pathOf, siteOf } from '../trackers/url';
import type { ExportRecord } from './records';

/**
 * Privacy mode of an export (ARCHITECTURE.md, "Exports"), on by default for consumer exports.
 * Every field of every record kind (lib/schema/events.ts, lib/schema/visit.ts) was checked for
 * URLs, page text and typed text:
 *
 * - URL fields (`url`, `topUrl`, a visit's `url`): the host becomes the registrable domain (the
 *   record's own `site` rule: eTLD+1, private suffixes count; the host where there is none), the
 *   path stays, and userinfo, port, query string and fragment go.
 * - A tracker record's `host`: kept for third-party requests (the tracker's server, what TrackerDB
 *   matched), reduced to the registrable domain for first-party ones (the page's own host).
 * - A dark pattern's `evidence` is page text shown to the person, which on a signed-in page can be
 *   their name, e-mail or order: emptied. Category, type, confidence and rule ids stay.
 * - `reasons[].detail` of ad and dark-pattern records can quote the page (a sponsored card's text,
 *   an ad frame's address): emptied; the `rule` stays. Tracker details are written by Beaker from
 *   its rule data (TrackerDB names, parameter names, host and path): kept, with any URL in them
 *   reduced like the URL fields.
 * - Typed text: no record stores it (engagement records carry only the target's tag and ARIA role;
 *   a visit's `arrivalParams` are parameter names, never values). Locators are CSS paths built
 *   without page text (lib/content/locator.ts): kept.
 *
 * Bump `PRIVACY_RULES_VERSION` when these rules change: the manifest records it with the mode.
 */
export const PRIVACY_RULES_VERSION = 1;

export type PrivacyMode = 'on' | 'off';

/** Page URLs repeat on every event of a visit: remember recent answers (bounded, cleared when full). */
const MEMO_SIZE = 1024;
const memo = new Map<string, string>();

/** `scheme://registrable-domain/path`: no userinfo, port, query or fragment. Non-web URLs lose everything after the scheme. */
export function privateUrl(url: string): string {
  const known = memo.get(url);
  if (known !== undefined) return known;
  const out = computePrivateUrl(url);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(url, out);
  return out;
}

function computePrivateUrl(url: string): string {
  if (!isWebUrl(url)) {
    const colon = url.indexOf(':');
    return colon > 0 && colon < 20 ? `${url.slice(0, colon + 1)}` : '';
  }
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  const site = siteOf(url) ?? hostOf(url) ?? '';
  return `${scheme}://${site}${pathOf(url)}`;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s'"<>]+/gi;

function privateText(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => privateUrl(match));
}

/** The record as privacy mode exports it (a new object; the input is not changed). */
export function applyPrivacy(record: ExportRecord): ExportRecord {
  switch (record.kind) {
    case 'visit':
      return { ...record, url: privateUrl(record.url) };
    case 'tracker':
      return {
        ...record,
        topUrl: privateUrl(record.topUrl),
        url: privateUrl(record.url),
        host: record.thirdParty ? record.host : (siteOf(record.url) ?? record.host),
        reasons: record.reasons.map((r) => ({ rule: r.rule, detail: privateText(r.detail) })),
      };
    case 'ad':
      return { ...record, topUrl: privateUrl(record.topUrl), reasons: record.reasons.map((r) => ({ rule: r.rule, detail: '' })) };
    case 'dark-pattern':
      return {
        ...record,
        topUrl: privateUrl(record.topUrl),
        evidence: '',
        reasons: record.reasons.map((r) => ({ rule: r.rule, detail: '' })),
      };
    case 'engagement':
      return { ...record, topUrl: privateUrl(record.topUrl) };
  }
}

/** Identity when privacy is off, so callers apply one function either way. */
export function privacyTransform(mode: PrivacyMode): (record: ExportRecord) => ExportRecord {
  return mode === 'on' ? applyPrivacy : (record) => record;
}
