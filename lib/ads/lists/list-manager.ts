import { storage } from '#imports';
import type { FiltersEngine } from '@ghostery/adblocker';
import { z } from 'zod/mini';
import type { ListAnswer, ListSelectorsMessage } from '../../schema/content-messages';
import { EASYLIST_URL, cosmeticLines, listPageOf, looksLikeFilterList, parseCosmeticList, selectorsFor } from './easylist';

/**
 * Owns EasyList in the background: fetches it while the setting is on, caches it, parses it, and
 * answers content scripts' `list-selectors` questions.
 *
 * Privacy: fetching the list is the only network request Beaker makes of its own. It is made only
 * while `settings.lists.easylist` is on (off by default), without cookies or referrer, at most once
 * a day; a failed attempt is retried after an hour, not sooner. Off means no request, ever.
 *
 * Cache: storage.local holds the list's cosmetic lines (about half of EasyList; blocking rules are
 * dropped) and when they were fetched. Why text, not `engine.serialize()`: the serialised engine is
 * bound to the @ghostery/adblocker version (it would be thrown away, and the list fetched early, by
 * each update that moves the version @ghostery/trackerdb pins); it is larger than the text and
 * binary, which Chrome's storage.local only holds as JSON (base64). The cost is a parse when the
 * worker starts (a few hundred ms for a list EasyList's size, off the page's path: content scripts
 * wait at most ANSWER_WAIT_MS). Why not IndexedDB: the database holds the person's log and has one
 * owner (lib/log/database.ts); this is a public, disposable cache, deleted when the setting goes off.
 */

export const FETCH_INTERVAL_MS = 24 * 3600_000;
export const RETRY_INTERVAL_MS = 3600_000;
/** EasyList is about 2 MB; a body far larger is not the list. */
export const MAX_LIST_CHARS = 16 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 60_000;
/** How long a question waits for a list still loading before it is answered `loading`. */
export const ANSWER_WAIT_MS = 1500;

const cachedList = z.object({
  url: z.string(),
  /** When `text` was fetched (epoch ms); 0 with no text. */
  fetchedAt: z.number(),
  /** When a fetch was last tried, whether it worked or not. */
  attemptedAt: z.number(),
  text: z.nullable(z.string()),
});
type CachedList = z.infer<typeof cachedList>;

/** The storage the cache lives in (a WXT storage item in the extension). */
export interface ListStore {
  getValue(): Promise<unknown>;
  setValue(value: CachedList): Promise<void>;
  removeValue(): Promise<void>;
}

export const easylistCacheItem = storage.defineItem<CachedList | null>('local:lists.easylist', { fallback: null });

export type ListState = 'off' | 'loading' | 'ready' | 'unavailable';

/** Read by `get-diagnostics` (e2e tests, bench); nothing leaves the device. */
export interface ListDiagnostics {
  state: ListState;
  fetches: number;
  fetchFailures: number;
  parseFailures: number;
  queryFailures: number;
  fetchedAt: number | null;
  lastError: string | null;
}

export interface ListManagerDeps {
  /** Whether the setting is on, read at each step (it may change while a fetch is under way). */
  enabled: () => boolean;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  store?: ListStore;
  now?: () => number;
  /** Where failures are reported besides the counters; `console.warn` by default. */
  report?: (what: string, error: unknown) => void;
  url?: string;
  /**
   * Told the whole list each time a fresh copy is downloaded (its network rules count requests too:
   * lib/background/filter-list-store.ts), and `null` when the setting goes off.
   */
  onDownloaded?: (text: string | null) => void;
}

export interface ListManager {
  readonly diagnostics: ListDiagnostics;
  /** Bring the list in line with the setting: load (and fetch when due) when on; forget and delete when off. */
  sync(): Promise<void>;
  /** Selectors for a content script's question. Never throws; empty when off. */
  answer(message: Omit<ListSelectorsMessage, 'type'>, waitMs?: number): Promise<ListAnswer>;
}

