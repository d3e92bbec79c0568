import type { ExportRecord } from '../../lib/export/records';
import type { SummaryRow } from './summary';

/**
 * What two crawls of the same URL must agree on (ARCHITECTURE.md, "Crawl"), used by the e2e test
 * (two queue workers vs one) and the bench (N workers vs one): no ids, times, tabs or sessions, and
 * not whether an ad was seen (≥ 50 % in view for 1 s: a matter of timing on a loaded machine).
 */
export function stableRow(r: SummaryRow) {
  const { key, url, finalUrl, status, httpStatus, visits, trackerRequests, trackers, organizations, beacons, adsRendered, darkPatterns, darkPatternsByCategory } = r;
  return { key, url, finalUrl, status, httpStatus, visits, trackerRequests, trackers, organizations, beacons, adsRendered, darkPatterns, darkPatternsByCategory };
}

/** A URL's records as sorted lines of what was found; unit ids are made per page load, so they are left out. */
export function stableRecords(records: readonly ExportRecord[]): string[] {
  return records
    .filter((r) => !(r.kind === 'ad' && r.phase === 'impression'))
    .map((r) => {
      if (r.kind === 'visit') return `visit ${r.url} ${r.navigation}`;
      if (r.kind === 'tracker') return `tracker ${r.ruleId} ${r.url} ${r.targeting}`;
      if (r.kind === 'ad') return `ad ${r.ruleId} ${r.phase} ${r.network}`;
      if (r.kind === 'dark-pattern') return `dark-pattern ${r.ruleId} ${r.type} ${r.category}`;
      return `engagement ${r.action}`;
    })
    .sort();
}
