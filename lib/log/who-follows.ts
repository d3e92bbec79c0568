import type { SiteDay } from '../schema';
import type { OrgDay, SiteDayExtra } from './org-rollups';
import type { OrganizationRow, SiteCompanies, SiteNetwork, SiteOrganization, WhoFollows } from '../history-messages';

/**
 * "Who follows you" (issue #9): organizations ranked by how many of your sites they reached over
 * the days of a span, each with its daily series of sites reached. Made from the `orgDays` roll-ups
 * of those days alone (one record per day, lib/log/org-rollups.ts), checked first by lib/log/rollup-repair.ts; no event
 * is read. A site counts for an organization when at least one request of a visit to it went there.
 */

/** Organizations listed in the answer (the total says how many there were). */
export const MAX_ORGANIZATIONS = 30;
const TOP_SITES = 5;

export function whoFollows(days: readonly string[], orgDays: readonly OrgDay[], siteDays: readonly SiteDay[], limit = MAX_ORGANIZATIONS): WhoFollows {
  const index = new Map(days.map((day, i) => [day, i]));
  const byOrg = new Map<string, { row: OrganizationRow; perSite: Map<string, number>; latest: string }>();
  for (const { day, orgs } of orgDays) {
    const i = index.get(day);
    if (i === undefined) continue;
    for (const [org, od] of Object.entries(orgs)) {
      let entry = byOrg.get(org);
      if (!entry) {
        const row: OrganizationRow = { org, name: od.name, category: od.category, sites: 0, topSites: [], requests: 0, daily: days.map(() => 0), capped: false };
        byOrg.set(org, (entry = { row, perSite: new Map(), latest: day }));
      }
      const { row, perSite } = entry;
      row.requests += od.requests;
      row.capped ||= od.unlisted > 0;
      const listed = Object.entries(od.sites);
      row.daily[i] = listed.length;
      for (const [site, n] of listed) perSite.set(site, (perSite.get(site) ?? 0) + n);
      // The newest day's name and category win (TrackerDB may have renamed it).
      if (day >= entry.latest) {
        entry.latest = day;
        row.name = od.name;
        row.category = od.category;
      }
    }
  }
  const rows = [...byOrg.values()].map(({ row, perSite }) => {
    row.sites = perSite.size;
    row.topSites = [...perSite].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_SITES).map(([site]) => site);
    return row;
  });
  rows.sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.name.localeCompare(b.name) || a.org.localeCompare(b.org));
  const yourSites = new Set(siteDays.filter((d) => index.has(d.day) && d.visits > 0).map((d) => d.site)).size;
  return { organizations: rows.slice(0, limit), total: rows.length, yourSites };
}

/**
 * One site's organizations and ad networks over the days of a span (issue #9, the per-site view),
 * from the roll-ups alone: `orgDays` list the requests each organization received from each site
 * (up to MAX_ORG_SITES sites a day), `siteDayExtras` the site-day's requests to every organization
 * (`orgRequests`, so what no organization listed is counted as `unlisted`) and its ads per network.
 */
export function siteCompanies(site: string, days: readonly string[], orgDays: readonly OrgDay[], extras: readonly SiteDayExtra[]): SiteCompanies {
  const inSpan = new Set(days);
  const byOrg = new Map<string, SiteOrganization & { latest: string }>();
  let listed = 0;
  for (const { day, orgs } of orgDays) {
    if (!inSpan.has(day)) continue;
    for (const [org, od] of Object.entries(orgs)) {
      const n = od.sites[site];
      if (n === undefined) continue;
      listed += n;
      let row = byOrg.get(org);
      if (!row) byOrg.set(org, (row = { org, name: od.name, category: od.category, requests: 0, days: 0, latest: day }));
      row.requests += n;
      row.days += 1;
      if (day >= row.latest) {
        row.latest = day;
        row.name = od.name;
        row.category = od.category;
      }
    }
  }
  const networks = new Map<string | null, SiteNetwork>();
  let total = 0;
  for (const extra of extras) {
    if (extra.site !== site || !inSpan.has(extra.day)) continue;
    total += extra.orgRequests;
    for (const { network, shown, seen } of extra.networks ?? []) {
      const row = networks.get(network) ?? { network, shown: 0, seen: 0 };
      row.shown += shown;
      row.seen += seen;
      networks.set(network, row);
    }
  }
  const organizations = [...byOrg.values()]
    .map(({ latest: _latest, ...row }) => row)
    .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name) || a.org.localeCompare(b.org));
  const name = (n: SiteNetwork) => n.network ?? '';
  return {
    organizations,
    unlisted: Math.max(0, total - listed),
    networks: [...networks.values()].sort((a, b) => b.shown - a.shown || b.seen - a.seen || name(a).localeCompare(name(b))),
  };
}