export function createListManager(deps: ListManagerDeps): ListManager {
  const now = deps.now ?? Date.now;
  const store = deps.store ?? easylistCacheItem;
  const url = deps.url ?? EASYLIST_URL;
  const report = deps.report ?? ((what, error) => console.warn(`[beaker] EasyList: ${what}`, error));
  const diagnostics: ListDiagnostics = {
    state: 'off',
    fetches: 0,
    fetchFailures: 0,
    parseFailures: 0,
    queryFailures: 0,
    fetchedAt: null,
    lastError: null,
  };
  let engine: FiltersEngine | null = null;
  /** undefined: not read from storage yet. */
  let cache: CachedList | null | undefined;
  let work: Promise<void> | null = null;
  /** Bumped when the setting goes off, so work started before is dropped when it ends. */
  let generation = 0;

  function fail(counter: 'fetchFailures' | 'parseFailures' | 'queryFailures', what: string, error: unknown): void {
    diagnostics[counter] += 1;
    diagnostics.lastError = `${what}: ${String(error)}`.slice(0, 200);
    report(what, error);
  }

  function parse(text: string): FiltersEngine | null {
    try {
      return parseCosmeticList(text);
    } catch (error) {
      fail('parseFailures', 'parse failed', error);
      return null;
    }
  }

  function due(at: number): boolean {
    if (!cache) return true;
    // A clock set back makes every stored time suspect: fetch again.
    if (cache.attemptedAt <= at && at - cache.attemptedAt < RETRY_INTERVAL_MS) return false;
    return !(cache.text !== null && cache.fetchedAt <= at && at - cache.fetchedAt < FETCH_INTERVAL_MS);
  }

  async function download(): Promise<string> {
    const timeout = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(FETCH_TIMEOUT_MS) : undefined;
    const response = await deps.fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache', redirect: 'follow', signal: timeout });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_LIST_CHARS) throw new Error(`${length} bytes: not the list`);
    const text = await response.text();
    if (text.length > MAX_LIST_CHARS) throw new Error(`${text.length} characters: not the list`);
    return text;
  }

  async function save(value: CachedList): Promise<void> {
    cache = value;
    await store.setValue(value).catch((error: unknown) => {
      report('cache write failed', error);
    });
  }

  async function update(gen: number): Promise<void> {
    if (cache === undefined) {
      const stored = cachedList.safeParse(await store.getValue().catch(() => null));
      if (gen !== generation) return;
      // A cache from another URL, or one that fails the schema, is as good as none.
      cache ??= stored.success && stored.data.url === url ? stored.data : null;
    }
    if (engine === null && cache?.text) {
      engine = parse(cache.text);
      if (engine === null) cache = { ...cache, text: null, fetchedAt: 0 };
      else diagnostics.fetchedAt = cache.fetchedAt;
    }
    const at = now();
    if (!due(at)) return;
    const previous: CachedList = cache ?? { url, fetchedAt: 0, attemptedAt: 0, text: null };
    diagnostics.fetches += 1;
    let text: string;
    try {
      text = await download();
      if (!looksLikeFilterList(text)) throw new Error('the body is not a filter list');
    } catch (error) {
      if (gen !== generation) return;
      fail('fetchFailures', 'fetch failed', error);
      await save({ ...previous, attemptedAt: at });
      return;
    }
    if (gen !== generation || !deps.enabled()) return;
    deps.onDownloaded?.(text);
    const lines = cosmeticLines(text);
    const fresh = parse(lines);
    if (fresh === null) {
      await save({ ...previous, attemptedAt: at });
      return;
    }
    engine = fresh;
    diagnostics.fetchedAt = at;
    await save({ url, fetchedAt: at, attemptedAt: at, text: lines });
  }

  function sync(): Promise<void> {
    if (!deps.enabled()) {
      generation += 1;
      engine = null;
      cache = null;
      work = null;
      if (diagnostics.state !== 'off') deps.onDownloaded?.(null);
      diagnostics.state = 'off';
      return store.removeValue().catch((error: unknown) => {
        report('cache delete failed', error);
      });
    }
    if (work === null) {
      diagnostics.state = engine === null ? 'loading' : 'ready';
      const gen = generation;
      const running = update(gen)
        .catch((error: unknown) => fail('fetchFailures', 'update failed', error))
        .finally(() => {
          if (work === running) work = null;
          if (gen === generation) diagnostics.state = engine === null ? 'unavailable' : 'ready';
        });
      work = running;
    }
    return work;
  }

  return {
    diagnostics,
    sync,
    async answer(message, waitMs = ANSWER_WAIT_MS) {
      if (!deps.enabled()) return { state: 'off', selectors: [] };
      // Cheap when nothing is due; a due refresh runs behind the answer, with the list in memory.
      const running = sync();
      if (engine === null) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
        clearTimeout(timer);
      }
      const current = engine;
      if (current === null) return { state: work !== null ? 'loading' : 'off', selectors: [] };
      const page = listPageOf(message.url);
      if (page === null) return { state: 'ready', selectors: [] };
      try {
        const selectors = selectorsFor(current, { ...page, classes: message.classes, ids: message.ids, hrefs: message.hrefs, site: message.site });
        return { state: 'ready', selectors };
      } catch (error) {
        fail('queryFailures', 'query failed', error);
        return { state: 'ready', selectors: [] };
      }
    },
  };
}
