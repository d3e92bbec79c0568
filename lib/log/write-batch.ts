import type { CappedKind, Counts, LogEvent, PageVisit, SiteDay } from '../schema';
import { emptyCounts } from '../schema/events';
import { siteDayKey, type BeakerDatabase } from './database';
import { chunkEvents, visitChunkRange } from './event-chunks';
import { RollupChanges, orgDaysOf, type OrgDay, type SiteDayExtra } from './org-rollups';
import { storedIdsOf, type KnownVisit } from './stored-ids';

/** What a flush writes, in order, in one transaction. */
export type WriteOp =
  | { op: 'visit'; visit: PageVisit }
  | { op: 'event'; event: LogEvent }
  | { op: 'requests'; visitId: string; total: number; thirdParty: number }
  /** Events of a visit that were lost before they reached the log (completeness: `droppedEvents`). */
  | { op: 'dropped'; visitId: string; events: number }
  /** What the per-visit bounds kept out (schema 3, the visit's `capped`; lib/background/visit-bounds.ts). */
  | { op: 'capped'; visitId: string; kind: CappedKind; n: number };

/**
 * The roll-up count an event adds to (`null`: it is recorded but not counted): visits, site-days,
 * the badge (lib/background/recorder.ts) and the history's evidence all count through it. A dark
 * pattern recorded `possible` counts nowhere (schema 4; ARCHITECTURE.md, "Dark patterns: what is
 * found, and how sure"); one recorded before has no flag and was counted, as it still is.
 */
export function countedAs(event: LogEvent): keyof Counts | null {
  switch (event.kind) {
    case 'tracker':
      return event.targeting ? 'tracker' : null;
    case 'ad':
      return event.phase === 'rendered' ? 'ad' : null;
    case 'dark-pattern':
      return event.possible ? null : 'darkPattern';
    case 'engagement':
      return 'engagement';
  }
}

const visitIdOf = (item: WriteOp) => (item.op === 'visit' ? item.visit.id : item.op === 'event' ? item.event.visitId : item.visitId);

/**
 * One batch in one transaction over every store it touches, with a handful of requests whatever
 * its size (ARCHITECTURE.md, "The log"):
 *
 * 1. The batch's visits, the stored event ids of visits this connection has not seen yet
 *    (lib/log/stored-ids.ts), and the site-days (with their extras, and the organizations of the
 *    batch's tracker events, one record per day: lib/log/org-rollups.ts) of the visits the batch begins
 *    or this connection has written to: one round trip.
 * 2. The same roll-ups of other visits that were only on disk (after a restart), if any.
 * 3. The new events, one chunk per visit (lib/log/event-chunks.ts), and the roll-ups computed in
 *    memory: each touched visit, site-day, site-day extra and organization-day is put once.
 *
 * Idempotent: an event or visit already on disk (or twice in the batch) is written and counted
 * once. Any failure aborts the whole transaction (nothing of the batch is written) and is thrown
 * as it was raised. Returns the visits whose records changed.
 */
