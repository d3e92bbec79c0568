import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import { waitForBackground } from '../../scripts/lib/chromium';
import { watchServiceWorker } from '../../scripts/lib/service-worker';
import type { LogEvent } from '../../lib/schema';

/**
 * The text classifier is a script of its own (entrypoints/text-classifier.ts) that the worker loads
 * on the first `classify-texts`. The first worker imports it while installing; this checks the path
 * every later worker takes: stopped, woken by a page, it loads the classifier from the install cache.
 */
const session = useChromiumWithExtension();
let ext: Page;
let browser: ChromiumSession['browser'];
beforeAll(() => {
  ({ ext, browser } = session);
});

const hasClassifier = async () =>
  (await browser.worker()).evaluate(() => typeof (globalThis as { __beakerTextFacts?: unknown }).__beakerTextFacts === 'function');

test('a restarted worker loads the text classifier on first use, and text patterns are found', async () => {
  const sw = await watchServiceWorker(browser.context, ext, browser.extensionId);
  await sw.stop();
  const page = await browser.context.newPage();
  await page.goto('https://shop.beaker-demo.test/deals.html', { waitUntil: 'load' });
  expect(await waitForBackground(await browser.worker())).toBe(true);
  const tabId = await tabIdOf(ext, page.url());
  const textPatterns = (events: LogEvent[]) =>
    events.filter((e) => e.kind === 'dark-pattern' && (e.type === 'low-stock-message' || e.type === 'confirmshaming'));
  const events = await until(
    async () => {
      const state = await tabStateOf(ext, tabId);
      return (await readLog(ext)).events.filter((e) => e.visitId === state.visitId);
    },
    (e) => textPatterns(e).length >= 2,
    15_000,
  );
  expect(textPatterns(events).map((e) => (e as { type: string }).type).sort()).toEqual(['confirmshaming', 'low-stock-message']);
  expect(await hasClassifier()).toBe(true);
  await sw.detach();
  await page.close();
});
