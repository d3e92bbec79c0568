/**
 * Issue #13, item 1, in Firefox (where WXT's handshake used to reach the content script): the
 * handshake page of hostile-handshake.test.ts, replaying `beaker@beaker.invalid:<entry>:wxt:
 * content-script-started`, then two real clicks. Needs port 443 (root) and /usr/bin/firefox-esr,
 * like tests/e2e/firefox.test.ts.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureBuilt } from '../../scripts/lib/build';
import { GECKO_ID, firefoxTabIdOf, firefoxTabState, launchFirefoxWithExtension, readFirefoxLog, type FirefoxExtensionBrowser } from '../../scripts/lib/firefox';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import type { LogEvent } from '../../lib/schema';
import { until } from './harness';
import { hostileUrl, ofKind, renderedAds } from './hostile-harness';

let server: FixtureServer;
let ff: FirefoxExtensionBrowser;

beforeAll(async () => {
  const dir = ensureBuilt('firefox');
  server = await startFixtureServer({ port: 443, extraSiteDirs: [resolve('tests/fixtures/hostile')] });
  ff = await launchFirefoxWithExtension({ extensionDir: dir, hostnames: server.hostnames() });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function visit(query: string) {
  const ext = await ff.extensionPage();
  const page = await ff.browser.newPage();
  const url = hostileUrl(`handshake.html?${query}`);
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await firefoxTabIdOf(ext, url);
  const events = async (): Promise<LogEvent[]> => {
    const state = await firefoxTabState(ext, tabId);
    return (await readFirefoxLog(ext)).events.filter((e) => e.visitId === state.visitId);
  };
  if (query.startsWith('replay')) await until(() => page.evaluate(() => (window as { __replayDone?: boolean }).__replayDone === true), Boolean, 15_000);
  for (const id of ['#one', '#two']) await page.click(id);
  const done = (e: LogEvent[]) => renderedAds(e).length >= 2 && ofKind(e, 'dark-pattern').length >= 3 && ofKind(e, 'engagement').length >= 2;
  await until(events, done, 15_000);
  await new Promise((r) => setTimeout(r, 1000));
  const seen = await page.evaluate(() => (window as unknown as { __seen: { messages: { data: string; mine: boolean }[]; events: unknown[] } }).__seen);
  const final = await events();
  await page.close();
  return {
    summary: { ads: renderedAds(final).length, patterns: ofKind(final, 'dark-pattern').map((p) => p.type).sort(), acts: ofKind(final, 'engagement').map((a) => a.action) },
    seen,
  };
}

test('Firefox: the replayed handshake stops nothing, and no page-visible message names the extension', async () => {
  const plain = await visit(`listen=${GECKO_ID}`);
  const replayed = await visit(`replay=${GECKO_ID}`);
  console.log(`firefox plain ${JSON.stringify(plain.summary)}; replayed ${JSON.stringify(replayed.summary)}`);
  expect(plain.summary).toEqual({ ads: 2, patterns: ['consent-no-reject', 'low-stock-message', 'sneak-into-basket'], acts: ['click', 'click'] });
  expect(replayed.summary).toEqual(plain.summary);
  for (const v of [plain, replayed]) {
    const theirs = v.seen.messages.filter((m) => !m.mine);
    expect(theirs.filter((m) => m.data.includes(GECKO_ID) || m.data.includes('wxt'))).toEqual([]);
    expect(v.seen.events).toEqual([]);
  }
}, 120_000);
