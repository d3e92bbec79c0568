import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { COUNT_INDEXEDDB, until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { badgeTextOf, readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import { targetingLoadCount } from '../fixtures/site/manifest';

const session = useChromiumWithExtension();
let ext: Page;
let browser: ChromiumSession['browser'];
beforeAll(() => {
  ({ ext, browser } = session);
});


test('pausing a site in the settings stops recording there; "delete all data" empties the log', async () => {
  const expected = String(targetingLoadCount('news'));
  const news = await browser.context.newPage();
  await news.goto('https://news.beaker-demo.test/', { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, news.url());
  expect(await until(() => badgeTextOf(ext, tabId), (t) => t === expected)).toBe(expected);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('input[aria-label="Site to pause"]', 'https://news.beaker-demo.test/');
  await options.click('form button[type="submit"]');
  await options.waitForSelector('[data-testid="paused-sites"] >> text=beaker-demo.test');
  expect((await tabStateOf(ext, tabId)).paused).toBe(true);

  // A paused site: a reload records nothing.
  await news.reload({ waitUntil: 'load' });
  await news.waitForTimeout(1000);
  const state = await tabStateOf(ext, tabId);
  const { events } = await readLog(ext);
  expect(events.filter((e) => e.visitId === state.visitId)).toEqual([]);
  expect(await badgeTextOf(ext, tabId)).toBe('');

  // Delete everything, with the confirmation step.
  await options.click('text=Delete all data…');
  await options.click('text=Yes, delete everything');
  await options.waitForSelector('text=All of Beaker’s records were deleted.');
  const after = await readLog(ext);
  expect(after.events).toEqual([]);
  // The only web page open is on a paused site, so no new visit starts either.
  expect(after.visits).toEqual([]);
});

test('the settings page changes settings only through the background, and never opens IndexedDB', async () => {
  const options = await browser.context.newPage();
  await options.addInitScript(COUNT_INDEXEDDB);
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const darkPatterns = options.getByLabel('Dark patterns', { exact: true });
  await darkPatterns.waitFor();
  const stored = () => ext.evaluate(() => chrome.storage.local.get('settings').then((r) => r.settings as { detectors: { darkPatterns: boolean }; pausedSites: string[] }));

  await darkPatterns.uncheck();
  expect((await until(stored, (s) => s?.detectors.darkPatterns === false)).detectors.darkPatterns).toBe(false);
  await darkPatterns.check();
  expect((await until(stored, (s) => s?.detectors.darkPatterns === true)).detectors.darkPatterns).toBe(true);
  // The site paused in the test above is resumed from here, one site at a time, as the popup does.
  await options.click('[data-testid="paused-sites"] >> text=Resume');
  expect((await until(stored, (s) => s?.pausedSites.length === 0)).pausedSites).toEqual([]);

  expect(await options.evaluate(() => (window as unknown as { __idbCalls: string[] }).__idbCalls)).toEqual([]);
  await options.close();
});

test('a family switched off on the settings page (its description beside it) is "off" in the popup, the others still counted', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const ads = options.getByLabel('Ads', { exact: true });
  await ads.waitFor();
  // The switch is described by its family's sentence (lib/ads/family.ts).
  expect(await options.locator('#family-ads-about').textContent()).toContain('which of them you actually saw');
  expect(await ads.getAttribute('aria-describedby')).toBe('family-ads-about');
  await ads.uncheck();
  const stored = () => ext.evaluate(() => chrome.storage.local.get('settings').then((r) => r.settings as { detectors: { ads: boolean } }));
  await until(stored, (s) => s?.detectors.ads === false);

  const news = await browser.context.newPage();
  // Its own URL: the first test's tab on the news page is still open.
  await news.goto('https://news.beaker-demo.test/?family-off', { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, news.url());
  const expected = String(targetingLoadCount('news'));
  expect(await until(() => badgeTextOf(ext, tabId), (t) => t === expected)).toBe(expected);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup"][data-status="ready"]');
  expect(await popup.locator('[data-testid="off-ads"]').textContent()).toContain('Ads: off in the settings');
  expect(await popup.locator('[data-testid="ads"]').count()).toBe(0);
  expect(await popup.locator('[data-testid="trackers"]').count()).toBe(1);
  expect(await popup.locator('[data-testid="dark-patterns"]').count()).toBe(1);

  await ads.check();
  await until(stored, (s) => s?.detectors.ads === true);
  await popup.reload();
  await popup.waitForSelector('[data-testid="popup"][data-status="ready"]');
  expect(await popup.locator('[data-testid="off-ads"]').count()).toBe(0);
  expect(await popup.locator('[data-testid="ads"]').count()).toBe(1);
  for (const page of [options, news, popup]) await page.close();
});
