import type { LogEvent, PageVisit, SiteDay } from '../schema';
import { emptyCounts } from '../schema/events';
import { siteDayKey, type BeakerDatabase } from './database';
import { chunkEvents, visitChunkRange } from './event-chunks';
import { addCounts } from './queries';
import { LOG_STORES, rebuildDays } from './rollup-repair';
import { forgetStoredIds } from './stored-ids';

/** What an import wrote (ARCHITECTURE.md, "Export and import"). */
export interface ImportSummary {
  /** New records written, per kind (`visit`, `tracker`, …). */
  imported: Record<string, number>;
  /** Records whose id the log already held: skipped, the stored one kept. */
  duplicates: Record<string, number>;
  /** Site-days whose roll-ups the imported visits changed. */
  siteDays: number;
}

const kindOf = (record: { kind: 'visit' } | LogEvent) => record.kind;

/**
 * Writes one validated file in **one** transaction (all or nothing): records whose id is already
 * stored are skipped (an event's, among its visit's: the chunks of each visit the file has
 * events of are read once), new events are written in chunks as the write queue writes them, the site-day roll-ups of the new visits are added in the same transaction
 * (as the write queue would have: `visits` + 1 and the visit's counts, which are its own record
 * of what it saw). An event changes no count: its visit's counts already hold it, whether the
 * visit comes in this file, was stored before, or was left out of the export by a filter.
 * The roll-ups made from events (ads seen, organizations: lib/log/org-rollups.ts) of every day the
 * file added to are rebuilt from that day's visits and events, in the same transaction; an event
 * whose visit is in neither the file nor the log counts nowhere, as in the write queue.
 */
export async function importRecords(db: BeakerDatabase, visits: readonly PageVisit[], events: readonly LogEvent[]): Promise<ImportSummary> {
  const tx = db.transaction([...LOG_STORES], 'readwrite');
  const summary: ImportSummary = { imported: {}, duplicates: {}, siteDays: 0 };
  const bump = (into: Record<string, number>, kind: string) => (into[kind] = (into[kind] ?? 0) + 1);
  try {
    const visitStore = tx.objectStore('visits');
    const chunkStore = tx.objectStore('eventChunks');
    const dayStore = tx.objectStore('siteDays');
    const eventVisits = [...new Set(events.map((e) => e.visitId))];
    const fileVisitDay = new Map(visits.map((v) => [v.id, v.day]));
    const [visitKeys, storedIds, storedVisits] = await Promise.all([
      Promise.all(visits.map((v) => visitStore.getKey(v.id))),
      Promise.all(eventVisits.map(async (id) => (await chunkStore.getAll(visitChunkRange(id))).flatMap((c) => c.events.map((e) => e.id)))),
      Promise.all(eventVisits.filter((id) => !fileVisitDay.has(id)).map((id) => visitStore.get(id))),
    ]);
    const dayOfVisit = new Map(fileVisitDay);
    for (const visit of storedVisits) if (visit) dayOfVisit.set(visit.id, visit.day);
    const stored = new Set(storedIds.flat());
    const newVisits = visits.filter((_, i) => visitKeys[i] === undefined);
    const firstOfDay = new Map<string, PageVisit>();
    for (const visit of newVisits) if (!firstOfDay.has(siteDayKey(visit.site, visit.day))) firstOfDay.set(siteDayKey(visit.site, visit.day), visit);
    const storedDays = await Promise.all([...firstOfDay.keys()].map((key) => dayStore.get(key)));
    const days = new Map<string, SiteDay>();
    [...firstOfDay].forEach(([key, { site, day }], i) => days.set(key, storedDays[i] ?? { key, site, day, visits: 0, counts: emptyCounts() }));
    const writes: Promise<unknown>[] = [];
    visits.forEach((visit, i) => {
      if (visitKeys[i] !== undefined) return void bump(summary.duplicates, 'visit');
      bump(summary.imported, 'visit');
      writes.push(visitStore.add(visit));
      const day = days.get(siteDayKey(visit.site, visit.day))!;
      day.visits += 1;
      addCounts(day.counts, visit.counts);
    });
    const fresh = events.filter((event) => {
      const isNew = !stored.has(event.id);
      bump(isNew ? summary.imported : summary.duplicates, kindOf(event));
      return isNew;
    });
    for (const chunk of chunkEvents(fresh)) writes.push(chunkStore.add(chunk));
    for (const day of days.values()) writes.push(dayStore.put(day));
    summary.siteDays = days.size;
    await Promise.all(writes);
    const touched = new Set(newVisits.map((v) => v.day));
    for (const event of fresh) {
      const day = dayOfVisit.get(event.visitId);
      if (day !== undefined) touched.add(day);
    }
    await rebuildDays(tx, [...touched]);
    await tx.done;
    forgetStoredIds(db, eventVisits);
    return summary;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
