import type { EventOf, FamilyRecords } from '../core/family';
import type { TrackerCategory, TrackerFinding } from '../schema/events';

export interface BeaconLine {
  url: string;
  host: string;
  why: string[];
  /** What said it tracks: beacon rules (lib/trackers/beacon-rules.ts) or a filter list's rule. */
  source: 'beacon' | 'list';
}

export interface OrganizationRow {
  key: string;
  name: string;
  /** The first category seen, for the colour dot; `categories` lists all of them. */
  category: TrackerCategory;
  categories: TrackerCategory[];
  requests: number;
  thirdParty: boolean;
  targeting: boolean;
  trackers: string[];
  beacons: BeaconLine[];
}

export interface TrackerSummary {
  /** Organizations that targeted the person, most requests first. */
  organizations: OrganizationRow[];
  /** Known third parties that do not count (CDNs, players, tag managers…). */
  others: OrganizationRow[];
  /** Targeting requests to hosts TrackerDB does not know (beacon rules or a filter list said so). */
  unknownBeacons: BeaconLine[];
  firstPartyTargeting: number;
  thirdPartyTargeting: number;
}

/** Tracker requests as log records, and as the popup's organizations (ARCHITECTURE.md, "The registry"). */
export const trackerRecords: FamilyRecords<'tracker', TrackerFinding, TrackerSummary> = {
  kind: 'tracker',
  toEvent: (finding, base) => ({ ...base, kind: 'tracker', ...finding }),
  summarise: summariseTrackers,
};

function summariseTrackers(events: readonly EventOf<'tracker'>[]): TrackerSummary {
  const orgs = new Map<string, OrganizationRow>();
  const unknownBeacons: BeaconLine[] = [];
  let firstPartyTargeting = 0;
  let thirdPartyTargeting = 0;
  for (const event of events) {
    if (event.targeting) {
      if (event.thirdParty) thirdPartyTargeting += 1;
      else firstPartyTargeting += 1;
    }
    const why = event.reasons.filter((r) => r.rule.startsWith('beacon')).map((r) => r.detail);
    const listWhy = event.reasons.filter((r) => r.rule.startsWith('list/')).map((r) => r.detail);
    const beacon: BeaconLine | null = event.beacon
      ? { url: event.url, host: event.host, why, source: 'beacon' }
      : event.targeting && listWhy.length > 0
        ? { url: event.url, host: event.host, why: listWhy, source: 'list' }
        : null;
    if (!event.tracker) {
      if (beacon) unknownBeacons.push(beacon);
      continue;
    }
    const orgKey = event.tracker.organization?.key ?? `pattern:${event.tracker.key}`;
    const key = `${orgKey}|${event.targeting ? 't' : 'o'}`;
    const row = orgs.get(key) ?? {
      key: orgKey,
      name: event.tracker.organization?.name ?? event.tracker.name,
      category: event.tracker.category,
      categories: [],
      requests: 0,
      thirdParty: event.thirdParty,
      targeting: event.targeting,
      trackers: [],
      beacons: [],
    };
    row.requests += 1;
    if (!row.categories.includes(event.tracker.category)) row.categories.push(event.tracker.category);
    row.thirdParty ||= event.thirdParty;
    if (!row.trackers.includes(event.tracker.name)) row.trackers.push(event.tracker.name);
    if (beacon) row.beacons.push(beacon);
    orgs.set(key, row);
  }
  const byRequests = (a: OrganizationRow, b: OrganizationRow) => b.requests - a.requests || a.name.localeCompare(b.name);
  const rows = [...orgs.values()];
  return {
    organizations: rows.filter((r) => r.targeting).sort(byRequests),
    others: rows.filter((r) => !r.targeting).sort(byRequests),
    unknownBeacons,
    firstPartyTargeting,
    thirdPartyTargeting,
  };
}
