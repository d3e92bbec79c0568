import { AdblockerRequest } from '@ghostery/trackerdb';
import { BEACON_RULES_VERSION, findCollectEndpoint, findTrackingParams } from './beacon-rules';
import { isTargetingCategory } from './targeting';
import { isWebUrl, pathOf, queryOf } from './url';
import type { TrackerDb } from './trackerdb';
import type { ListMatcher } from './filter-lists';
import { cap, MAX_URL_LENGTH, type Reason } from '../schema/common';
import { BEACON_KINDS, TRACKER_CATEGORIES, type TrackerCategory, type TrackerFinding, type TrackerMatch } from '../schema/events';

export interface RequestFacts {
  url: string;
  /** webRequest resource type (`script`, `image`, `ping`, `beacon`, `xmlhttprequest`, …). */
  type: string;
  /** URL of the top-level document the request belongs to: decides first or third party. */
  documentUrl: string;
  /** `outermost_frame` / `sub_frame` (Chrome) or derived from frameId; kept for the record. */
  frameType?: string;
}

type BeaconKind = (typeof BEACON_KINDS)[number];
type PatternLookup = ReturnType<TrackerDb['matchDomain']>[number];

const KNOWN_CATEGORIES = new Set<string>(TRACKER_CATEGORIES);
const BEACON_REQUEST_TYPES = new Set(['ping', 'beacon', 'csp_report']);
/** Longest DNS name; also the `host` cap of `trackerFinding`. */
const MAX_HOST_LENGTH = 253;

/**
 * Domain metadata lookups parse a filter per label on every call; hosts repeat a lot on a page, so
 * a bounded cache keeps classification close to the raw engine cost (see `npm run bench`).
 */
const DOMAIN_CACHE_LIMIT = 4096;

export interface Classifier {
  classify(facts: RequestFacts): TrackerFinding | null;
}

/**
 * `(request facts) -> TrackerFinding | null`: null for requests that are neither known to TrackerDB
 * nor beacons, and for non-web URLs. A finding says whether the request counts as targeting and why.
 */
export function createClassifier(db: TrackerDb, lists: () => ListMatcher | null = () => null): Classifier {
  const domainCache = new Map<string, PatternLookup[]>();
  const matchDomainCached = (hostname: string): PatternLookup[] => {
    let hit = domainCache.get(hostname);
    if (hit === undefined) {
      hit = db.matchDomain(hostname);
      if (domainCache.size >= DOMAIN_CACHE_LIMIT) domainCache.clear();
      domainCache.set(hostname, hit);
    }
    return hit;
  };
  return {
    classify(facts) {
      return classifyWith(db, matchDomainCached, facts, lists());
    },
  };
}

/** One-off classification (tests, research scripts). Long-lived callers use `createClassifier`. */
export function classifyRequest(facts: RequestFacts, db: TrackerDb): TrackerFinding | null {
  return classifyWith(db, (host) => db.matchDomain(host), facts);
}

