/**
 * Issue #12, item 2: the popup and the settings page in Arabic, right to left. Chromium takes its
 * UI language from `--lang` (the locale's .pak must be installed: Debian's chromium-l10n); the
 * extension's pages then read `_locales/ar` and set `dir="rtl"` on the document. axe-core finds no
 * violations there either, light and dark; a screenshot is saved to docs/popup-ar.png.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tabIdOf } from '../../scripts/lib/read-log';
import { axeViolations, until, useArabicChromium } from './harness';

const session = useArabicChromium();

describe('Arabic', () => {
  test('the popup is in Arabic, right to left, with Arabic plural forms; axe light and dark', async () => {
    const ext = await session.browser.extensionPage();
    const page = await session.browser.context.newPage();
    await page.goto('https://news.beaker-demo.test/', { waitUntil: 'load' });
    const tabId = await tabIdOf(ext, page.url());
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-testid="popup"][data-status="ready"]').waitFor();
    await until(() => popup.locator('[data-testid="organization"]').count(), (n) => n > 0);
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl', 'rtl']);
    expect(await popup.locator('[data-testid="targeted"]').textContent()).toContain('الاستهداف');
    expect(await popup.locator('[data-testid="trackers"] summary').textContent()).toContain('أدوات التتبّع');
    // The closed sections' marker points to the text's start, on the right.
    const markers = await popup.$$eval('details.section:not([open]) > summary', (els) => els.map((el) => getComputedStyle(el, '::before').content));
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers) expect(marker).toBe('"◂"');
    // Start edge is the right: the section title sits right of its count.
    const title = await popup.locator('[data-testid="trackers"] summary .title').boundingBox();
    const total = await popup.locator('[data-testid="trackers"] summary .total').boundingBox();
    expect(title!.x).toBeGreaterThan(total!.x);
    // Arabic plural forms for the page's count (Intl.PluralRules('ar')).
    const targeted = Number((await popup.locator('[data-testid="targeted"] strong').textContent())?.replace(/[^\d٠-٩]/g, '').replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))));
    expect(targeted).toBeGreaterThan(2);
    const form = new Intl.PluralRules('ar').select(targeted);
    const ratio = (await popup.getByTestId('ratio').textContent()) ?? '';
    expect(ratio).toContain(form === 'few' ? 'مرات' : 'مرة');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: resolve(__dirname, '../../docs/popup-ar.png'), fullPage: true });
    const title2 = await popup.evaluate((id) => (chrome.action as unknown as { getTitle(d: { tabId: number }): Promise<string> }).getTitle({ tabId: id }), tabId);
    expect(title2).toContain('استُهدفت');
    await popup.close();
    await page.close();
  });

  test('the settings page is in Arabic, right to left; axe light and dark', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.getByTestId('settings').waitFor();
    expect(await options.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title])).toEqual(['ar', 'rtl', 'إعدادات Beaker']);
    expect(await options.locator('h1').textContent()).toBe('إعدادات Beaker');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(options), scheme).toEqual([]);
    }
    await options.close();
  });
});
