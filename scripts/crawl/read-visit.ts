import type { Page } from 'playwright-core';
import { exportRecord, visitToRecord, type ExportRecord } from '../../lib/export/records';
import { pageVisit } from '../../lib/schema/visit';

/**
 * Read what the extension recorded for one crawl tab from its real IndexedDB (ARCHITECTURE.md,
 * "Crawl"): every visit of the tab (a redirect made by a script is a second visit) and their
 * events, through the `by-tab` index and each visit's chunk key range, so a long crawl never reads the whole log.
 * Every record is parsed with its zod schema; one that fails is reported, not written.
 */
interface ChromeLike {
  runtime: { sendMessage(message: unknown): Promise<any> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
}
declare const chrome: ChromeLike;

/** The crawl tab's id: the one tab that is not an extension page (a worker has one crawl tab at a time). */
export async function crawlTabId(ext: Page): Promise<number | null> {
  return ext.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    // The newest such tab (ids grow), should a crashed one linger.
    const ids = tabs.filter((t) => t.id !== undefined && !(t.url ?? '').startsWith('chrome-extension://')).map((t) => t.id as number);
    return ids.length > 0 ? Math.max(...ids) : null;
  });
}

/**
 * Runs in the extension page: the tab's visits by start time, then each visit's events by `seq`.
 * Plain JavaScript in a string, so no helper the compiler adds (tsx's `__name`) reaches the page.
 */
const READ_TAB = `async (tabId) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('beaker');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (source, range) => new Promise((resolve, reject) => {
    const req = source.getAll(range);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction(['visits', 'eventChunks']);
  const visits = await all(tx.objectStore('visits').index('by-tab'), IDBKeyRange.bound([tabId, ''], [tabId, '\\uffff']));
  visits.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const events = [];
  for (const v of visits) {
    // A visit's chunks (lib/log/event-chunks.ts) are one key range: [visitId] to [visitId, []].
    const found = (await all(tx.objectStore('eventChunks'), IDBKeyRange.bound([v.id], [v.id, []]))).flatMap((c) => c.events);
    found.sort((a, b) => a.seq - b.seq);
    events.push(...found);
  }
  db.close();
  return { visits, events };
}`;

export async function readTabRecords(ext: Page, tabId: number): Promise<{ records: ExportRecord[]; errors: string[] }> {
  // Asking for the tab's state makes the background flush its write queue first (scripts/scan.ts).
  await ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId);
  const raw = (await ext.evaluate(`(${READ_TAB})(${JSON.stringify(tabId)})`)) as { visits: unknown[]; events: unknown[] };
  const records: ExportRecord[] = [];
  const errors: string[] = [];
  for (const v of raw.visits) {
    const parsed = pageVisit.safeParse(v);
    if (parsed.success) records.push(visitToRecord(parsed.data));
    else errors.push(`a visit record failed its schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  for (const e of raw.events) {
    const parsed = exportRecord.safeParse(e);
    if (parsed.success && parsed.data.kind !== 'visit') records.push(parsed.data);
    else errors.push(`an event record failed its schema: ${parsed.success ? 'kind visit' : (parsed.error.issues[0]?.message ?? 'invalid')}`);
  }
  return { records, errors: errors.slice(0, 5) };
}
