import { storage } from '#imports';

/**
 * Visits recorded in private windows (issue #13, item 7). Only when the person turned on
 * `recordPrivateWindows`; even then they do not outlast the private session: their ids are kept
 * here (in `storage.local`, so a browser that quit with a private window open still knows them at
 * its next start) and the background deletes them, with their events and roll-ups, when the last
 * private tab closes, or at start when no private tab is open.
 */
const item = storage.defineItem<unknown>('local:privateVisits', { fallback: [] });
const MAX_IDS = 50_000;

export interface PrivateVisits {
  add(visitId: string): void;
  /** The ids noted so far (awaits pending writes). */
  ids(): Promise<string[]>;
  /** Forget these ids (after they were deleted). */
  forget(visitIds: readonly string[]): Promise<void>;
}

export function createPrivateVisits(area: { getValue(): Promise<unknown>; setValue(value: string[]): Promise<void> } = item): PrivateVisits {
  let chain: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<string[]> => {
    const raw = await area.getValue();
    return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
  };
  const update = (change: (ids: string[]) => string[]) => {
    chain = chain.then(async () => area.setValue(change(await read()).slice(-MAX_IDS))).catch((error) => console.error('[beaker] private visits not noted', error));
    return chain;
  };
  return {
    add: (visitId) => void update((ids) => (ids.includes(visitId) ? ids : [...ids, visitId])),
    ids: async () => {
      await chain;
      return read();
    },
    forget: async (visitIds) => {
      const gone = new Set(visitIds);
      await update((ids) => ids.filter((id) => !gone.has(id)));
    },
  };
}