function classifyWith(
  db: TrackerDb,
  matchDomain: (hostname: string) => PatternLookup[],
  facts: RequestFacts,
  lists: ListMatcher | null = null,
): TrackerFinding | null {
  const { url, type, documentUrl } = facts;
  if (!isWebUrl(url)) return null;
  const request = AdblockerRequest.fromRawDetails({
    url,
    type: type as never,
    sourceUrl: isWebUrl(documentUrl) ? documentUrl : url,
  });
  // A host longer than DNS allows (253) resolves nowhere, so nothing is sent; it would also break
  // the `host` cap of the finding schema.
  if (!request.hostname || request.hostname.length > MAX_HOST_LENGTH) return null;
  const thirdParty = request.isThirdParty;
  const reasons: Reason[] = [];
  const beaconKinds: BeaconKind[] = [];

  let tracker: TrackerMatch | null = null;
  let targetingTracker = false;
  let matchedBy: 'filter' | 'domain' = 'filter';
  let lookups = db.engine.getPatternMetadata(request, { getDomainMetadata: false });
  if (lookups.length === 0) {
    lookups = matchDomain(request.hostname);
    matchedBy = 'domain';
  }
  const lookup = pickLookup(lookups);
  if (lookup) {
    tracker = toMatch(lookup, matchedBy);
    // A domain-only match on the page's own site is the site itself (google.com on google.com),
    // not a tracker watching it; a URL-pattern match (facebook.com/tr) still is.
    targetingTracker = isTargetingCategory(tracker.category) && (thirdParty || matchedBy === 'filter');
    reasons.push({
      rule: `trackerdb/${matchedBy}`,
      detail: cap(`${tracker.name} (${tracker.category}${tracker.organization ? `, ${tracker.organization.name}` : ''})`),
    });
  }

  if (BEACON_REQUEST_TYPES.has(type)) {
    beaconKinds.push(type === 'ping' ? 'ping' : 'beacon');
    reasons.push({ rule: `beacon@${BEACON_RULES_VERSION}/request-type`, detail: `sent as a ${type} request (sendBeacon, <a ping> or a report)` });
  }
  const endpoint = findCollectEndpoint(request.hostname, pathOf(url));
  if (endpoint) {
    beaconKinds.push('collect-endpoint');
    reasons.push({ rule: `beacon@${BEACON_RULES_VERSION}/collect-endpoint/${endpoint.id}`, detail: cap(`${endpoint.name} endpoint ${request.hostname}${pathOf(url)}`) });
  }
  // Tracking parameters only count on requests to another site: a site tagging its own links is
  // its own business; the same tag sent to a third party tells that party who clicked what.
  if (thirdParty && type !== 'main_frame') {
    const params = findTrackingParams(queryOf(url));
    if (params.length > 0) {
      beaconKinds.push('tracking-param');
      reasons.push({ rule: `beacon@${BEACON_RULES_VERSION}/tracking-param`, detail: cap(`carries ${params.join(', ')}`) });
    }
  }

  // Filter lists (issue #10): a rule of a list the person turned on or added says the request is
  // advertising or tracking, where TrackerDB did not already say it targets. A main-frame load is the
  // person's own navigation, never counted.
  const listed = !targetingTracker && lists && type !== 'main_frame' ? lists.matchRequest(request) : null;
  if (listed) {
    const category = tracker?.category ?? listed.category;
    reasons.push({ rule: cap(`list/${listed.listId}/${listed.filter}`, 80), detail: cap(`${listed.filter} (${category}; ${listed.list})`) });
  }

  if (tracker === null && beaconKinds.length === 0 && !listed) return null;
  const beacon = beaconKinds.length > 0 ? { kinds: beaconKinds } : null;
  const firstRule = (prefix: string) => reasons.find((r) => r.rule.startsWith(prefix))?.rule;
  return {
    url: url.length > MAX_URL_LENGTH ? url.slice(0, MAX_URL_LENGTH) : url,
    host: request.hostname,
    requestType: type.slice(0, 40),
    thirdParty,
    targeting: targetingTracker || beacon !== null || listed !== null,
    tracker,
    beacon,
    reasons,
    ruleId:
      tracker && (targetingTracker || (!beacon && !listed)) ? `trackerdb/${tracker.key}` : (firstRule('list/') ?? firstRule('beacon') ?? 'beacon'),
  };
}

/** Several patterns can match one URL; prefer a targeting one, as the most specific statement. */
function pickLookup(lookups: PatternLookup[]): PatternLookup | undefined {
  return lookups.find((l) => KNOWN_CATEGORIES.has(l.pattern.category) && isTargetingCategory(l.pattern.category as TrackerCategory)) ?? lookups[0];
}

function toMatch(lookup: PatternLookup, matchedBy: 'filter' | 'domain'): TrackerMatch {
  const category = KNOWN_CATEGORIES.has(lookup.pattern.category) ? (lookup.pattern.category as TrackerCategory) : 'misc';
  return {
    key: lookup.pattern.key,
    name: lookup.pattern.name,
    category,
    organization: lookup.organization ? { key: lookup.organization.key, name: lookup.organization.name } : null,
    matchedBy,
  };
}
