import type { EventOf, FamilyRecords } from '../core/family';
import type { FindingReport } from '../schema/content-messages';

export interface AdNetworkRow {
  network: string;
  rendered: number;
  seen: number;
  unitIds: string[];
}

export interface AdSummary {
  ads: { rendered: number; seen: number; networks: AdNetworkRow[] };
}

/** Ad units as log records, and as the popup's networks (ARCHITECTURE.md, "The registry"). */
export const adRecords: FamilyRecords<'ad', Extract<FindingReport, { kind: 'ad' }>, AdSummary> = {
  kind: 'ad',
  toEvent: ({ kind, unitId, phase, network, locator, reasons }, base) => ({ ...base, kind, unitId, phase, network, locator, reasons }),
  summarise: summariseAds,
};

/** Units by network; a unit counts as seen once it had an impression. */
function summariseAds(events: readonly EventOf<'ad'>[]): AdSummary {
  const rows = new Map<string, AdNetworkRow>();
  const networkOf = new Map<string, string>();
  const seenUnits = new Set<string>();
  for (const event of events) {
    if (event.phase !== 'rendered') {
      seenUnits.add(event.unitId);
      continue;
    }
    const network = event.network ?? 'Unknown network';
    networkOf.set(event.unitId, network);
    const row = rows.get(network) ?? { network, rendered: 0, seen: 0, unitIds: [] };
    row.rendered += 1;
    row.unitIds.push(event.unitId);
    rows.set(network, row);
  }
  for (const unitId of seenUnits) {
    const row = rows.get(networkOf.get(unitId) ?? '');
    if (row) row.seen += 1;
  }
  const networks = [...rows.values()].sort((a, b) => b.rendered - a.rendered || a.network.localeCompare(b.network));
  return { ads: { rendered: networks.reduce((n, r) => n + r.rendered, 0), seen: networks.reduce((n, r) => n + r.seen, 0), networks } };
}
