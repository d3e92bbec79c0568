/**
 * Issue #12, item 3: the popup and the settings page as a person sees them in Chromium, in English
 * (the default locale): axe-core finds no violations in light and dark; the body text is at least
 * 13 px (Chrome's extension stylesheet sets `body { font-size: 75% }`); organization names are not
 * smaller than their categories; every section shows its disclosure state and sections with
 * findings are open; an empty page has one empty state; header and footer both count visits;
 * "Pause on this site" stays on one line; "Show on page" scrolls to the unit and says when the page
 * covers it. The popup's screenshots, light and dark, are saved to docs/ for the README.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf } from '../../scripts/lib/read-log';
import { axeViolations, until, useChromiumWithExtension } from './harness';

const session = useChromiumWithExtension();
const DOCS = resolve(__dirname, '../../docs');

async function popupFor(url: string, width = 400): Promise<{ page: Page; popup: Page; tabId: number }> {
  const { browser, ext } = session;
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, page.url());
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('[data-testid="popup"][data-status="ready"]').waitFor();
  return { page, popup, tabId };
}

const px = (popup: Page, selector: string) => popup.$eval(selector, (el) => Number.parseFloat(getComputedStyle(el).fontSize));

describe('the popup in English', () => {
  test('type scale, disclosure state, wording, axe light and dark; screenshots saved to docs/', async () => {
    const { page, popup } = await popupFor('https://news.beaker-demo.test/');
    await until(() => popup.locator('[data-testid="organization"]').count(), (n) => n > 0);
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await popup.locator('h1').count()).toBe(1);
    expect(await popup.locator('h1').isVisible()).toBe(true);
    expect(await px(popup, 'body')).toBeGreaterThanOrEqual(13);
    expect(await px(popup, '[data-testid="ratio"]')).toBeGreaterThanOrEqual(13);
    expect(await px(popup, '[data-testid="organization"] .name')).toBeGreaterThanOrEqual(await px(popup, '[data-testid="organization"] .category'));
    expect(await px(popup, '[data-testid="organization"] .category')).toBeGreaterThanOrEqual(13);
    // Every section has a visible marker; the trackers section (with findings) is open.
    const markers = await popup.$$eval('details.section > summary', (els) => els.map((el) => getComputedStyle(el, '::before').content));
    expect(markers.length).toBe(4);
    for (const marker of markers) expect(marker).toMatch(/^"[▸▾]"$/);
    expect(await popup.locator('[data-testid="trackers"]').getAttribute('open')).not.toBeNull();
    // Visits in the header and in the footer.
    expect(await popup.locator('header .week').textContent()).toMatch(/over \d+ visits?\./);
    expect(await popup.getByTestId('week').textContent()).toMatch(/over \d+ visits?\./);
    // "Pause on this site" on one line: its height is one line box plus padding and border.
    const pause = popup.getByRole('button', { name: 'Pause on this site' });
    const box = await pause.boundingBox();
    const lineHeight = await pause.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect(box!.height).toBeLessThan(lineHeight * 1.5 + 12);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
      await popup.screenshot({ path: resolve(DOCS, scheme === 'light' ? 'popup.png' : 'popup-dark.png'), fullPage: true });
    }
    await popup.close();
    await page.close();
  });

  test('a page that targeted nothing has one empty state, and sections without findings are closed', async () => {
    const { page, popup } = await popupFor('https://img.beaker-cdn.test/photo.png');
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text.match(/Nothing targeted you/g)?.length).toBe(1);
    expect(await popup.locator('details.section[open]').count()).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('the toolbar button’s title says how often this page targeted the person', async () => {
    const { page, popup, tabId } = await popupFor('https://news.beaker-demo.test/');
    const targeted = Number((await popup.getByTestId('targeted').locator('strong').textContent())?.replace(/\D/g, ''));
    const title = await until(
      () => popup.evaluate((id) => (chrome.action as unknown as { getTitle(d: { tabId: number }): Promise<string> }).getTitle({ tabId: id }), tabId),
      (t) => t.includes(String(targeted)),
    );
    expect(title).toBe(`Beaker: targeted ${targeted} ${targeted === 1 ? 'time' : 'times'} on this page`);
    await popup.close();
    await page.close();
  });

  test('"Show on page" scrolls the unit into view, and says when an overlay covers it', async () => {
    // Ads below the fold: the page is scrolled to its end first, then shown its first ad unit.
    const ads = await popupFor('https://news.beaker-demo.test/ads.html');
    await ads.page.setViewportSize({ width: 800, height: 400 });
    await until(() => ads.popup.locator('[data-testid="ad-network"]').count(), (n) => n > 0, 15_000);
    await ads.popup.reload();
    await ads.popup.locator('[data-testid="popup"][data-status="ready"]').waitFor();
    expect(await ads.popup.locator('[data-testid="ads"]').getAttribute('open')).not.toBeNull();
    await ads.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bottom = await ads.page.evaluate(() => window.scrollY);
    // The first network is the ad server of the two slots above the spacer (ads.html).
    await ads.popup.locator('[data-testid="ad-network"] button').first().click();
    await ads.page.waitForFunction(() => document.querySelector('beaker-highlight') !== null);
    expect(await ads.page.evaluate(() => window.scrollY)).toBeLessThan(bottom);
    const inView = await ads.page.$$eval('[id^="div-gpt-ad-"]', (els) =>
      els.some((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    );
    expect(inView).toBe(true);
    expect(await ads.page.evaluate(() => document.querySelector('beaker-highlight')!.getAttribute('data-state'))).toMatch(/^(shown ?)+$/);
    await ads.popup.close();
    await ads.page.close();

    // deals.html: the newsletter modal opens over the page, the countdown under it.
    const deals = await popupFor('https://shop.beaker-demo.test/deals.html');
    await until(() => deals.popup.locator('[data-testid="dark-pattern"][data-type="countdown-timer"]').count(), (n) => n > 0, 15_000, 500).then(async () => {
      await deals.popup.reload();
      await deals.popup.locator('[data-testid="popup"][data-status="ready"]').waitFor();
    });
    await deals.page.waitForFunction(() => !document.getElementById('newsletter-modal')!.hidden);
    await deals.popup.locator('[data-testid="dark-pattern"][data-type="countdown-timer"] button').click();
    await deals.page.waitForFunction(() => document.querySelector('beaker-highlight') !== null);
    expect(await deals.page.evaluate(() => document.querySelector('beaker-highlight')!.getAttribute('data-state'))).toBe('covered');
    await deals.page.screenshot({ path: resolve(__dirname, '../../.output/e2e-show-on-page-covered.png') });
    await deals.popup.close();
    await deals.page.close();
  });
});

describe('the settings page in English', () => {
  test('type scale and axe, light and dark; "Delete all data…" readable in both', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.getByTestId('settings').waitFor();
    expect(await px(options, 'body')).toBeGreaterThanOrEqual(13);
    expect(await px(options, '.hint')).toBeGreaterThanOrEqual(13);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(options), scheme).toEqual([]);
    }
    await options.close();
  });
});
