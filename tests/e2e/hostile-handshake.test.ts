/**
 * Issue #13, item 1: a page cannot stop Beaker's content script, or learn the extension id, through
 * WXT's content-script start-up handshake (`<id>:<entry>:wxt:content-script-started`). The same page
 * is visited twice in one browser: plainly, and replaying the handshake (a CustomEvent on document
 * and a posted message, for every entry name, every 100 ms for 5 s). The person clicks twice for
 * real (CDP mouse input) in both. Both visits must report the same ads, dark patterns and acts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/lib/build';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, openTab, renderedAds, useHostileChromium } from './hostile-harness';
import type { LogEvent } from '../../lib/schema';

const session = useHostileChromium();
const EXPECTED_PATTERNS = ['consent-no-reject', 'low-stock-message', 'sneak-into-basket'];

interface Seen {
  messages: { data: string; mine: boolean }[];
  events: { type: string; detail: string }[];
}

interface Visit {
  page: Page;
  events: LogEvent[];
  seen: Seen;
}

async function visit(query: string): Promise<Visit> {
  const { page, tabId } = await openTab(session, hostileUrl(`handshake.html?${query}`));
  const ready = (e: LogEvent[]) => renderedAds(e).length >= 2 && EXPECTED_PATTERNS.every((t) => ofKind(e, 'dark-pattern').some((p) => p.type === t));
  await until(() => eventsOfTab(session.ext, tabId), ready, 15_000);
  if (query.startsWith('replay')) await until(() => page.evaluate(() => (window as { __replayDone?: boolean }).__replayDone === true), Boolean, 15_000);
  // Two real clicks, after the replay has run for its whole 5 s.
  for (const id of ['#one', '#two']) {
    const box = (await page.locator(id).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  await until(() => eventsOfTab(session.ext, tabId), (e) => ready(e) && ofKind(e, 'engagement').length >= 2, 15_000);
  await page.waitForTimeout(1000); // anything more that would come (it must not)
  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
  return { page, events: await eventsOfTab(session.ext, tabId), seen };
}

const summary = (events: LogEvent[]) => ({
  ads: renderedAds(events).length,
  patterns: ofKind(events, 'dark-pattern').map((p) => p.type).sort(),
  acts: ofKind(events, 'engagement').map((a) => a.action),
});

describe('the replayed start-up handshake', () => {
  let plain: Visit;
  let replayed: Visit;
  let id: string;
  beforeAll(async () => {
    id = session.browser.extensionId;
    plain = await visit(`listen=${id}`);
    replayed = await visit(`replay=${id}`);
  }, 120_000);

  test('the content script keeps reporting: the same ads, dark patterns and acts as without the replay', () => {
    console.log(`plain ${JSON.stringify(summary(plain.events))}; replayed ${JSON.stringify(summary(replayed.events))}`);
    expect(summary(plain.events)).toEqual({ ads: 2, patterns: EXPECTED_PATTERNS, acts: ['click', 'click'] });
    expect(summary(replayed.events)).toEqual(summary(plain.events));
  });

  test('no page-visible message or handshake event carries the extension id', () => {
    for (const v of [plain, replayed]) {
      // Every message the page's window received that it did not post itself.
      const theirs = v.seen.messages.filter((m) => !m.mine);
      expect(theirs.filter((m) => m.data.includes(id))).toEqual([]);
      expect(theirs.filter((m) => m.data.includes('wxt'))).toEqual([]);
      expect(v.seen.events).toEqual([]);
    }
    // The replay did reach the page's own listener (the probe works).
    expect(replayed.seen.messages.filter((m) => m.mine && m.data.includes(id)).length).toBeGreaterThan(0);
  });
});

describe('the built content scripts (Chromium and Firefox)', () => {
  // What every frame runs: Chrome's loader, its module and the MAIN-world hook; Firefox's content script.
  const injected = (dir: string) => [
    ...readdirSync(join(dir, 'content-scripts')).map((f) => join(dir, 'content-scripts', f)),
    ...readdirSync(dir).filter((f) => f === 'content-main.js').map((f) => join(dir, f)),
  ];
  test.each(['chrome', 'firefox'] as const)('%s: no WXT handshake, no event dispatched, no message but the hook\'s', (target) => {
    const dir = ensureBuilt(target);
    const files = injected(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toContain('content-script-started');
      expect(code, file).not.toContain('dispatchEvent');
      // The only message posted to the page is the MAIN-world hook's (no extension id in it: issue #13 item 6).
      if (!file.endsWith('notification-hook.js')) expect(code, file).not.toContain('postMessage');
    }
  });
});
