import type { BeakerDatabase } from './database';
import { deleteVisitEvents } from './delete-records';
import { inLogTx, rebuildDays } from './rollup-repair';
import { forgetStoredIds } from './stored-ids';

/**
 * Delete the given visits, their events, and rebuild the roll-ups of the days they were on, in one
 * transaction (all of it or none). Used for the visits of a private session when it ends
 * (lib/background/private-visits.ts). Ids the log does not hold are skipped. Returns how many
 * visits were deleted.
 */
export async function deleteVisitsById(db: BeakerDatabase, visitIds: readonly string[]): Promise<number> {
  if (visitIds.length === 0) return 0;
  const deleted = await inLogTx(db, async (tx) => {
    const visits = tx.objectStore('visits');
    const found = (await Promise.all(visitIds.map((id) => visits.get(id)))).filter((v) => v !== undefined);
    await Promise.all(found.map((v) => deleteVisitEvents(tx, v.id)));
    await Promise.all(found.map((v) => visits.delete(v.id)));
    await rebuildDays(tx, [...new Set(found.map((v) => v.day))]);
    return found.map((v) => v.id);
  });
  forgetStoredIds(db, deleted);
  return deleted.length;
}
