import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import type { LogEvent } from '../../lib/schema';

const session = useChromiumWithExtension();
let ext: Page;
let browser: ChromiumSession['browser'];
beforeAll(() => {
  ({ ext, browser } = session);
});


async function eventsOf(tabId: number): Promise<LogEvent[]> {
  const state = await tabStateOf(ext, tabId);
  return (await readLog(ext)).events.filter((e) => e.visitId === state.visitId);
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup"][data-status="ready"]');
  return popup;
}

const ads = (events: LogEvent[], phase: 'rendered' | 'impression') =>
  events.filter((e): e is Extract<LogEvent, { kind: 'ad' }> => e.kind === 'ad' && e.phase === phase);

describe('ads on a news page with GPT slots and a native widget', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('https://news.beaker-demo.test/ads.html', { waitUntil: 'load' });
    tabId = await tabIdOf(ext, page.url());
  });

  test('every ad unit is counted once, and only the one above the fold is seen at first', async () => {
    const events = await until(() => eventsOf(tabId), (e) => ads(e, 'rendered').length >= 3 && ads(e, 'impression').length >= 1);
    expect(ads(events, 'rendered')).toHaveLength(3);
    // Provenance: the detector and its version.
    for (const e of ads(events, 'rendered')) expect(e.ruleId).toMatch(/^ads\/[a-z-]+@\d+$/);
    // Only the leaderboard is in view: wait past the one-second rule, then check nothing else was seen.
    await page.waitForTimeout(1500);
    const seen = ads(await eventsOf(tabId), 'impression');
    expect(seen).toHaveLength(1);
    const top = ads(events, 'rendered').find((e) => e.unitId === seen[0]!.unitId)!;
    // The locator leads back to the unit on the page.
    expect(await page.evaluate((loc) => document.querySelector(loc)?.id, top.locator)).toBe('div-gpt-ad-1700000000001-0');
    const popup = await openPopup(tabId);
    expect(await popup.textContent('[data-testid="ads-rendered"]')).toBe('3');
    expect(await popup.textContent('[data-testid="ads-seen"]')).toBe('1');
    await popup.close();
  });

  test('scrolling a unit into view for a second makes it seen', async () => {
    await page.locator('#div-gpt-ad-1700000000001-1').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1300);
    await page.locator('#taboola-below-article-thumbnails').scrollIntoViewIfNeeded();
    const events = await until(() => eventsOf(tabId), (e) => ads(e, 'impression').length >= 3);
    expect(ads(events, 'impression')).toHaveLength(3);
    expect(ads(events, 'rendered')).toHaveLength(3);
    const popup = await openPopup(tabId);
    expect(await popup.textContent('[data-testid="ads-seen"]')).toBe('3');
    await popup.close();
  });

  test('"show on page" outlines the units without shifting the layout, and clears', async () => {
    const before = await page.locator('#div-gpt-ad-1700000000001-1').boundingBox();
    const popup = await openPopup(tabId);
    // A section with findings is open (issue #12 item 3): the buttons are there without a click.
    expect(await popup.locator('[data-testid="ads"]').getAttribute('open')).not.toBeNull();
    await popup.locator('[data-testid="ad-network"] button').first().click();
    await page.waitForFunction(() => document.querySelector('beaker-highlight') !== null);
    const after = await page.locator('#div-gpt-ad-1700000000001-1').boundingBox();
    expect(after?.height).toBe(before?.height);
    // The overlay never takes clicks.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('beaker-highlight')!).pointerEvents)).toBe('none');
    await popup.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'highlight', items: null }), tabId);
    await page.waitForFunction(() => document.querySelector('beaker-highlight') === null);
    await popup.close();
  });
});

const patterns = (events: LogEvent[]) => events.filter((e): e is Extract<LogEvent, { kind: 'dark-pattern' }> => e.kind === 'dark-pattern');

describe('dark patterns on a shop page', () => {
  // deals.html: a live countdown, a low-stock message, a confirmshaming newsletter modal that opens
  // by itself, a pre-ticked protection add-on and a cookie dialog with no reject.
  const expected = ['countdown-timer', 'low-stock-message', 'confirmshaming', 'sneak-into-basket', 'consent-no-reject'];

  test('the popup lists each, with its explanation', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://shop.beaker-demo.test/deals.html', { waitUntil: 'load' });
    const tabId = await tabIdOf(ext, page.url());
    const events = await until(
      () => eventsOf(tabId),
      (e) => expected.every((type) => patterns(e).some((p) => p.type === type)),
      15_000,
    );
    const types = patterns(events).map((p) => p.type);
    for (const type of expected) expect(types).toContain(type);
    // One element, one report.
    expect(new Set(patterns(events).map((p) => p.locator)).size).toBe(patterns(events).length);
    for (const p of patterns(events)) {
      expect(p.evidence.length).toBeLessThanOrEqual(200);
      expect(p.ruleId).toMatch(/^dark-patterns\/[a-z-]+@\d+$/);
    }

    const popup = await openPopup(tabId);
    const shown = await popup.$$eval('[data-testid="dark-pattern"]', (els) => els.map((e) => e.getAttribute('data-type')));
    for (const type of expected) expect(shown).toContain(type);
    const explanations = await popup.$$eval('[data-testid="explanation"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(explanations.length).toBe(shown.length);
    for (const text of explanations) expect(text.length).toBeGreaterThan(40);
    await popup.close();
  });

  test('a plain shop page lists none', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://shop.beaker-demo.test/', { waitUntil: 'load' });
    const tabId = await tabIdOf(ext, page.url());
    await page.waitForTimeout(3000);
    expect(patterns(await eventsOf(tabId))).toEqual([]);
    const popup = await openPopup(tabId);
    expect(await popup.textContent('[data-testid="dark-patterns"] summary')).toContain('0');
    await popup.close();
  });
});

test('a hostile page (redefined built-ins, a mutation storm of 50,000 nodes, deep shadow roots) is still read correctly', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('https://news.beaker-demo.test/hostile.html', { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, page.url());
  // Playwright's own waitForFunction needs the page's MutationObserver, which this page broke.
  expect(await until(() => page.evaluate(() => (window as { __stormDone?: boolean }).__stormDone === true), (done) => done, 20_000)).toBe(true);
  const events = await until(
    () => eventsOf(tabId),
    (e) => ads(e, 'rendered').length >= 1 && patterns(e).some((p) => p.type === 'low-stock-message'),
    15_000,
  );
  expect(ads(events, 'rendered')).toHaveLength(1);
  expect(patterns(events).map((p) => p.type)).toContain('low-stock-message');
  // The page's own errors are its own; none may come from Beaker's content script.
  expect(errors.filter((m) => !m.startsWith('hostile'))).toEqual([]);
});
