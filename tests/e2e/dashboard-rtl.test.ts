/**
 * Issue #12: the history dashboard in Arabic, right to left (as tests/e2e/popup-i18n.test.ts does for
 * the popup: Chromium takes its UI language from `--lang`, Debian's chromium-l10n provides ar.pak).
 * After a page is browsed, the dashboard sets `lang="ar"` and `dir="rtl"`, its words are Arabic, its
 * tables start on the right (the site's name right of its numbers), the plot still runs left to
 * right (oldest day first), and axe-core finds no violations, light and dark.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tabIdOf } from '../../scripts/lib/read-log';
import { axeViolations, until, useArabicChromium } from './harness';

/** Screenshots: this run's artefacts, beside tests/e2e/dashboard.test.ts's. */
const ARTEFACTS = resolve(process.env.BEAKER_ARTEFACTS ?? 'tmp/artefacts/e2e');
const session = useArabicChromium();

const arabic = /[\u0600-\u06ff]/;

describe('Arabic', () => {
  test('the dashboard is in Arabic, right to left; tables start on the right, the plot runs left to right; axe light and dark', async () => {
    const ext = await session.browser.extensionPage();
    const page = await session.browser.context.newPage();
    await page.goto('https://news.beaker-demo.test/', { waitUntil: 'load' });
    await tabIdOf(ext, page.url());
    const dashboard = await session.browser.context.newPage();
    await dashboard.setViewportSize({ width: 1000, height: 900 });
    await dashboard.goto(`chrome-extension://${session.browser.extensionId}/dashboard.html#span=7`);
    await dashboard.locator('[data-testid="dashboard"][data-status="ready"]').waitFor({ timeout: 20_000 });
    // The page browsed above is recorded and shown (the dashboard reads again when the log grows).
    await until(() => dashboard.locator('[data-testid="site-row"]').count(), (n) => n > 0, 20_000);

    expect(await dashboard.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl', 'rtl']);
    expect(await dashboard.title()).toBe('سجلّ Beaker');
    expect(await dashboard.locator('h1').textContent()).toBe('سجلّ Beaker');
    for (const id of ['sites', 'daily-chart', 'data-controls']) expect(await dashboard.getByTestId(id).first().textContent(), id).toMatch(arabic);
    expect(await dashboard.locator('#sites-heading').textContent()).toBe('المواقع، الأكثر انحيازًا أولًا');

    // The sites table starts on the right: the site's name, then its numbers leftwards.
    const row = dashboard.locator('[data-testid="site-row"]').first();
    const name = await row.locator('th[scope="row"]').boundingBox();
    const pages = await row.locator('td').first().boundingBox();
    const targeted = await row.locator('[data-series="targeted"]').boundingBox();
    expect(name!.x).toBeGreaterThan(pages!.x);
    expect(pages!.x).toBeGreaterThan(targeted!.x);
    // Numbers are written with Arabic digits, as Intl.NumberFormat('ar') writes them.
    const count = Number(await row.getAttribute('data-targeted'));
    expect(count).toBeGreaterThan(0);
    expect((await row.locator('[data-series="targeted"]').textContent())?.trim()).toBe(new Intl.NumberFormat('ar').format(count));

    // The day table, opened, starts on the right too.
    await dashboard.locator('[data-testid="day-table"] summary').click();
    const dayRow = dashboard.locator('[data-testid="day-row"]').last();
    const day = await dayRow.locator('th[scope="row"]').boundingBox();
    const dayTargeted = await dayRow.locator('[data-series="targeted"]').boundingBox();
    expect(day!.x).toBeGreaterThan(dayTargeted!.x);
    expect(await dayRow.locator('th[scope="row"]').textContent()).toMatch(arabic);

    // The plot: its days left to right (oldest first), today's bar at the right end, inside the figure.
    const xs = await dashboard.$$eval('[data-testid="daily-chart"] g[data-testid="day"] rect.hit', (rects) => rects.map((r) => r.getBoundingClientRect().x));
    expect(xs.length).toBe(7);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const figure = await dashboard.getByTestId('daily-chart').first().boundingBox();
    expect(xs.at(-1)!).toBeLessThan(figure!.x + figure!.width);
    expect(xs[0]!).toBeGreaterThanOrEqual(figure!.x);

    for (const scheme of ['light', 'dark'] as const) {
      await dashboard.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(dashboard), scheme).toEqual([]);
    }
    mkdirSync(ARTEFACTS, { recursive: true });
    await dashboard.emulateMedia({ colorScheme: 'light' });
    await dashboard.screenshot({ path: join(ARTEFACTS, 'dashboard-ar.png'), fullPage: true });
    await dashboard.close();
    await page.close();
  });
});
