import { columnsOf, type Column } from './columns';
import { RECORD_KINDS, type RecordKind } from './records';

/**
 * What every column of every record kind means, for docs/researchers.md (ARCHITECTURE.md,
 * "Exports"). The tables are generated from the columns (themselves from the JSON Schema) by
 * `npm run gen:schema`; a column without a description here fails tests/unit/export/field-docs.test.ts,
 * so a new field cannot ship undocumented. Keys: `<kind>.<column>` first, then `<column>`.
 */
const PROVENANCE: Record<string, string> = {
  id: 'Record id, `<sessionId>:<seq>`; unique, the key an import deduplicates on.',
  schemaVersion: 'Schema version of the record (README, "Schema changes").',
  extensionVersion: 'Version of the Beaker build that made the record.',
  trackerDbVersion: 'TrackerDB data and engine version the background used (`<data version>/engine-<n>`).',
  ruleId: 'The rule or detector that made the finding, with its version (`ads/gpt-slot@1`, `trackerdb/<tracker key>`, `beacon@1/collect-endpoint/<id>`, `engagement@1/click`).',
  visitId: 'The visit (page load) the record belongs to: `id` of a `visit` record.',
  tabId: 'Browser tab id (not stable across browser restarts).',
  frameId: 'Frame id within the tab; 0 is the top-level document.',
  topUrl: 'URL of the top-level page (privacy mode: registrable domain and path only).',
  site: 'Registrable domain (eTLD+1, private suffixes counted) of the top-level page: the unit of "per site" counts.',
  time: 'When it happened (UTC, ISO 8601, milliseconds).',
  sessionId: 'Browser-session id: survives service-worker restarts, not browser restarts.',
  seq: 'Sequence number, strictly increasing within a session (gaps allowed): the order of events.',
  kind: 'Record kind: `visit`, `tracker`, `ad`, `dark-pattern`, `engagement`.',
  reasons: 'JSON array of `{rule, detail}`: every rule that fired and its evidence (privacy mode empties `detail` of ads and dark patterns).',
  unitId: 'Id of the unit on the page, unique within the visit: pairs `rendered` and `impression` records of one ad.',
  locator: 'Short CSS path to the element (ids or tag and `:nth-of-type` steps, never page text).',
};

