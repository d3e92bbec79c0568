import type { Page } from 'playwright-core';
import type { LogEvent, PageVisit } from '../../lib/schema';

/**
 * Read the real IndexedDB log from an extension-origin page (raw IndexedDB, so this checks what is
 * on disk, not what a Beaker module thinks is there).
 */
/** Any page that can run a function: Playwright's (Chromium) and puppeteer's (Firefox) alike. */
export interface EvaluatingPage {
  evaluate<T>(fn: () => Promise<T>): Promise<T>;
}

export async function readLog(page: EvaluatingPage): Promise<{ events: LogEvent[]; visits: PageVisit[] }> {
  // No named inner functions here: tsx compiles them with a `__name` helper the page lacks.
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('beaker');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const [chunks, visits] = await Promise.all(
      ['eventChunks', 'visits'].map(
        (store) =>
          new Promise<unknown[]>((resolve, reject) => {
            if (!db.objectStoreNames.contains(store)) return resolve([]);
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result as unknown[]);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    db.close();
    // Events are stored in chunks (lib/log/event-chunks.ts): one record each here, by id, as the
    // one-record-per-event store of database v3 gave them.
    const events = (chunks as { events: LogEvent[] }[]).flatMap((c) => c.events).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return { events, visits: visits as PageVisit[] };
  });
}

/** The slice of the extension API these helpers call inside extension pages. */
interface ChromeLike {
  runtime: { sendMessage(message: unknown): Promise<any> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}
declare const chrome: ChromeLike;

/** Ask the background about a tab, as the popup does. */
export async function tabStateOf(page: Page, tabId: number): Promise<{ visitId: string | null; site: string | null; restricted: boolean; paused: boolean }> {
  return page.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId);
}

/** The tab id of a page, found through the extension's own tabs API by URL. */
export async function tabIdOf(extPage: Page, url: string): Promise<number> {
  return extPage.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab with url ${u}: ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

/** The badge text the extension set on a tab. */
export async function badgeTextOf(extPage: Page, tabId: number): Promise<string> {
  return extPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}
