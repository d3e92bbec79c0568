/**
 * The History dashboard (issue #9) in real Chromium with the built extension: a simulated week (past
 * visits and events, imported through the settings page, so the background writes them as it writes
 * any import) plus a page browsed today (the recorder's own path). The plotted values in the DOM
 * are checked against the log read straight from IndexedDB; a site deleted from the dashboard
 * changes every view; axe-core finds no violations, light and dark; screenshots are saved.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf } from '../../scripts/lib/read-log';
import { axeViolations, until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { daysBefore, localDay } from '../../lib/log/queries';
import { targetedCount, type SiteDay } from '../../lib/schema';
import { plottedWeekOf, simulatedWeek } from './dashboard-week';

const session = useChromiumWithExtension();
let browser: ChromiumSession['browser'];
let ext: Page;
const dir = mkdtempSync(join(tmpdir(), 'beaker-dashboard-e2e-'));
/** Screenshots: the test artefacts of this run (no other e2e test saves any yet). */
const ARTEFACTS = resolve(process.env.BEAKER_ARTEFACTS ?? 'tmp/artefacts/e2e');
beforeAll(() => {
  ({ browser, ext } = session);
  mkdirSync(ARTEFACTS, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = localDay(new Date());
const WEEK = simulatedWeek(TODAY);

/** One store of the log, straight from IndexedDB. */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('beaker');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const rows = await new Promise<T[]>((ok, fail) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => ok(req.result as T[]);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return rows;
  }, store);
}

/** The log's site-day roll-ups. */
const siteDays = (page: Page) => readStore<SiteDay>(page, 'siteDays');

/** Each organization's sites over the week, from the log's `orgDays` (lib/log/org-rollups.ts). */
async function expectedFollowers(): Promise<Record<string, number>> {
  const sites = new Map<string, Set<string>>();
  for (const { day, orgs } of await readStore<{ day: string; orgs: Record<string, { sites: Record<string, number> }> }>(ext, 'orgDays')) {
    if (day < daysBefore(TODAY, 6)) continue;
    for (const [org, row] of Object.entries(orgs)) {
      const set = sites.get(org) ?? new Set<string>();
      for (const site of Object.keys(row.sites)) set.add(site);
      sites.set(org, set);
    }
  }
  return Object.fromEntries([...sites].map(([org, set]) => [org, set.size]));
}

/** "Who follows you" as the dashboard shows it: organization → sites reached. */
const followers = (page: Page) =>
  page.$$eval('[data-testid="organization"]', (items) => Object.fromEntries(items.map((i) => [i.getAttribute('data-org')!, Number(i.getAttribute('data-sites'))])));

/** What each of the 7 days should plot, summed from the roll-ups. */
async function expectedWeek(): Promise<Record<string, { targeted: number; engaged: number; tracker: number; ad: number; darkPattern: number }>> {
  const out: Record<string, { targeted: number; engaged: number; tracker: number; ad: number; darkPattern: number }> = {};
  for (let ago = 6; ago >= 0; ago--) out[daysBefore(TODAY, ago)] = { targeted: 0, engaged: 0, tracker: 0, ad: 0, darkPattern: 0 };
  for (const row of await siteDays(ext)) {
    const day = out[row.day];
    if (!day) continue;
    day.targeted += targetedCount(row.counts);
    day.engaged += row.counts.engagement;
    day.tracker += row.counts.tracker;
    day.ad += row.counts.ad;
    day.darkPattern += row.counts.darkPattern;
  }
  return out;
}

/** What the chart and its table show, per day, read from the DOM. */
function plotted(page: Page) {
  return page.$$eval('[data-testid="daily-chart"] [data-testid="day"]', (groups) =>
    Object.fromEntries(
      groups.map((g) => {
        const value = (series: string) => Number(g.querySelector(`[data-series="${series}"]`)?.getAttribute('data-value') ?? 0);
        return [g.getAttribute('data-day')!, { targeted: Number(g.getAttribute('data-targeted')), engaged: Number(g.getAttribute('data-engaged')), tracker: value('tracker'), ad: value('ad'), darkPattern: value('darkPattern') }];
      }),
    ),
  );
}

/** Open the day table (its rows are rendered when it opens). */
async function openDayTable(page: Page): Promise<void> {
  if (!(await page.getByTestId('day-table').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('[data-testid="day-table"] > summary').click();
  await page.locator('[data-testid="day-row"]').first().waitFor();
}

const siteRows = (page: Page) =>
  page.$$eval('[data-testid="site-row"]', (rows) => rows.map((r) => [r.getAttribute('data-site'), Number(r.getAttribute('data-targeted')), Number(r.getAttribute('data-engaged'))]));

async function openDashboard(hash = '#span=7'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html${hash}`);
  await page.locator('[data-testid="dashboard"][data-status="ready"]').waitFor({ timeout: 20_000 });
  return page;
}

describe('the History dashboard', () => {
  let page: Page;

  beforeAll(async () => {
    // Today, through the recorder: a fixture page with real tracker host names.
    const news = await browser.context.newPage();
    await news.goto('https://news.beaker-demo.test/', { waitUntil: 'load' });
    await tabIdOf(ext, news.url());
    await news.mouse.click(5, 5);
    // The week before, through the background's import (settings page → Port → one transaction).
    const file = join(dir, 'week.jsonl');
    writeFileSync(file, WEEK.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('import-input').setInputFiles(file);
    await options.getByTestId('import-button').click();
    await options.getByTestId('import-results').filter({ hasText: 'imported 9 visits' }).waitFor({ timeout: 20_000 });
    await options.close();
    await until(async () => (await siteDays(ext)).some((d) => d.day === TODAY && d.counts.tracker > 0), Boolean);
    page = await openDashboard();
  }, 90_000);

  test('the plotted week equals the log, day by day and series by series; sites ranked from it', async () => {
    const expected = await expectedWeek();
    expect(Object.values(expected).filter((d) => d.targeted > 0)).toHaveLength(7);
    expect(await plotted(page)).toEqual(expected);
    // The table alternative says the same.
    await openDayTable(page);
    const table = await page.$$eval('[data-testid="day-row"]', (rows) => rows.map((r) => [r.getAttribute('data-day'), Number(r.querySelector('[data-series="targeted"]')!.textContent)]));
    expect(table).toEqual(Object.entries(expected).map(([day, d]) => [day, d.targeted]));
    const rows = await siteRows(page);
    expect(rows.slice(0, 1)).toEqual([['harvest.example', 33 + 12 + 1, 0]]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['friendly.example', 'shop.example', 'beaker-demo.test']));
    expect(rows.at(-1)![0]).toBe('friendly.example');
  });

  test('the days before today plot exactly what the imported records say (the Firefox test checks the same)', async () => {
    const fromRecords = plottedWeekOf(WEEK, TODAY);
    const shown = await page.$$eval('[data-testid="day"]', (gs) =>
      gs.map((g) => [g.getAttribute('data-day')!, { targeted: Number(g.getAttribute('data-targeted')), engaged: Number(g.getAttribute('data-engaged')), adSeen: Number(g.querySelector('[data-series="adSeen"]')?.getAttribute('data-value') ?? 0) }] as const),
    );
    // Today also holds the page browsed through the recorder.
    expect(Object.fromEntries(shown.slice(0, 6))).toEqual(Object.fromEntries(Object.entries(fromRecords).slice(0, 6)));
  });

  test('ads seen beside ads shown; who follows you equals the log, Google on every simulated site and today\'s page', async () => {
    const seen = await page.$$eval('[data-testid="day"]', (groups) => groups.map((g) => Number(g.querySelector('[data-series="adSeen"]')?.getAttribute('data-value') ?? 0)));
    // harvest.example saw one of its two ads on the days 5, 3 and 1 ago.
    expect(seen).toEqual([0, 1, 0, 1, 0, 1, 0]);
    await openDayTable(page);
    expect(await page.locator('[data-testid="day-row"] [data-series="adSeen"]').allTextContents()).toEqual(['0', '1', '0', '1', '0', '1', '0']);
    const shown = await followers(page);
    expect(shown).toEqual(await expectedFollowers());
    expect(shown.google).toBeGreaterThanOrEqual(3);
    const order = Object.values(shown);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });

  test('a number opens its records; page text stays text', async () => {
    const row = page.locator('[data-testid="site-row"][data-site="shop.example"]');
    await row.locator('[data-series="darkPattern"] button').click();
    const dialog = page.getByTestId('evidence');
    await dialog.locator('[data-testid="evidence-status"][data-shown="2"]').waitFor();
    expect(await dialog.getByTestId('evidence-item').count()).toBe(2);
    expect(await dialog.locator('q').first().textContent()).toContain('<img src=x onerror=');
    expect(await dialog.locator('img').count()).toBe(0);
    expect(await page.title()).toBe('Beaker history');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The keyboard: the day slider reads a day and offers its counts.
    await page.getByRole('slider', { name: 'Day of the chart' }).focus();
    await page.keyboard.press('Home');
    await page.getByTestId('selected-day').waitFor();
    expect(await page.getByTestId('tooltip').textContent()).toMatch(/targeted \d+ \(tracker requests \d+/);
  });

  test('no axe-core violations, light and dark; screenshots saved', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), scheme).toEqual([]);
      await page.screenshot({ path: join(ARTEFACTS, `dashboard-${scheme}.png`), fullPage: true });
    }
    // 200 % zoom of a 1280 px window: 640 CSS px. The page reflows; nothing but the tables' own scrollers is wider.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 640, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    await page.screenshot({ path: join(ARTEFACTS, 'dashboard-640px.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    const site = await openDashboard('#site=harvest.example&span=30');
    expect(await axeViolations(site)).toEqual([]);
    await site.screenshot({ path: join(ARTEFACTS, 'dashboard-site-light.png'), fullPage: true });
    await site.close();
  });

  test('the popup links to its site\'s history and the week; it has no axe-core violations either', async () => {
    const tabId = await tabIdOf(ext, 'https://news.beaker-demo.test/');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-testid="popup"][data-status="ready"]').waitFor();
    const base = `chrome-extension://${browser.extensionId}/dashboard.html`;
    expect(await popup.getByTestId('site-history').getAttribute('href')).toBe(`${base}#site=beaker-demo.test&span=7`);
    expect(await popup.getByTestId('week-history').getAttribute('href')).toBe(`${base}#span=7`);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
      await popup.screenshot({ path: join(ARTEFACTS, `popup-${scheme}.png`), fullPage: true });
    }
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), popup.getByTestId('site-history').click()]);
    await opened.locator('[data-testid="site-view"][data-site="beaker-demo.test"]').waitFor();
    expect(Number((await opened.getByTestId('site-totals').textContent())?.match(/targeted (\d+)/)?.[1])).toBeGreaterThan(0);
    await opened.close();
    await popup.close();
  });

  test("a site's companies and ad networks equal the log; a company's count opens its requests, by keyboard; pause from the dashboard", async () => {
    // Who follows you: Google's requests open the records behind them, every one to Google.
    const google = page.locator('[data-testid="organization"][data-org="google"]');
    const requests = Number(await google.getAttribute('data-requests'));
    await google.getByTestId('count').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('evidence');
    await dialog.locator(`[data-testid="evidence-status"][data-total="${requests}"]`).waitFor();
    expect(await dialog.locator('[data-testid="evidence-item"][data-kind="tracker"]').count()).toBe(Math.min(requests, 50));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const site = await openDashboard('#site=harvest.example&span=7');
    // harvest.example: 2 + ago Google Analytics requests on each of the 6 days before today; 2 Google Ad Manager ads a day, seen on 3 days.
    const org = site.locator('[data-testid="site-organization"][data-org="google"]');
    expect(await org.getAttribute('data-requests')).toBe(String(3 + 4 + 5 + 6 + 7 + 8));
    expect(await site.locator('[data-testid="site-organization"]').count()).toBe(1);
    const network = site.locator('[data-testid="site-network"][data-network="Google Ad Manager"]');
    expect([await network.getAttribute('data-shown'), await network.getAttribute('data-seen')]).toEqual(['12', '3']);
    await org.getByTestId('count').click();
    const records = site.getByTestId('evidence');
    await records.locator('[data-testid="evidence-status"][data-total="33"][data-shown="33"]').waitFor();
    const first = records.getByTestId('evidence-item').first();
    expect(await first.locator('.url').first().textContent()).toContain('https://www.google-analytics.com/g/collect');
    expect(await first.locator('.rule').textContent()).toContain('Rule trackerdb/filter: Google Analytics');
    await records.getByRole('button', { name: 'Close' }).click();
    await network.locator('[data-count="adSeen"]').click();
    await records.locator('[data-testid="evidence-status"][data-total="3"][data-shown="3"]').waitFor();
    expect(await records.locator('[data-testid="evidence-item"][data-kind="ad"]').allTextContents()).toEqual(Array(3).fill(expect.stringContaining('Google Ad Manager')));
    await records.getByRole('button', { name: 'Close' }).click();

    // Pause Beaker on the site from its view, and resume.
    await site.getByRole('button', { name: 'Pause Beaker on harvest.example' }).click();
    await site.getByTestId('message').filter({ hasText: 'Beaker is paused on harvest.example.' }).waitFor();
    await site.getByRole('button', { name: 'Resume on harvest.example' }).waitFor();
    const pausedSites = () => ext.evaluate(() => chrome.storage.local.get('settings').then((r) => (r.settings as { pausedSites: string[] }).pausedSites));
    expect(await pausedSites()).toContain('harvest.example');
    await site.getByRole('button', { name: 'Resume on harvest.example' }).click();
    await site.getByTestId('message').filter({ hasText: 'Beaker records on harvest.example again.' }).waitFor();
    expect(await pausedSites()).not.toContain('harvest.example');
    await site.close();
  });

  test('deleting a site from its view changes every view', async () => {
    const before = await expectedWeek();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#site=harvest.example&span=7`);
    await page.locator('[data-testid="site-view"][data-site="harvest.example"]').waitFor();
    await page.getByRole('button', { name: 'Delete this site’s records…' }).click();
    await page.getByRole('button', { name: 'Yes, delete harvest.example' }).click();
    await page.getByTestId('message').filter({ hasText: 'Deleted harvest.example: 6 pages' }).waitFor();
    await page.getByTestId('site-empty').waitFor();
    expect(await page.locator('[data-testid="day"][data-targeted="0"]').count()).toBe(7);

    await page.getByTestId('all-sites').click();
    await page.locator('[data-testid="sites"]').waitFor();
    await until(() => siteRows(page), (rows) => !rows.some((r) => r[0] === 'harvest.example'));
    // The plot and the ranking paint first; who follows you and the dark patterns when ready.
    await page.locator('[data-testid="dashboard"][data-status="ready"]').waitFor();
    const after = await expectedWeek();
    expect(await plotted(page)).toEqual(after);
    for (let ago = 1; ago <= 6; ago++) expect(after[daysBefore(TODAY, ago)]!.targeted).toBeLessThan(before[daysBefore(TODAY, ago)]!.targeted);
    expect((await siteRows(page)).map((r) => r[0])).not.toContain('harvest.example');
    expect(await page.locator('[data-testid="dark-category"][data-category="urgency"]').getAttribute('data-count')).toBe('1');
    expect((await siteDays(ext)).filter((d) => d.site === 'harvest.example')).toEqual([]);
    // Who follows you lost harvest.example, nothing else.
    expect(await followers(page)).toEqual(await expectedFollowers());
    const orgDays = await readStore<{ orgs: Record<string, { sites: Record<string, number> }> }>(ext, 'orgDays');
    expect(orgDays.some((d) => Object.values(d.orgs).some((o) => 'harvest.example' in o.sites))).toBe(false);
  });

  test('deleting a range of days from the data controls empties those days and keeps the others', async () => {
    const day = daysBefore(TODAY, 5);
    const before = await expectedWeek();
    expect(before[day]!.targeted).toBeGreaterThan(0);
    await page.getByTestId('delete-from').fill(day);
    await page.getByTestId('delete-to').fill(day);
    await page.getByRole('button', { name: 'Delete these days…' }).click();
    await page.getByRole('button', { name: 'Yes, delete these days' }).click();
    await page.getByTestId('message').filter({ hasText: `Deleted ${day} to ${day}` }).waitFor();
    const after = await expectedWeek();
    expect(after[day]).toEqual({ targeted: 0, engaged: 0, tracker: 0, ad: 0, darkPattern: 0 });
    expect(await until(() => plotted(page), (p) => p[day]?.targeted === 0)).toEqual(after);
    expect(after[daysBefore(TODAY, 2)]).toEqual(before[daysBefore(TODAY, 2)]);
  });
});
