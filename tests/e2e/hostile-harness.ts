import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/lib/build';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { startFixtureServer } from '../../scripts/lib/fixture-server';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import type { LogEvent } from '../../lib/schema';
import type { ChromiumSession } from './harness';

/** The hostile pages of issue #13 (tests/fixtures/hostile/<host>/), served beside the fixture site. */
export const HOSTILE_HOST = 'pages.beaker-hostile.test';
export const hostileUrl = (path: string) => `https://${HOSTILE_HOST}/${path}`;

/** One Chromium with the built extension and the hostile pages for a test file. */
export function useHostileChromium(): ChromiumSession {
  const session = {} as ChromiumSession;
  beforeAll(async () => {
    ensureBuilt('chrome');
    session.server = await startFixtureServer({ extraSiteDirs: [resolve('tests/fixtures/hostile')] });
    session.browser = await launchWithExtension({ fixturePort: session.server.port });
    session.ext = await session.browser.extensionPage();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Open `url` in a new tab: the page and its tab id. */
export async function openTab(session: ChromiumSession, url: string, init?: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await tabIdOf(session.ext, page.url()) };
}

/** The events of a tab's current visit, after the background flushed its queue. */
export async function eventsOfTab(ext: Page, tabId: number): Promise<LogEvent[]> {
  const state = await tabStateOf(ext, tabId);
  return (await readLog(ext)).events.filter((e) => e.visitId === state.visitId);
}

export type Of<K extends LogEvent['kind']> = Extract<LogEvent, { kind: K }>;
export const ofKind = <K extends LogEvent['kind']>(events: LogEvent[], kind: K): Of<K>[] => events.filter((e): e is Of<K> => e.kind === kind);
export const renderedAds = (events: LogEvent[]) => ofKind(events, 'ad').filter((e) => e.phase === 'rendered');

/** A visit's roll-up counts, read from its one `visits` record (cheap to poll, unlike the whole log). */
export async function visitCounts(ext: Page, tabId: number): Promise<Record<string, number> | null> {
  const { visitId } = await tabStateOf(ext, tabId);
  if (!visitId) return null;
  return ext.evaluate(async (id) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('beaker');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const visit = await new Promise<{ counts?: Record<string, number> } | undefined>((resolve, reject) => {
      const req = db.transaction('visits').objectStore('visits').get(id);
      req.onsuccess = () => resolve(req.result as { counts?: Record<string, number> } | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return visit?.counts ?? null;
  }, visitId);
}
