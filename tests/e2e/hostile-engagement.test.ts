/**
 * Issue #13, item 2: engagement bounded by real input, in real Chromium with the built extension.
 * The amplification page: ONE real click (CDP mouse input), after which the page's script runs
 * 50 x requestSubmit(), 20 x execCommand('insertText') with blur()/focus() between and 10 x
 * play(), all inside the 1 s gesture window. At most one act per kind may count. Then the same
 * page without the script: real typing, a real submit click and a real play click each count.
 */
import { describe, expect, test } from 'vitest';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, openTab, useHostileChromium } from './hostile-harness';
import type { LogEvent } from '../../lib/schema';

const session = useHostileChromium();

const countsOf = (events: LogEvent[]) => {
  const by: Record<string, number> = {};
  for (const a of ofKind(events, 'engagement')) by[a.action] = (by[a.action] ?? 0) + 1;
  return by;
};

describe('engagement on hostile and plain input', () => {
  test('one real click, then the script: at most one act per kind', async () => {
    const { page, tabId } = await openTab(session, hostileUrl('amplify.html'));
    await page.waitForTimeout(500); // the content script has its settings
    const box = (await page.locator('#go').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await until(() => page.evaluate(() => (window as { __done?: string }).__done === 'yes'), Boolean, 10_000);
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    // The page did what the issue describes (the browser fired trusted submit, input and play events).
    expect(seen.submit).toBe(50);
    expect(seen.input).toBeGreaterThanOrEqual(20);
    expect(seen.play).toBeGreaterThanOrEqual(1);
    const events = await until(() => eventsOfTab(session.ext, tabId), (e) => ofKind(e, 'engagement').length >= 1, 10_000);
    await page.waitForTimeout(1500); // longer than the batching interval: whatever else would come
    const counts = countsOf(await eventsOfTab(session.ext, tabId));
    console.log(`amplification page: the page saw ${JSON.stringify(seen)}; Beaker counted ${JSON.stringify(counts)} (${events.length} at first)`);
    for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(1);
    // Exactly: the click on #go (a plain button), and the one submit of the form the click was in.
    // No typing (no key was pressed), no media (the click was not on the video).
    expect(counts).toEqual({ click: 1, submit: 1 });
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="popup"][data-status="ready"]');
    expect(await popup.textContent('[data-testid="engaged"]')).toContain('2');
    await popup.close();
  });

  test('real typing, a real submit click and a real play click still count', async () => {
    const { page, tabId } = await openTab(session, hostileUrl('amplify.html?quiet'));
    await page.waitForTimeout(500);
    await page.click('#field');
    await page.keyboard.type('hello');
    await page.click('#send');
    await page.click('#v');
    await until(() => page.evaluate(() => (window as unknown as { __seen: { play: number } }).__seen.play >= 1), Boolean, 10_000);
    const events = await until(() => eventsOfTab(session.ext, tabId), (e) => ofKind(e, 'engagement').length >= 4, 10_000);
    expect(countsOf(events)).toEqual({ click: 1, type: 1, submit: 1, media: 1 });
  });
});
