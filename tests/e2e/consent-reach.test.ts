/**
 * Issue #11, item 2 (reach): a consent dialog inside an open shadow root, one in a consent
 * platform's cross-origin iframe and one written into an about:blank frame (the content script
 * runs in all frames, match_about_blank) are all found, attributed to the top-level visit, and
 * each listed once in the popup's data (`get-popup-data`).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureBuilt } from '../../scripts/lib/build';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { startFixtureServer } from '../../scripts/lib/fixture-server';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import type { LogEvent } from '../../lib/schema';
import type { PopupData } from '../../lib/messages';
import { until, type ChromiumSession } from './harness';

const session = {} as ChromiumSession;
beforeAll(async () => {
  ensureBuilt('chrome');
  session.server = await startFixtureServer({ extraSiteDirs: [resolve('tests/fixtures/dark-patterns/reach')] });
  session.browser = await launchWithExtension({ fixturePort: session.server.port });
  session.ext = await session.browser.extensionPage();
});
afterAll(async () => {
  await session.browser?.close();
  await session.server?.close();
});

type DarkPatternEvent = Extract<LogEvent, { kind: 'dark-pattern' }>;
const EXPECTED = ['consent-no-reject', 'preticked-purposes', 'reject-less-prominent'];

test('consent dialogs in a shadow root, a CMP iframe and an about:blank frame: each found once, on the top visit', async () => {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('https://shop.beaker-reach.test/', { waitUntil: 'load' });
  const tabId = await tabIdOf(session.ext, page.url());
  const { visitId } = await tabStateOf(session.ext, tabId);
  expect(visitId).toBeTruthy();
  const patterns = async (): Promise<DarkPatternEvent[]> =>
    (await readLog(session.ext)).events.filter((e): e is DarkPatternEvent => e.kind === 'dark-pattern' && e.tabId === tabId);
  const found = await until(patterns, (list) => EXPECTED.every((t) => list.some((e) => e.type === t)), 20_000);
  // Let every frame's later passes arrive: nothing may be recorded twice.
  await page.waitForTimeout(2000);
  const all = await patterns();
  expect([...new Set(found.map((e) => e.type))].sort()).toEqual(EXPECTED);
  expect(all.map((e) => e.type).sort()).toEqual(EXPECTED);
  // Attributed to the top-level visit, wherever the dialog was drawn.
  for (const e of all) {
    expect(e.visitId).toBe(visitId);
    expect(e.topUrl).toBe('https://shop.beaker-reach.test/');
  }
  const frames = new Map(all.map((e) => [e.type, e.frameId]));
  expect(frames.get('consent-no-reject')).toBe(0); // the shadow root is in the top document
  expect(frames.get('reject-less-prominent')).not.toBe(0); // the CMP's iframe
  expect(frames.get('preticked-purposes')).not.toBe(0); // the about:blank frame

  const data = (await session.ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-popup-data', tabId: id }), tabId)) as PopupData;
  expect(data.status).toBe('ready');
  if (data.status !== 'ready') return;
  const listed = [...data.summary.darkPatterns, ...data.summary.possibleDarkPatterns].flatMap((g) => g.items.map((i) => i.type)).sort();
  expect(listed).toEqual(EXPECTED);
  console.log(`consent-reach: ${all.length} findings (${all.map((e) => `${e.type}@frame ${e.frameId} ${e.confidence}`).join(', ')}), popup lists ${listed.length}`);
  await page.close();
});
