/**
 * The simulated week of the dashboard's end-to-end tests (tests/e2e/dashboard.test.ts in Chromium,
 * tests/e2e/firefox-dashboard.test.ts in Firefox): past visits and their events as an import file
 * holds them, and what the dashboard must plot for it, computed from the records alone, so both
 * browsers are checked against the same numbers.
 */
import { daysBefore } from '../../lib/log/queries';
import type { Provenance } from '../../lib/schema/common';
import { SCHEMA_VERSION, emptyCounts, targetedCount, type Counts, type LogEvent, type PageVisit } from '../../lib/schema';

export type WeekRecord = ({ kind: 'visit' } & PageVisit) | LogEvent;

/** The week ending `today`: harvest.example daily, friendly.example twice, shop.example once. */
export function simulatedWeek(today: string): WeekRecord[] {
  let seq = 0;
  /** One visit `ago` days back at 12:00 local, with its events; counts as the write queue would. */
  const simulatedVisit = (site: string, ago: number, what: { trackers: number; ads?: number; seen?: number; patterns?: string[]; engaged?: number }): WeekRecord[] => {
    const day = daysBefore(today, ago);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const time = new Date(y, m - 1, d, 12).toISOString();
    const url = `https://${site}/day-${ago}`;
    const id = `sim:v${seq++}`;
    const base = (): Omit<Provenance, 'ruleId'> => {
      const n = seq++;
      return { id: `sim:${n}`, schemaVersion: SCHEMA_VERSION, extensionVersion: '0.1.0', trackerDbVersion: 'sim', visitId: id, tabId: 1, frameId: 0, topUrl: url, site, time, sessionId: 'sim', seq: n };
    };
    const events: LogEvent[] = [];
    for (let i = 0; i < what.trackers; i++) {
      events.push({
        ...base(),
        ruleId: 'trackerdb/filter',
        kind: 'tracker',
        url: `https://www.google-analytics.com/g/collect?v=2&n=${i}`,
        host: 'www.google-analytics.com',
        requestType: 'ping',
        thirdParty: true,
        targeting: true,
        tracker: { key: 'google_analytics', name: 'Google Analytics', category: 'site_analytics', organization: { key: 'google', name: 'Google' }, matchedBy: 'filter' },
        beacon: null,
        reasons: [{ rule: 'trackerdb/filter', detail: 'Google Analytics' }],
      });
    }
    for (let i = 0; i < (what.ads ?? 0); i++) {
      const ad = { ruleId: 'ads/gpt-slot@1', kind: 'ad' as const, unitId: `slot-${i}`, network: 'Google Ad Manager', locator: `#slot-${i}`, reasons: [] };
      events.push({ ...base(), ...ad, phase: 'rendered' });
      if (i < (what.seen ?? 0)) events.push({ ...base(), ...ad, phase: 'impression' });
    }
    for (const [i, type] of (what.patterns ?? []).entries()) {
      const category = type === 'countdown-timer' ? 'urgency' : 'social-proof';
      // Page text that looks like markup: it must stay text.
      const evidence = `<img src=x onerror="document.title='pwned'"> ${type} ${i}`;
      events.push({ ...base(), ruleId: `dark-patterns/${type}@1`, kind: 'dark-pattern', unitId: `dp-${i}`, category, type, confidence: 0.9, evidence, locator: '#offer', explanationId: `dark-pattern/${type}`, reasons: [] });
    }
    for (let i = 0; i < (what.engaged ?? 0); i++) events.push({ ...base(), ruleId: 'engagement@1/click', kind: 'engagement', action: 'click', target: { tag: 'button', role: null } });
    const counts: Counts = { ...emptyCounts(), tracker: what.trackers, ad: what.ads ?? 0, darkPattern: what.patterns?.length ?? 0, engagement: what.engaged ?? 0 };
    const visit: PageVisit = { id, schemaVersion: SCHEMA_VERSION, sessionId: 'sim', tabId: 1, url, site, navigation: 'load', startedAt: time, day, arrivalParams: [], counts, seenFromStart: true, droppedEvents: 0 };
    return [{ kind: 'visit', ...visit }, ...events];
  };
  return [
    ...[6, 5, 4, 3, 2, 1].flatMap((ago) => simulatedVisit('harvest.example', ago, { trackers: 2 + ago, ads: 2, seen: ago % 2, patterns: ago === 3 ? ['countdown-timer'] : [] })),
    ...[5, 2].flatMap((ago) => simulatedVisit('friendly.example', ago, { trackers: 1, engaged: 4 })),
    ...simulatedVisit('shop.example', 4, { trackers: 2, patterns: ['countdown-timer', 'activity-notification'], engaged: 1 }),
  ];
}

export interface PlottedDay {
  targeted: number;
  engaged: number;
  adSeen: number;
}

/** What the week's plot shows for `records` alone, day by day (oldest first): from their visits and impressions. */
export function plottedWeekOf(records: readonly WeekRecord[], today: string): Record<string, PlottedDay> {
  const out: Record<string, PlottedDay> = {};
  for (let ago = 6; ago >= 0; ago--) out[daysBefore(today, ago)] = { targeted: 0, engaged: 0, adSeen: 0 };
  const dayOf = new Map<string, string>();
  for (const r of records) {
    if (r.kind !== 'visit' || !out[r.day]) continue;
    dayOf.set(r.id, r.day);
    out[r.day]!.targeted += targetedCount(r.counts);
    out[r.day]!.engaged += r.counts.engagement;
  }
  for (const r of records) if (r.kind === 'ad' && r.phase === 'impression' && dayOf.has(r.visitId)) out[dayOf.get(r.visitId)!]!.adSeen += 1;
  return out;
}
