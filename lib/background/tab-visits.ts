import type { Counts, PageVisit } from '../schema';

/** What the background knows about a tab's current page visit. */
export interface TabVisit {
  visitId: string;
  url: string;
  site: string;
  startedAt: string;
  day: string;
  /** Chrome's documentId of the top-level document, when the browser gives one. */
  documentId: string | null;
  /** Earlier top-level documents of this tab and their visits, for late requests (unload beacons). */
  previous: { documentId: string | null; visitId: string; url: string; site: string; startedTs: number }[];
  /** When the navigation that started this visit happened (the browser's event time, epoch ms). */
  startedTs: number;
  counts: Counts;
  /** How the visit began (absent in tab maps saved before schema 2: `load`). */
  navigation?: PageVisit['navigation'];
}

export interface TabRecord {
  tabId: number;
  /** `null` on pages Beaker cannot see (browser pages, stores, file:, data:). */
  visit: TabVisit | null;
  restricted: boolean;
  url: string | null;
}

const KEY = 'beaker.tabs';

export interface TabStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Tab → visit map, mirrored in `storage.session` so a restarted service worker knows which visit
 * each tab is on. Counts are not trusted from here: the restored visit re-reads them from the log.
 */
export class TabVisits {
  private readonly tabs = new Map<number, TabRecord>();
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: TabStore) {}

  async restore(): Promise<TabRecord[]> {
    const saved = (await this.store.get(KEY))[KEY];
    if (saved && typeof saved === 'object') {
      for (const record of Object.values(saved as Record<string, TabRecord>)) {
        if (record && typeof record.tabId === 'number') this.tabs.set(record.tabId, record);
      }
    }
    return [...this.tabs.values()];
  }

  all(): TabRecord[] {
    return [...this.tabs.values()];
  }

  get(tabId: number): TabRecord | undefined {
    return this.tabs.get(tabId);
  }

  set(record: TabRecord): void {
    this.tabs.set(record.tabId, record);
    this.persistSoon();
  }

  delete(tabId: number): void {
    if (this.tabs.delete(tabId)) this.persistSoon();
  }

  /** Persist now (awaited by navigation handling so a restart right after cannot lose the map). */
  async persist(): Promise<void> {
    if (this.persistTimer !== null) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    await this.store.set({ [KEY]: Object.fromEntries([...this.tabs].map(([id, r]) => [id, r])) });
  }

  private persistSoon(): void {
    if (this.persistTimer !== null) return;
    this.persistTimer = setTimeout(() => void this.persist().catch(() => undefined), 50);
  }
}
