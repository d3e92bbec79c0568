import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';

/**
 * Issue #10, item 3: engagement in an iframe is the person's too, counted on the top-level visit
 * (still only trusted input). The pages are served by Playwright's router on fixture host names, so
 * the content script runs in both frames as on any page.
 */
const session = useChromiumWithExtension();
let ext: Page;
let browser: ChromiumSession['browser'];
beforeAll(() => {
  ({ ext, browser } = session);
});

const TOP = 'https://news.beaker-demo.test/frames-e2e.html';
const INNER = 'https://shop.beaker-demo.test/frames-e2e-inner.html';

test('a trusted click and typing inside an iframe count on the top-level visit; a script click does not', async () => {
  await browser.context.route(TOP, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>frames</title><p>Top</p><iframe src="${INNER}" width="400" height="200"></iframe>` }),
  );
  await browser.context.route(INNER, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><textarea id="t"></textarea><button id="b" type="button">Like</button><button id="s" type="button">Script</button>' }),
  );
  const page = await browser.context.newPage();
  await page.goto(TOP, { waitUntil: 'load' });
  const frame = await until(async () => page.frames().find((f) => f.url() === INNER) ?? null, (f) => f !== null);
  // The content script starts after its settings answer; give it a moment.
  await page.waitForTimeout(1500);
  await frame!.click('#b');
  await frame!.click('#t');
  await page.keyboard.type('hello');
  await frame!.evaluate(() => (document.getElementById('s') as HTMLButtonElement).click());
  const tabId = await tabIdOf(ext, TOP);
  const { visitId } = await tabStateOf(ext, tabId);
  const acts = await until(
    async () => (await readLog(ext)).events.filter((e) => e.kind === 'engagement' && e.visitId === visitId),
    (a) => a.length >= 2,
    10_000,
  );
  await page.waitForTimeout(1000);
  const final = (await readLog(ext)).events.filter((e) => e.kind === 'engagement' && e.visitId === visitId);
  console.log(`[frames e2e] engagement on the top visit: ${final.map((e) => `${(e as { action: string }).action}@frame${e.frameId}`).join(', ')}`);
  expect(acts.length).toBeGreaterThanOrEqual(2);
  expect(final.every((e) => e.frameId !== 0 && e.topUrl === TOP)).toBe(true);
  expect(final.map((e) => (e as { action: string }).action).sort()).toEqual(['click', 'click', 'type']);
  await page.close();
}, 60_000);