export async function writeBatch(db: BeakerDatabase, batch: readonly WriteOp[]): Promise<PageVisit[]> {
  const known = storedIdsOf(db);
  const visitIds = new Set(batch.map(visitIdOf));
  const tx = db.transaction(['eventChunks', 'visits', 'siteDays', 'orgDays', 'siteDayExtras'], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined); // awaited below; a failure before that is thrown from where it happens
  const chunks = tx.objectStore('eventChunks');
  const visits = tx.objectStore('visits');
  const siteDays = tx.objectStore('siteDays');
  const extras = tx.objectStore('siteDayExtras');
  const orgDays = tx.objectStore('orgDays');
  try {
    const visitReads = Promise.all([...visitIds].map((id) => visits.get(id)));
    const dayReads = new Map<string, Promise<SiteDay | undefined>>();
    const extraReads = new Map<string, Promise<SiteDayExtra | undefined>>();
    const readDay = (key: string) => {
      if (dayReads.has(key)) return;
      dayReads.set(key, siteDays.get(key));
      extraReads.set(key, extras.get(key));
    };
    const orgReads = new Map<string, Promise<OrgDay | undefined>>();
    const dayOfVisit = new Map<string, string>();
    const events = batch.flatMap((item) => (item.op === 'event' ? [item.event] : []));
    const readOrgs = () => {
      for (const day of orgDaysOf(events, (id) => dayOfVisit.get(id))) if (!orgReads.has(day)) orgReads.set(day, orgDays.get(day));
    };
    const knownByVisit = new Map<string, KnownVisit>();
    const idReads = [...visitIds].map(async (id) => {
      let visit = known.get(id);
      if (visit?.dayKey) {
        readDay(visit.dayKey);
        dayOfVisit.set(id, visit.dayKey.slice(visit.dayKey.lastIndexOf('|') + 1));
      }
      visit ??= { ids: new Set((await chunks.getAll(visitChunkRange(id))).flatMap((chunk) => chunk.events.map((e) => e.id))), dayKey: null };
      knownByVisit.set(id, visit);
    });
    // A visit's site-day is known from its op (or from an earlier batch): read it now rather than after the visit.
    for (const item of batch) {
      if (item.op !== 'visit') continue;
      readDay(siteDayKey(item.visit.site, item.visit.day));
      dayOfVisit.set(item.visit.id, item.visit.day);
    }
    readOrgs();
    const [storedVisits] = await Promise.all([visitReads, Promise.all(idReads)]);

    const visitById = new Map<string, PageVisit>();
    for (const visit of storedVisits) if (visit) visitById.set(visit.id, visit);
    const existingVisits = new Set(visitById.keys());
    // New visits in this batch (not yet on disk) are known from their ops.
    for (const item of batch) if (item.op === 'visit' && !visitById.has(item.visit.id)) visitById.set(item.visit.id, structuredClone(item.visit));
    for (const visit of visitById.values()) {
      readDay(siteDayKey(visit.site, visit.day));
      dayOfVisit.set(visit.id, visit.day);
    }
    readOrgs();
    const dayByKey = new Map<string, SiteDay>();
    const rollups = new RollupChanges();
    const [storedDays, storedExtras, storedOrgs] = await Promise.all([Promise.all(dayReads.values()), Promise.all(extraReads.values()), Promise.all(orgReads.values())]);
    for (const day of storedDays) if (day) dayByKey.set(day.key, day);
    for (const extra of storedExtras) if (extra) rollups.extras.set(extra.key, extra);
    for (const org of storedOrgs) if (org) rollups.orgs.set(org.day, org);

    const fresh: LogEvent[] = [];
    const touched = applyOps(batch, { visitById, existingVisits, dayByKey, rollups, isStored: (e) => knownByVisit.get(e.visitId)!.ids.has(e.id), fresh });
    const writes: Promise<unknown>[] = [];
    for (const chunk of chunkEvents(fresh)) writes.push(chunks.add(chunk));
    for (const visit of touched.visits) writes.push(visits.put(visit));
    for (const day of touched.days) writes.push(siteDays.put(day));
    for (const extra of rollups.touchedExtras) writes.push(extras.put(extra));
    for (const org of rollups.touchedOrgs) writes.push(orgDays.put(org));
    for (const write of writes) write.catch(() => undefined); // the transaction's outcome says it
    await Promise.all([...writes, done]);
    for (const event of fresh) knownByVisit.get(event.visitId)!.ids.add(event.id);
    for (const visit of visitById.values()) knownByVisit.get(visit.id)!.dayKey = siteDayKey(visit.site, visit.day);
    for (const [id, visit] of knownByVisit) known.set(id, visit);
    return [...touched.visits];
  } catch (error) {
    // Nothing of a failed batch may commit (a request thrown synchronously, e.g. an uncloneable
    // event, would otherwise leave the requests before it to auto-commit without their roll-ups).
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    known.forget(visitIds);
    throw error;
  }
}

interface BatchState {
  visitById: Map<string, PageVisit>;
  existingVisits: Set<string>;
  dayByKey: Map<string, SiteDay>;
  /** The v5 roll-ups (ads seen, organizations), from the records read. */
  rollups: RollupChanges;
  isStored: (event: LogEvent) => boolean;
  /** Filled with the events to write: new, once each, in batch order. */
  fresh: LogEvent[];
}

/** The roll-ups of a batch, in memory: what each op adds to its visit and site-day. */
function applyOps(batch: readonly WriteOp[], state: BatchState): { visits: Set<PageVisit>; days: Set<SiteDay> } {
  const { visitById, existingVisits, dayByKey } = state;
  const visits = new Set<PageVisit>();
  const days = new Set<SiteDay>();
  const dayFor = (visit: PageVisit): SiteDay => {
    const key = siteDayKey(visit.site, visit.day);
    let day = dayByKey.get(key);
    if (!day) dayByKey.set(key, (day = { key, site: visit.site, day: visit.day, visits: 0, counts: emptyCounts() }));
    return day;
  };
  const count = (visit: PageVisit | undefined, name: keyof Counts, n: number) => {
    if (!visit || n === 0) return;
    visit.counts[name] += n;
    visits.add(visit);
    const day = dayFor(visit);
    day.counts[name] += n;
    days.add(day);
  };
  const seen = new Set<string>();
  for (const item of batch) {
    if (item.op === 'visit') {
      if (existingVisits.has(item.visit.id)) continue; // replayed: already written
      existingVisits.add(item.visit.id);
      const visit = visitById.get(item.visit.id)!;
      visits.add(visit);
      const day = dayFor(visit);
      day.visits += 1;
      days.add(day);
      state.rollups.visit(visit);
    } else if (item.op === 'event') {
      if (seen.has(item.event.id) || state.isStored(item.event)) continue;
      seen.add(item.event.id);
      state.fresh.push(item.event);
      const visit = visitById.get(item.event.visitId);
      const name = countedAs(item.event);
      if (name) count(visit, name, 1);
      if (visit) state.rollups.event(visit, item.event);
    } else if (item.op === 'dropped') {
      const visit = visitById.get(item.visitId);
      if (visit) {
        visit.droppedEvents = (visit.droppedEvents ?? 0) + item.events;
        visits.add(visit);
      }
    } else if (item.op === 'capped') {
      const visit = visitById.get(item.visitId);
      if (visit && item.n > 0) {
        visit.capped = { ...visit.capped, [item.kind]: (visit.capped?.[item.kind] ?? 0) + item.n };
        visits.add(visit);
      }
    } else {
      const visit = visitById.get(item.visitId);
      count(visit, 'requests', item.total);
      count(visit, 'thirdPartyRequests', item.thirdParty);
    }
  }
  return { visits, days };
}
