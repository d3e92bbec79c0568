import { FiltersEngine } from '@ghostery/adblocker';
import { storage } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { FILTER_LIST_PORT, filterListRequest, type FilterListReply } from '../filter-list-messages';
import { filterListInfo, type FilterListInfo } from '../schema/filter-list';
import { FilterListError, MAX_LISTS, MAX_LIST_BYTES, createListMatcher, parseFilterList, sha256Hex, type ListMatcher, type ParsedList } from '../trackers/filter-lists';
import { isExtensionPage } from './export-import';

/**
 * The filter lists the person added (ARCHITECTURE.md, "Filter lists"): what each is in
 * `storage.local` (`filterLists`), its parsed engine serialised in the extension's Cache Storage,
 * so a restarted worker deserialises (milliseconds) instead of parsing 80,000 rules again. The
 * background alone writes both. A list whose engine is missing or unreadable is dropped from the
 * list on load and said so in the console; the others keep working.
 */
const infoItem = storage.defineItem<unknown>('local:filterLists', { fallback: [] });
const CACHE = 'beaker-filter-lists';
const engineKey = (id: string) => `https://beaker.invalid/filter-lists/${id}.engine`;

export interface FilterListStore {
  /** Read what was stored (awaited with the engine at start). */
  load(): Promise<void>;
  /** The matcher over every list, or null with none. */
  matcher(): ListMatcher | null;
  infos(): FilterListInfo[];
  add(text: string, fileName: string): Promise<FilterListInfo>;
  /** EasyList as downloaded by lib/ads/lists/list-manager.ts (id `easylist`), replacing the last copy. */
  addDownloaded(text: string, id: string): Promise<FilterListInfo>;
  remove(id: string): Promise<FilterListInfo[]>;
}

export function createFilterListStore(): FilterListStore {
  let lists: ParsedList[] = [];
  let matcher: ListMatcher | null = null;
  const rebuild = () => {
    matcher = lists.length > 0 ? createListMatcher(lists) : null;
  };
  const saveInfos = () => infoItem.setValue(lists.map((l) => l.info));
  return {
    async load() {
      const raw = await infoItem.getValue();
      const infos = Array.isArray(raw) ? raw.flatMap((r) => (filterListInfo.safeParse(r).success ? [r as FilterListInfo] : [])) : [];
      if (infos.length === 0) return;
      const cache = await caches.open(CACHE);
      const loaded: ParsedList[] = [];
      for (const info of infos) {
        try {
          const response = await cache.match(engineKey(info.id));
          if (!response) throw new Error('its engine is not in the cache');
          loaded.push({ info, engine: FiltersEngine.deserialize(new Uint8Array(await response.arrayBuffer())) });
        } catch (error) {
          console.warn(`[beaker] filter list ${info.name} dropped: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      lists = loaded;
      rebuild();
      if (loaded.length !== infos.length) await saveInfos();
    },
    matcher: () => matcher,
    infos: () => lists.map((l) => l.info),
    add: (text, fileName) => keep(text, { name: fileName.replace(/\.txt$/i, ''), source: 'file' }),
    addDownloaded: (text, id) => keep(text, { name: id, source: 'download', id }),
    async remove(id) {
      lists = lists.filter((l) => l.info.id !== id);
      rebuild();
      await saveInfos();
      await (await caches.open(CACHE)).delete(engineKey(id));
      return lists.map((l) => l.info);
    },
  };

  /** Parse, keep the engine in the cache and what the list is in storage; replaces a list of the same id. */
  async function keep(text: string, meta: { name: string; source: FilterListInfo['source']; id?: string }): Promise<FilterListInfo> {
    const sha256 = await sha256Hex(text);
    const parsed = parseFilterList(text, { ...meta, sha256 });
    const others = lists.filter((l) => l.info.id !== parsed.info.id);
    if (others.length >= MAX_LISTS) throw new FilterListError(`Beaker holds at most ${MAX_LISTS} lists: remove one first.`);
    const cache = await caches.open(CACHE);
    await cache.put(engineKey(parsed.info.id), new Response(new Blob([parsed.engine.serialize() as Uint8Array<ArrayBuffer>])));
    lists = [...others, parsed];
    rebuild();
    await saveInfos();
    return parsed.info;
  }
}

type Port = Browser.runtime.Port;

/**
 * The upload port, registered in the worker's first turn; it waits for the store to be loaded.
 * Only the extension's own pages may connect. A list larger than MAX_LIST_BYTES is refused as soon
 * as its chunks pass the limit, before any parsing.
 */
export function listenForFilterListUploads(store: Promise<FilterListStore | null>): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port: Port) => {
    if (port.name !== FILTER_LIST_PORT) return;
    if (!isExtensionPage(port.sender, browser.runtime.id, origin)) {
      port.disconnect();
      return;
    }
    const parts: string[] = [];
    let bytes = 0;
    let done = false;
    const finish = (reply: FilterListReply) => {
      done = true;
      try {
        port.postMessage(reply);
      } catch {
        // The page went away.
      }
    };
    port.onMessage.addListener((raw: unknown) => {
      if (done) return;
      const parsed = filterListRequest.safeParse(raw);
      if (!parsed.success) return finish({ type: 'list-refused', message: 'Malformed filter-list message.' });
      const message = parsed.data;
      if (message.type === 'list-chunk') {
        bytes += message.text.length;
        if (bytes > MAX_LIST_BYTES) return finish({ type: 'list-refused', message: `The list is larger than ${MAX_LIST_BYTES / 1048576} MB; Beaker takes lists up to that size.` });
        parts.push(message.text);
        return;
      }
      void store.then(async (s) => {
        if (!s) return finish({ type: 'list-refused', message: 'Beaker could not start its filter lists; try again after reloading the extension.' });
        try {
          finish({ type: 'list-added', list: await s.add(parts.join(''), message.name) });
        } catch (error) {
          const known = error instanceof FilterListError;
          if (!known) console.error('[beaker] filter list not added', error);
          finish({ type: 'list-refused', message: known ? error.message : 'The list could not be stored.' });
        }
      });
    });
  });
}

