/**
 * The structural dark-pattern detectors (obstruction, forced action, pressured selling, soft
 * prompts, pre-ticked opt-ins, nagging overlays) in the real extension: their wording is matched in the background with the text facts
 * (lib/dark-patterns/support/words.ts), so the content script asks, waits for the answer and runs
 * the pass again. Every fixture and hold-out page written for them must read in Chromium as its
 * labels say, as `npm run eval` reads it under Node with the rules called directly: positives
 * found, negatives (a help page with an online form, a guest checkout, "customers also viewed")
 * quiet, and nothing decided on an answer still on its way.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt } from '../../scripts/lib/build';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { startFrontServer, type FrontServer } from '../../scripts/lib/front-server';
import { readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import type { LogEvent } from '../../lib/schema';
import { FIXTURE_DIR, HOLDOUT_DIR, loadFixtures, type Fixture } from '../unit/dark-patterns/detectors/fixture-harness';
import type { Page } from 'playwright-core';
import { until } from './harness';

const HOST = 'fixtures.beaker-structural.test';
const DETECTORS = ['obstruction', 'forced-action', 'pressured-selling', 'soft-prompt', 'preselected-opt-in', 'nagging-overlay'];
const TYPES = new Set(['hard-to-cancel', 'forced-enrollment', 'pressured-selling', 'notification-without-gesture', 'nagging-overlay', 'preticked-purposes', 'sneak-into-basket']);
/** A negative page is read as quiet once the scan had this long (it settles in well under a second here). */
const QUIET_MS = 2500;

/**
 * Pages whose verdict rests on a click the person made just before (`lastUserGestureAt=<ms>` in
 * their context: a settings drawer opened by a click) are left to the Node eval, which replays the
 * click's time; no one clicks here, so in Chromium they would rightly read as unasked-for.
 */
const askedByClick = (f: Fixture) => /beaker-context"\s+content="[^"]*lastUserGestureAt=\d/.test(f.html);
/** The pages written for these detectors, and every hold-out page (they name no detector). */
const pages = [
  ...loadFixtures()
    .filter((f) => f.detectors.some((d) => DETECTORS.includes(d)))
    .map((f) => ({ ...f, path: f.name })),
  ...loadFixtures(HOLDOUT_DIR).map((f) => ({ ...f, path: `holdout/${f.name}` })),
].filter((f) => !askedByClick(f));

let fixtures: FixtureServer;
let front: FrontServer;
let browser: ExtensionBrowser;
let ext: Page;

beforeAll(async () => {
  ensureBuilt('chrome');
  fixtures = await startFixtureServer();
  front = await startFrontServer(fixtures, HOST, (req: IncomingMessage, res: ServerResponse) => {
    const full = normalize(join(FIXTURE_DIR, decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/')));
    const ok = full.startsWith(FIXTURE_DIR + sep) && full.endsWith('.html') && statSync(full, { throwIfNoEntry: false })?.isFile();
    if (!ok) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(readFileSync(full));
  });
  browser = await launchWithExtension({ fixturePort: front.port });
  ext = await browser.extensionPage();
});
afterAll(async () => {
  await browser?.close();
  await front?.close();
  await fixtures?.close();
});

type DarkPatternEvent = Extract<LogEvent, { kind: 'dark-pattern' }>;

function viewportOf(f: Fixture): { width: number; height: number } {
  const m = /beaker-context"\s+content="[^"]*viewport=(\d+)x(\d+)/.exec(f.html);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 1280, height: 800 };
}

describe('structural dark patterns in Chromium, worded in the background', () => {
  test('there are pages for every detector, positive and negative', () => {
    expect(pages.filter((p) => p.path.startsWith('holdout/')).length).toBeGreaterThan(20);
    for (const d of DETECTORS) {
      const own = pages.filter((p) => p.detectors.includes(d));
      expect(own.some((p) => p.expected.some((t) => TYPES.has(t))), `${d}: a positive page`).toBe(true);
      expect(own.some((p) => !p.expected.some((t) => TYPES.has(t))), `${d}: a negative page`).toBe(true);
    }
  });

  test.each(pages.map((p) => [p.path, p] as const))('%s', async (path, fixture) => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize(viewportOf(fixture));
      await page.goto(`https://${HOST}/${path}`, { waitUntil: 'load' });
      const tabId = await tabIdOf(ext, page.url());
      const { visitId } = await tabStateOf(ext, tabId);
      const found = async () =>
        new Set(
          (await readLog(ext)).events
            .filter((e): e is DarkPatternEvent => e.kind === 'dark-pattern' && e.visitId === visitId)
            .map((e) => e.type)
            .filter((t) => TYPES.has(t)),
        );
      const expected = new Set(fixture.expected.filter((t) => TYPES.has(t)));
      if (expected.size > 0) await until(found, (s) => [...expected].every((t) => s.has(t)), 10_000);
      await page.waitForTimeout(expected.size > 0 ? 500 : QUIET_MS);
      expect([...(await found())].sort()).toEqual([...expected].sort());
    } finally {
      await page.close();
    }
  });
});