const FIELD_DOCS: Record<string, string> = {
  ...PROVENANCE,
  'visit.id': 'Visit id, `<sessionId>:v<seq>`: what events name in `visitId`.',
  'visit.url': 'URL of the page at the start of the visit (privacy mode: registrable domain and path only).',
  'visit.navigation': '`load` for a document load, `history` for a single-page-app navigation (pushState, replaceState, fragment); schema 3: `background`, requests of the site no tab showed (a service worker, a prefetch; `tabId` -1), one such visit per site and session day.',
  'visit.startedAt': 'When the navigation started (UTC).',
  'visit.day': 'Local calendar day of `startedAt` (`YYYY-MM-DD`) in the person\'s time zone: the roll-up key.',
  'visit.arrivalParams': 'JSON array of tracking-parameter *names* on the arrival URL (`utm_source`, `gclid`); values are never kept.',
  'visit.counts.tracker': 'Targeting requests of the visit (tracker records with `targeting` true).',
  'visit.counts.ad': 'Ad units rendered (ad records with `phase` `rendered`).',
  'visit.counts.darkPattern': 'Dark-pattern findings counted (schema 4: not those recorded `possible`, which are in the dark-pattern records only).',
  'visit.counts.engagement': 'Deliberate acts of the person (engagement records).',
  'visit.counts.requests': 'Every request the browser made for the visit (context for `counts.tracker`).',
  'visit.counts.thirdPartyRequests': 'Requests to another site than the page\'s.',
  'visit.seenFromStart': 'Beaker saw the visit from the start of its navigation (false for a tab already open when Beaker started).',
  'visit.droppedEvents': 'Events of the visit Beaker knows it lost (malformed or oversized messages, capped held requests, write-queue overflow).',
  'visit.partial': 'Schema 3: Beaker joined the visit late (the page loaded before the background was listening: a fresh browser\'s first page, a session-restored tab); its counts hold what the page\'s Resource Timing entries recovered and may miss more. Null (absent): false.',
  'visit.capped.darkPattern': 'Schema 3: dark-pattern findings the per-visit bounds kept out (repeats of one type and text, or over 100 per visit). Null: none.',
  'visit.capped.ad': 'Schema 3: ad units (and impressions of units not recorded) kept out over 300 per visit. Null: none.',
  'visit.capped.engagement': 'Schema 3: engagement acts kept out over 600 per visit. Null: none.',
  'visit.capped.resourceTiming': 'Schema 3: requests known only from Resource Timing kept out (over 500 per visit, or over 1,000 URLs per document). Null: none.',
  'tracker.observedBy': 'Schema 3: `resource-timing` when Beaker learnt of the request only from the page\'s Resource Timing entries (no webRequest event reached it); null: the browser\'s webRequest events.',
  'tracker.url': 'Request URL (privacy mode: registrable domain and path only).',
  'tracker.host': 'Request host (privacy mode: kept for third parties, the registrable domain for first-party requests).',
  'tracker.requestType': 'webRequest resource type (`script`, `image`, `xmlhttprequest`, `ping`, `beacon`, …).',
  'tracker.thirdParty': 'The request went to another site (registrable domain) than the page\'s.',
  'tracker.targeting': 'Counts as targeting (README, "What counts as targeting"); false: known service in a non-targeting category, kept as context.',
  'tracker.tracker.key': 'TrackerDB pattern key; null when TrackerDB does not know the request (a beacon rule fired).',
  'tracker.tracker.name': 'TrackerDB pattern name.',
  'tracker.tracker.category': 'TrackerDB category (`advertising`, `site_analytics`, `social_media`, `pornvertising`, `misc`, `hosting`, …).',
  'tracker.tracker.organization.key': 'TrackerDB organization key; null when the pattern has none.',
  'tracker.tracker.organization.name': 'TrackerDB organization name.',
  'tracker.tracker.matchedBy': '`filter` (a URL pattern matched) or `domain` (only the host is known to TrackerDB).',
  'tracker.beacon.kinds': 'JSON array of beacon kinds (`ping`, `beacon`, `collect-endpoint`, `tracking-param`, `tiny-image`); null: not a beacon.',
  'ad.phase': '`rendered` when the unit appears, `impression` when ≥ 50 % of it (30 % for large units) was in view for one continuous second (IAB/MRC).',
  'ad.network': 'Ad network or organization, when the detector knows it.',
  'dark-pattern.category': 'Taxonomy category (Mathur et al. 2019 plus consent and attention; `lib/dark-patterns/taxonomy.ts`).',
  'dark-pattern.type': 'Type within the category.',
  'dark-pattern.confidence': 'Detector confidence, 0 to 1.',
  'dark-pattern.evidence': 'Page text shown to the person, capped at 200 characters (privacy mode: empty).',
  'dark-pattern.explanationId': 'Id of the plain-language explanation shown in the popup.',
  'dark-pattern.possible': 'Schema 4: `true` when the confidence was below the person\'s threshold (setting `darkPatternMinConfidence`, default 0.6) as the finding was recorded: shown as "possible" and counted in no total (visit and site-day counts, badge, history); `false`: counted. Null: recorded before schema 4, when every finding was counted (the popup lists those below the threshold as possible).',
  'engagement.action': '`click`, `type` (once per focus of a text field), `submit`, `media` (media the person started).',
  'engagement.target.tag': 'Tag name of what the person acted on.',
  'engagement.target.role': 'Its ARIA role, or null.',
};

export function describeColumn(kind: RecordKind, column: Column): string | undefined {
  return FIELD_DOCS[`${kind}.${column.name}`] ?? FIELD_DOCS[column.name];
}

/** Markdown tables, one per kind: column, type, nullable, meaning. */
export function fieldTables(): string {
  return RECORD_KINDS.map((kind) => {
    const rows = columnsOf(kind).map(
      (c) => `| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : ''} | ${describeColumn(kind, c) ?? '**undocumented**'} |`,
    );
    return [`### \`${kind}\``, '', '| column | type | null | meaning |', '|---|---|---|---|', ...rows].join('\n');
  }).join('\n\n');
}

export const FIELDS_BEGIN = '<!-- fields:begin (generated by npm run gen:schema from lib/export/field-docs.ts) -->';
export const FIELDS_END = '<!-- fields:end -->';

/** The document with its generated section replaced (the markers must exist). */
export function withFieldTables(doc: string): string {
  const a = doc.indexOf(FIELDS_BEGIN);
  const b = doc.indexOf(FIELDS_END);
  if (a === -1 || b < a) throw new Error('the field-table markers are missing');
  return `${doc.slice(0, a + FIELDS_BEGIN.length)}\n\n${fieldTables()}\n\n${doc.slice(b)}`;
}
