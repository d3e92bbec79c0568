/**
 * The ids of the events stored for recent visits, per database connection (ARCHITECTURE.md,
 * "The log"): what keeps appends idempotent now that an event is no longer a record whose key
 * could refuse a second `add`. The write queue reads a visit's stored ids from its chunks the
 * first time a connection's batch touches it (one `getAll` in the batch's first round trip; a
 * visit begun in the batch has none), then keeps them here and adds what each committed batch
 * wrote. A batch that fails forgets its visits, so its retry reads them again from disk.
 *
 * Anything else that writes or deletes chunks (import, retention, data controls, "delete all
 * data") calls `forgetStoredIds` for the visits it touched, or for all: the next batch reads again.
 */
/** What a connection knows of a visit it wrote to. */
export interface KnownVisit {
  /** The ids of its stored events. */
  ids: Set<string>;
  /** Its site-day's key once the visit is stored (a visit's site and day never change), so a
   * later batch reads the site-day with the visit, in one round trip. */
  dayKey: string | null;
}

export interface StoredIds {
  /** What is known of the visit, if anything; marks it recently used. */
  get(visitId: string): KnownVisit | undefined;
  set(visitId: string, known: KnownVisit): void;
  forget(visitIds?: Iterable<string>): void;
}

/** Visits kept (least recently used dropped first): a person has far fewer pages open. */
const MAX_VISITS = 256;
/** Ids kept over all visits (about 50 bytes each); the most recent visit is kept whatever its size. */
const MAX_IDS = 200_000;

function createStoredIds(): StoredIds {
  const visits = new Map<string, KnownVisit>();
  const total = () => {
    let n = 0;
    for (const known of visits.values()) n += known.ids.size;
    return n;
  };
  return {
    get(visitId) {
      const known = visits.get(visitId);
      if (known) {
        visits.delete(visitId);
        visits.set(visitId, known);
      }
      return known;
    },
    set(visitId, known) {
      visits.delete(visitId);
      visits.set(visitId, known);
      while (visits.size > 1 && (visits.size > MAX_VISITS || total() > MAX_IDS)) visits.delete(visits.keys().next().value!);
    },
    forget(visitIds) {
      if (visitIds === undefined) visits.clear();
      else for (const id of visitIds) visits.delete(id);
    },
  };
}

const byConnection = new WeakMap<object, StoredIds>();

/** The connection's known ids (a reopened database starts empty, so it reads from disk). */
export function storedIdsOf(db: object): StoredIds {
  let ids = byConnection.get(db);
  if (!ids) byConnection.set(db, (ids = createStoredIds()));
  return ids;
}

export function forgetStoredIds(db: object, visitIds?: Iterable<string>): void {
  byConnection.get(db)?.forget(visitIds);
}
