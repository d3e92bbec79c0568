/**
 * Issue #13, item 4: 20,000 findings under one parent must not freeze the page (the locator used to
 * walk every sibling of each finding, outside the scanner's budget: 79.8 s of stalled event loop).
 * The page is visited with Beaker and in a plain Chromium in the same run (tests/e2e/hostile-responsive.ts);
 * from the moment the page's own work is done until Beaker has reported everything it will, no long
 * task over 50 ms may happen with Beaker that does not happen without it, clicks answer, and the
 * findings are reported.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, useHostileChromium, visitCounts } from './hostile-harness';
import { tabIdOf } from '../../scripts/lib/read-log';
import { beakerShare, clickRoundTrips, fromBeaker, launchPlain, LONG_TASKS, longTasksOf, startProfile, type LongTask } from './hostile-responsive';

const session = useHostileChromium();
const URL = hostileUrl('siblings.html');
let plain: Awaited<ReturnType<typeof launchPlain>>;
beforeAll(async () => {
  plain = await launchPlain(session.server.port);
});
afterAll(async () => plain?.close());

const after = (tasks: LongTask[], from: number) => tasks.filter((t) => t.start + t.duration > from);
const builtAt = (page: import('playwright-core').Page) => until(() => page.evaluate(() => (window as { __builtAt?: number }).__builtAt ?? null), (v) => v !== null, 60_000);

test('20,000 sibling findings: no long task from Beaker, clicks answer, findings reported', async () => {
  // Without Beaker: the page's own long tasks once it is built (rendering 20,000 paragraphs).
  const wo = await plain.context.newPage();
  await wo.addInitScript(LONG_TASKS);
  await wo.goto(URL, { waitUntil: 'load' });
  const woBuilt = (await builtAt(wo))!;
  const woClicks = await clickRoundTrips(wo, 3000);
  const woTasks = after(await longTasksOf(wo), woBuilt);

  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.addInitScript(LONG_TASKS);
  const stopProfile = await startProfile(page);
  await page.goto(URL, { waitUntil: 'load' });
  const tabId = await tabIdOf(session.ext, page.url());
  const built = (await builtAt(page))!;
  const t0 = Date.now();
  const clicks = await clickRoundTrips(page, 3000);
  // Until all are reported, or the count stops growing for 20 s: everything Beaker will report.
  let last = -1;
  let stableSince = Date.now();
  // Reported = recorded + kept out by the per-visit bounds (issue #10, item 5: the same prompt is
  // one finding per visit, so the page's 7 distinct texts are 7 records; the rest are `capped`).
  const capped = () =>
    session.ext.evaluate(() => chrome.runtime.sendMessage({ type: 'get-diagnostics' }).then((d: { capped?: Record<string, number> }) => d.capped?.['dark-pattern'] ?? 0));
  let patterns = 0;
  while (patterns < 20_000 && (patterns === 0 || Date.now() - stableSince < 20_000) && Date.now() - t0 < 180_000) {
    patterns = ((await visitCounts(session.ext, tabId))?.darkPattern ?? 0) + (await capped());
    if (patterns !== last) {
      last = patterns;
      stableSince = Date.now();
    }
    await page.waitForTimeout(2000);
  }
  const doneMs = Date.now() - t0;
  const tasks = after(await longTasksOf(page), built);
  const shares = beakerShare(await stopProfile(), tasks, session.browser.extensionId);
  const count = await page.evaluate(() => (window as { __count?: number }).__count);
  const fmt = (ts: LongTask[]) => `${ts.length} long tasks${ts.length ? `, longest ${Math.max(...ts.map((t) => t.duration))} ms` : ''}`;
  console.log(
    `siblings (${count}): with Beaker ${fmt(tasks)} after the page was built (Beaker's ms in each: ${JSON.stringify(shares.map((s) => [s.duration, s.beakerMs]))}), clicks max ${Math.max(...clicks)} ms; ` +
      `without ${fmt(woTasks)}, clicks max ${Math.max(...woClicks)} ms; ${patterns} dark patterns reported, settled after ${doneMs} ms`,
  );
  expect(count).toBe(20_000);
  // No long task from Beaker (the CPU profile says whose code ran); and the page without Beaker has
  // none once built, so any long task with Beaker is printed above for the reader.
  expect(woTasks).toEqual([]);
  for (const t of fromBeaker(shares)) console.log(`  from Beaker: ${JSON.stringify(t)}`);
  expect(fromBeaker(shares)).toEqual([]);
  for (const ms of clicks) expect(ms).toBeLessThan(250);
  // Reported: at least the scanner's memory of reported elements (MAX_REPORTED, 5,000) and,
  // whatever the caps, one report per element at most.
  expect(patterns).toBeGreaterThanOrEqual(5000);
  expect(patterns).toBeLessThanOrEqual(20_000);
  const events = ofKind(await eventsOfTab(session.ext, tabId), 'dark-pattern');
  // Recorded: one per distinct prompt text ("Only 2 … 8 left in stock.").
  expect(new Set(events.map((e) => e.evidence)).size).toBe(events.length);
  expect(events.length).toBe(7);
  expect(new Set(events.map((e) => e.locator)).size).toBe(events.length);
  // A locator still leads back to its element.
  const sample = events[Math.floor(events.length / 2)]!;
  expect(await page.evaluate((loc) => document.querySelector(loc)?.textContent ?? null, sample.locator)).toMatch(/left in stock/);
}, 300_000);
