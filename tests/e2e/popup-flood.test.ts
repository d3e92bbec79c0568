/**
 * Issue #13, item 5: the popup answers in bounded time whatever the visit holds. A real visit of the
 * demo news page gets 100,000 more tracker events in its log (written straight into IndexedDB from
 * an extension page, in 500-event chunks as the write queue stores them: a test-only shortcut for a
 * flood); the popup must be ready in bounded time (target 1 s, printed) and say its lists are partial.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';

const session = useChromiumWithExtension();
let ext: Page;
let browser: ChromiumSession['browser'];
beforeAll(() => {
  ({ ext, browser } = session);
});

test('a visit holding 100,000 events: the popup is ready in bounded time and says its lists are partial', async () => {
  const news = await browser.context.newPage();
  await news.goto('https://news.beaker-demo.test/?flood', { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, news.url());
  const { visitId } = await tabStateOf(ext, tabId);
  const template = await until(
    async () => (await readLog(ext)).events.find((e) => e.visitId === visitId && e.kind === 'tracker'),
    (e) => e !== undefined,
  );
  const written = await ext.evaluate(
    async ({ template, chunks, per }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('beaker');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('eventChunks', 'readwrite');
      const store = tx.objectStore('eventChunks');
      for (let c = 0; c < chunks; c++) {
        const events = [];
        for (let i = 0; i < per; i++) events.push({ ...template, id: `flood:${c}:${i}`, seq: c * per + i });
        store.put({ visitId: template.visitId, first: `flood:${c}:0`, time: template.time, events });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return chunks * per;
    },
    { template: template!, chunks: 200, per: 500 },
  );
  expect(written).toBe(100_000);

  const popup = await browser.context.newPage();
  const started = Date.now();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup"][data-status="ready"]', { timeout: 10_000 });
  const readyMs = Date.now() - started;
  console.log(`popup with a 100,000-event visit: ready in ${readyMs} ms`);
  // The target (issue #13) is 1 s, reported from this line's output; the assertion guards the
  // unbounded read it replaced (20,000 events took 76 s) with room for a loaded CI machine.
  expect(readyMs).toBeLessThan(5000);
  expect(await popup.locator('[data-testid="details-capped"]').count()).toBe(1);
  for (const page of [news, popup]) await page.close();
});
