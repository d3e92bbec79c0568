import type { EngagementAction, LogEvent, PageVisit, TrackerCategory } from '../schema';
import { ENGAGEMENT_ACTIONS, targetedCount } from '../schema/events';

export interface BeaconLine {
  url: string;
  host: string;
  why: string[];
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

export interface AdNetworkRow {
  network: string;
  rendered: number;
  seen: number;
  unitIds: string[];
}

export interface DarkPatternItem {
  unitId: string;
  category: string;
  type: string;
  explanationId: string;
  evidence: string;
  confidence: number;
}

export interface VisitSummary {
  visit: PageVisit;
  targeted: number;
  engaged: number;
  /** Organizations that targeted the person, most requests first. */
  organizations: OrganizationRow[];
  /** Known third parties that do not count (CDNs, players, tag managers…). */
  others: OrganizationRow[];
  /** Targeting requests to hosts TrackerDB does not know (beacon rules fired). */
  unknownBeacons: BeaconLine[];
  firstPartyTargeting: number;
  thirdPartyTargeting: number;
  engagement: Record<EngagementAction, number>;
  ads: { rendered: number; seen: number; networks: AdNetworkRow[] };
  /** Dark patterns grouped by category, in the order first seen. */
  darkPatterns: { category: string; items: DarkPatternItem[] }[];
}

/** Fold one visit's events into what the popup shows. Pure: unit-tested without a browser. */
export function summarizeVisit(visit: PageVisit, events: readonly LogEvent[]): VisitSummary {
  const orgs = new Map<string, OrganizationRow>();
  const unknownBeacons: BeaconLine[] = [];
  const engagement = Object.fromEntries(ENGAGEMENT_ACTIONS.map((a) => [a, 0])) as Record<EngagementAction, number>;
  let firstPartyTargeting = 0;
  let thirdPartyTargeting = 0;

  const adRows = new Map<string, AdNetworkRow>();
  const adNetworkOf = new Map<string, string>();
  const seenUnits = new Set<string>();
  const patterns = new Map<string, DarkPatternItem[]>();

  for (const event of events) {
    if (event.kind === 'ad') {
      if (event.phase === 'rendered') {
        const network = event.network ?? 'Unknown network';
        adNetworkOf.set(event.unitId, network);
        const row = adRows.get(network) ?? { network, rendered: 0, seen: 0, unitIds: [] };
        row.rendered += 1;
        row.unitIds.push(event.unitId);
        adRows.set(network, row);
      } else seenUnits.add(event.unitId);
      continue;
    }
    if (event.kind === 'dark-pattern') {
      const list = patterns.get(event.category) ?? [];
      list.push({
        unitId: event.unitId,
        category: event.category,
        type: event.type,
        explanationId: event.explanationId,
        evidence: event.evidence,
        confidence: event.confidence,
      });
      patterns.set(event.category, list);
      continue;
    }
    if (event.kind === 'engagement') {
      engagement[event.action] += 1;
      continue;
    }
    if (event.kind !== 'tracker') continue;
    if (event.targeting) {
      if (event.thirdParty) thirdPartyTargeting += 1;
      else firstPartyTargeting += 1;
    }
    const why = event.reasons.filter((r) => r.rule.startsWith('beacon')).map((r) => r.detail);
    const beacon = event.beacon ? { url: event.url, host: event.host, why } : null;
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
  for (const unitId of seenUnits) {
    const row = adRows.get(adNetworkOf.get(unitId) ?? '');
    if (row) row.seen += 1;
  }
  const networks = [...adRows.values()].sort((a, b) => b.rendered - a.rendered || a.network.localeCompare(b.network));
  const byRequests = (a: OrganizationRow, b: OrganizationRow) => b.requests - a.requests || a.name.localeCompare(b.name);
  const rows = [...orgs.values()];
  return {
    visit,
    targeted: targetedCount(visit.counts),
    engaged: visit.counts.engagement,
    organizations: rows.filter((r) => r.targeting).sort(byRequests),
    others: rows.filter((r) => !r.targeting).sort(byRequests),
    unknownBeacons,
    firstPartyTargeting,
    thirdPartyTargeting,
    engagement,
    ads: { rendered: networks.reduce((n, r) => n + r.rendered, 0), seen: networks.reduce((n, r) => n + r.seen, 0), networks },
    darkPatterns: [...patterns].map(([category, items]) => ({ category, items })),
  };
}

/** "24 times targeted for every time you engaged", in plain words. */
export function ratioInWords(targeted: number, engaged: number): string {
  if (targeted === 0 && engaged === 0) return 'Nothing targeted you here, and you have not interacted yet.';
  if (targeted === 0) return 'Nothing targeted you here.';
  if (engaged === 0) return `Targeted ${targeted} ${targeted === 1 ? 'time' : 'times'} before you did anything.`;
  const ratio = targeted / engaged;
  if (ratio < 1) return `You engaged more often than you were targeted (${engaged} to ${targeted}).`;
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'time' : 'times'} targeted for every time you engaged.`;
}
