import type { Page } from 'playwright-core';
import type { TrackerFinding } from '../../lib/schema/events';

/**
 * The dashboard bench's fill, inside an extension page of the built extension (scripts/bench/dashboard.ts):
 * the page has the bundle `__beakerDash` (lib/log's chunking and roll-up code). Events are made in
 * the page (nothing crosses CDP per event) and written straight into the extension's `beaker`
 * database, which the background has open at the current version: each transaction puts the
 * visits and their chunks of 100 visits (one chunk of 20 events each), without a request awaited
 * alone. The roll-ups (siteDays, siteDayExtras, orgDays) are computed in memory by the same code
 * the write queue runs (`RollupChanges`) and put at the end of each fill, so the dashboard reads a
 * log whose roll-ups pass their check. State lives in the page between fills: a second fill adds.
 */

export interface FillArgs {
  /** Events to add in this fill. */
  events: number;
  templates: TrackerFinding[];
  trackerDbVersion: string;
  schemaVersion: number;
  /** Local days the visits spread over, ending today; sites per day. */
  days: number;
  sites: number;
}

export interface FillResult {
  ms: number;
  totalEvents: number;
  totalVisits: number;
  siteDays: number;
  orgDays: number;
  /** Targeted (tracker + ad + dark pattern) per day over the last 7 days, oldest first: what the dashboard must plot. */
  lastWeekTargeted: number[];
}

export const PER_VISIT = 20;
const VISITS_PER_TX = 100;

/** Runs inside the extension page. No named inner functions (see NAME_SHIM in scripts/bench/bundle.ts). */
export function fillLog(page: Page, args: FillArgs): Promise<FillResult> {
  return page.evaluate(
    async ({ a, perVisit, visitsPerTx }) => {
      const D = (globalThis as any).__beakerDash;
      const g = globalThis as any;
      const state = (g.__fillState ??= { visits: 0, events: 0, seq: 0, siteDays: new Map(), rollups: new D.RollupChanges(), today: D.localDay(new Date()) });
      const raw: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open('beaker');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const done = (tx: IDBTransaction) =>
        new Promise((ok, fail) => {
          tx.oncomplete = ok;
          tx.onabort = () => fail(tx.error);
        });
      const sessionId = 'bench-dash';
      const makeVisit = () => {
        const v = state.visits++;
        const ago = v % a.days;
        const day = D.daysBefore(state.today, ago);
        const site = `site${Math.floor(v / a.days) % a.sites}.example`;
        const [y, m, d] = day.split('-').map(Number);
        const startedAt = new Date(y, m - 1, d, 8 + (v % 12), v % 60, v % 59).toISOString();
        const url = `https://${site}/page/${v}`;
        const id = `${sessionId}:v${v}`;
        const counts = { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 };
        const visit = { id, schemaVersion: a.schemaVersion, sessionId, tabId: 1, url, site, navigation: 'load', startedAt, day, arrivalParams: [], counts, seenFromStart: true, droppedEvents: 0 };
        const events: any[] = [];
        const base = () => {
          const s = state.seq++;
          return { id: `${sessionId}:${s}`, schemaVersion: a.schemaVersion, extensionVersion: '0.1.0', trackerDbVersion: a.trackerDbVersion, visitId: id, tabId: 1, frameId: 0, topUrl: url, site, time: startedAt, sessionId, seq: s };
        };
        for (let i = 0; i < perVisit; i++) {
          const slot = i % 20;
          if (slot < 14) {
            const finding = a.templates[(v * 31 + i) % a.templates.length];
            events.push({ ...base(), kind: 'tracker', ...finding! });
            counts.requests += 1;
            if (finding!.thirdParty) counts.thirdPartyRequests += 1;
            if (finding!.targeting) counts.tracker += 1;
          } else if (slot < 17) {
            const unitId = `slot-${slot}`;
            const phase = slot === 16 ? 'impression' : 'rendered';
            events.push({ ...base(), ruleId: 'ads/gpt-slot@1', kind: 'ad', phase, unitId: slot === 16 ? 'slot-14' : unitId, network: 'Google Ad Manager', locator: `#${unitId}`, reasons: [] });
            if (phase === 'rendered') counts.ad += 1;
          } else if (slot === 19 && v % 20 === 0) {
            events.push({ ...base(), ruleId: 'dark-patterns/countdown-timer@1', kind: 'dark-pattern', unitId: 'dp-1', category: 'urgency', type: 'countdown-timer', confidence: 0.9, evidence: 'Offer ends in 09:59', locator: '#offer', explanationId: 'dark-pattern/countdown-timer', reasons: [] });
            counts.darkPattern += 1;
          } else {
            events.push({ ...base(), ruleId: 'engagement@1/click', kind: 'engagement', action: 'click', target: { tag: 'button', role: null } });
            counts.engagement += 1;
          }
        }
        const key = `${site}|${day}`;
        const sd = state.siteDays.get(key) ?? { key, site, day, visits: 0, counts: { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 } };
        sd.visits += 1;
        for (const k of Object.keys(counts)) sd.counts[k] += (counts as any)[k];
        state.siteDays.set(key, sd);
        state.rollups.visit(visit);
        for (const e of events) state.rollups.event(visit, e);
        return { visit, events };
      };

      const t0 = performance.now();
      let made = 0;
      while (made < a.events) {
        const tx = raw.transaction(['eventChunks', 'visits'], 'readwrite');
        const chunks = tx.objectStore('eventChunks');
        const visits = tx.objectStore('visits');
        for (let i = 0; i < visitsPerTx && made < a.events; i++) {
          const { visit, events } = makeVisit();
          for (const chunk of D.chunkEvents(events)) chunks.put(chunk);
          visits.put(visit);
          made += events.length;
        }
        await done(tx);
      }
      const tx = raw.transaction(['siteDays', 'siteDayExtras', 'orgDays'], 'readwrite');
      for (const row of state.siteDays.values()) tx.objectStore('siteDays').put(row);
      for (const row of state.rollups.extras.values()) tx.objectStore('siteDayExtras').put(row);
      for (const row of state.rollups.orgs.values()) tx.objectStore('orgDays').put(row);
      await done(tx);
      const ms = performance.now() - t0;
      raw.close();
      state.events += made;
      const lastWeekTargeted: number[] = [];
      for (let ago = 6; ago >= 0; ago--) {
        const day = D.daysBefore(state.today, ago);
        let n = 0;
        for (const sd of state.siteDays.values()) if (sd.day === day) n += sd.counts.tracker + sd.counts.ad + sd.counts.darkPattern;
        lastWeekTargeted.push(n);
      }
      return { ms, totalEvents: state.events, totalVisits: state.visits, siteDays: state.siteDays.size, orgDays: [...state.rollups.orgs.values()].reduce((n: number, d: any) => n + Object.keys(d.orgs).length, 0), lastWeekTargeted };
    },
    { a: args, perVisit: PER_VISIT, visitsPerTx: VISITS_PER_TX },
  );
}
