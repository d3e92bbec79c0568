/**
 * Session id and a monotonic sequence number that survive service-worker restarts (not browser
 * restarts). Numbers are handed out from a block whose ceiling is persisted *before* it is used;
 * a restarted worker starts at the last persisted ceiling, so numbers only ever grow (gaps allowed).
 */
export interface SessionStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface Sequencer {
  readonly sessionId: string;
  next(): number;
}

const KEY = 'beaker.sequence';
const BLOCK = 10_000;

export async function createSequencer(store: SessionStore, newId: () => string = () => crypto.randomUUID()): Promise<Sequencer> {
  const saved = (await store.get(KEY))[KEY] as { sessionId?: unknown; ceiling?: unknown } | undefined;
  const sessionId = typeof saved?.sessionId === 'string' ? saved.sessionId : newId();
  let seq = typeof saved?.ceiling === 'number' && Number.isSafeInteger(saved.ceiling) ? saved.ceiling : 0;
  let ceiling = seq + BLOCK;
  await store.set({ [KEY]: { sessionId, ceiling } });
  // The highest ceiling asked of the store (writes land in order); `ceiling` is the highest landed.
  let requested = ceiling;
  return {
    sessionId,
    next() {
      // Extend early (half a block ahead) so the persisted ceiling is always above what is in use,
      // and again whenever use catches up with what was asked, even before that write has landed.
      if (requested - seq < BLOCK / 2) {
        const nextCeiling = Math.max(requested, ceiling, seq) + BLOCK;
        requested = nextCeiling;
        void store.set({ [KEY]: { sessionId, ceiling: nextCeiling } }).then(
          () => {
            ceiling = Math.max(ceiling, nextCeiling);
          },
          () => {
            // Not persisted: ask again on the next number.
            requested = ceiling;
          },
        );
      }
      return seq++;
    },
  };
}
