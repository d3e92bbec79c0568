/**
 * The History dashboard in Firefox ESR (issue #9, "Firefox: the dashboard opens and shows the same
 * week"): the built MV2 extension in headless Firefox (puppeteer-core over WebDriver BiDi, as
 * tests/e2e/firefox.test.ts), the simulated week of the Chromium test (tests/e2e/dashboard-week.ts)
 * imported through the background's import port, then the dashboard checked against what the
 * records say: the same numbers tests/e2e/dashboard.test.ts checks in Chromium. No page is browsed
 * (no fixture server, no port 443): a few seconds for the CI budget.
 * Run: `npx vitest run --config vitest.e2e.config.ts tests/e2e/firefox-dashboard.test.ts`.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ensureBuilt } from '../../scripts/lib/build';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../scripts/lib/firefox';
import { localDay } from '../../lib/log/queries';
import { until } from './harness';
import { plottedWeekOf, simulatedWeek } from './dashboard-week';

/** The WebExtension API as the test calls it inside an extension page (page.evaluate). */
declare const browser: {
  runtime: { connect(info: { name: string }): { postMessage(m: unknown): void; onMessage: { addListener(f: (m: unknown) => void): void }; disconnect(): void } };
};

const TODAY = localDay(new Date());
const WEEK = simulatedWeek(TODAY);
let ff: FirefoxExtensionBrowser;
let ext: Page;
const startedAt = Date.now();

beforeAll(async () => {
  ff = await launchFirefoxWithExtension({ extensionDir: ensureBuilt('firefox'), hostnames: [] });
  ext = await ff.extensionPage();
}, 60_000);

afterAll(async () => {
  await ff?.close();
  console.log(`firefox-dashboard.test.ts: ${((Date.now() - startedAt) / 1000).toFixed(1)} s from the first hook to teardown`);
});

/** Import JSON Lines through the background's port (lib/messages.ts, `beaker-import`), as the settings page does. */
function importText(page: Page, text: string): Promise<unknown> {
  return page.evaluate(
    (body) =>
      new Promise((resolve, reject) => {
        const port = browser.runtime.connect({ name: 'beaker-import' });
        port.onMessage.addListener((raw) => {
          const reply = raw as { type: string };
          if (reply.type === 'import-ack') port.postMessage({ type: 'import-end' });
          else if (reply.type === 'import-done') resolve(reply);
          else reject(new Error(JSON.stringify(reply)));
        });
        port.postMessage({ type: 'import-start', name: 'week.jsonl', size: body.length });
        port.postMessage({ type: 'import-chunk', text: body });
      }),
    text,
  );
}

async function ready(page: Page): Promise<void> {
  await until(() => page.evaluate(() => document.querySelector('[data-testid="dashboard"]')?.getAttribute('data-status') ?? null), (s) => s === 'ready' || s === 'error', 20_000);
}

test('the dashboard opens in Firefox and shows the same week as Chromium for the same log', async () => {
  const done = (await importText(ext, WEEK.map((r) => JSON.stringify(r)).join('\n') + '\n')) as { summary: { imported: Record<string, number> } };
  expect(done.summary.imported.visit).toBe(9);

  const page = await ff.openExtensionPage('/dashboard.html#span=7');
  await ready(page);
  expect(await page.evaluate(() => document.querySelector('[data-testid="dashboard"]')!.getAttribute('data-status'))).toBe('ready');
  const shown = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="daily-chart"] [data-testid="day"]')].map((g) => [
        g.getAttribute('data-day')!,
        { targeted: Number(g.getAttribute('data-targeted')), engaged: Number(g.getAttribute('data-engaged')), adSeen: Number(g.querySelector('[data-series="adSeen"]')?.getAttribute('data-value') ?? 0) },
      ]),
    ),
  );
  const expected = plottedWeekOf(WEEK, TODAY);
  expect(Object.values(expected).filter((d) => d.targeted > 0)).toHaveLength(6);
  expect(shown).toEqual(expected);
  // The ranking and who follows you, from the same roll-ups.
  const sites = await page.evaluate(() => [...document.querySelectorAll('[data-testid="site-row"]')].map((r) => r.getAttribute('data-site')));
  expect(sites).toEqual(['harvest.example', 'shop.example', 'friendly.example']);
  const follows = await page.evaluate(() => [...document.querySelectorAll('[data-testid="organization"]')].map((o) => [o.getAttribute('data-org'), Number(o.getAttribute('data-sites')), Number(o.getAttribute('data-requests'))]));
  expect(follows).toEqual([['google', 3, 33 + 2 + 2]]);
  // Page text that looks like markup stays text here too.
  expect(await page.evaluate(() => document.querySelectorAll('[data-testid="dark-patterns"] img').length)).toBe(0);
  await page.close();
}, 60_000);
