/**
 * Firefox end-to-end: the built MV2 extension in headless Firefox ESR (puppeteer-core 24, WebDriver
 * BiDi), the fixture site on real tracker host names served from 127.0.0.1:443. Needs root (port 443)
 * and /usr/bin/firefox-esr. Run: `npx vitest run --config vitest.e2e.config.ts tests/e2e/firefox.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ensureBuilt } from '../../scripts/lib/build';
import {
  GECKO_ID,
  firefoxBackgroundState,
  firefoxBadgeTextOf,
  firefoxTabIdOf,
  firefoxTabState,
  launchFirefoxWithExtension,
  readFirefoxLog,
  type FirefoxExtensionBrowser,
} from '../../scripts/lib/firefox';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { fixturePage, targetingLoadCount } from '../fixtures/site/manifest';
import { SCHEMA_VERSION, logEvent, type LogEvent, type TrackerEvent } from '../../lib/schema';
import { siteOf } from '../../lib/trackers/url';
import { until } from './harness';
import { FILTER_LIST_PORT } from '../../lib/filter-list-messages';

/** The WebExtension API as these tests call it inside extension pages (page.evaluate). */
declare const browser: {
  runtime: {
    id: string;
    getManifest(): { name: string; version: string; manifest_version: number };
    connect(info: { name: string }): {
      postMessage(message: unknown): void;
      onMessage: { addListener(listener: (message: unknown) => void): void };
      disconnect(): void;
    };
    sendMessage(message: unknown): Promise<unknown>;
  };
};

const news = fixturePage('news');
const expectedCount = targetingLoadCount('news');
const expectedTargeting = news.load.filter((r) => r.targeting);

let server: FixtureServer;
let ff: FirefoxExtensionBrowser;
let ext: Page;
let buildDir: string;
let tabId: number;
const startedAt = Date.now();

beforeAll(async () => {
  buildDir = ensureBuilt('firefox');
  // Firefox keeps the port of the URL (no host-resolver mapping as in Chromium): the server must be on 443.
  server = await startFixtureServer({ port: 443 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES') throw new Error('The Firefox e2e test serves the fixtures on port 443: run it as root (or grant node CAP_NET_BIND_SERVICE).');
    if (error.code === 'EADDRINUSE') throw new Error('Port 443 is in use (another Firefox e2e run, or `serve-fixtures --port 443`?): stop it first.');
    throw error;
  });
  ff = await launchFirefoxWithExtension({ extensionDir: buildDir, hostnames: server.hostnames() });
  ext = await ff.extensionPage();
  const page = await ff.browser.newPage();
  await page.goto(news.url, { waitUntil: 'load' });
  tabId = await firefoxTabIdOf(ext, news.url);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
  console.log(`firefox.test.ts: ${((Date.now() - startedAt) / 1000).toFixed(1)} s from the first hook to teardown`);
});


/** The tab's current visit and its events, after the background flushed its write queue. */
async function visitEvents(): Promise<{ visitId: string | null; events: LogEvent[] }> {
  const state = await firefoxTabState(ext, tabId); // flushes the write queue first
  if (!state.visitId) return { visitId: null, events: [] };
  const { events } = await readFirefoxLog(ext);
  return { visitId: state.visitId, events: events.filter((e) => e.visitId === state.visitId) };
}

const targeting = (events: LogEvent[]): TrackerEvent[] => events.filter((e): e is TrackerEvent => e.kind === 'tracker' && e.targeting);

test('the extension is installed and its background page is ready', async () => {
  const built = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as { name: string; version: string };
  const info = await ext.evaluate(() => ({ id: browser.runtime.id, manifest: browser.runtime.getManifest() }));
  expect(info.id).toBe(GECKO_ID);
  // The built name is `__MSG_ext_name__`; Firefox hands the page the English message (default_locale en).
  const english = JSON.parse(readFileSync(join(buildDir, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  expect(built.name).toBe('__MSG_ext_name__');
  expect(info.manifest).toMatchObject({ name: english.ext_name!.message, version: built.version, manifest_version: 2 });
  expect(await firefoxBackgroundState(ext)).toEqual({ ready: true, initError: null });
});

describe('the news page with real tracker host names', () => {
  test('the background sees the page: get-tab-state has a visit on the right site', async () => {
    const state = await firefoxTabState(ext, tabId);
    expect(state).toMatchObject({ tabId, url: news.url, site: siteOf(news.url), restricted: false, paused: false });
    expect(state.visitId).toEqual(expect.any(String));
  });

  test('the log holds exactly the targeting requests of the page, each with provenance', async () => {
    const { visitId, events } = await until(visitEvents, (v) => targeting(v.events).length >= expectedCount);
    expect(visitId).not.toBeNull();
    const found = targeting(events);
    expect(found).toHaveLength(expectedCount);
    expect(found.map((e) => e.url).sort()).toEqual(expectedTargeting.map((r) => r.url).sort());
    // Firefox names navigator.sendBeacon `beacon` where Chrome says `ping` (the manifest's type).
    for (const r of expectedTargeting) {
      const event = found.find((e) => e.url === r.url)!;
      expect(event.requestType, r.url).toBe(r.type === 'ping' ? 'beacon' : r.type);
      expect(event.tracker?.organization?.name ?? null, r.url).toBe(r.organization);
    }

    const site = siteOf(news.url);
    expect(site).toBe('beaker-demo.test'); // eTLD+1: `.test` is not on the public suffix list, so the last label is the suffix
    const version = (await ext.evaluate(() => browser.runtime.getManifest())).version;
    const dataVersion = readFileSync(join(buildDir, 'trackerdb-version.txt'), 'utf8').trim();
    for (const event of found) {
      expect(logEvent.safeParse(event).success, JSON.stringify(event)).toBe(true);
      expect(event).toMatchObject({ schemaVersion: SCHEMA_VERSION, extensionVersion: version, visitId, tabId, frameId: 0, topUrl: news.url, site });
      expect(event.trackerDbVersion).toMatch(new RegExp(`^${dataVersion.replace(/\./g, '\\.')}/engine-\\d+$`));
      expect(event.sessionId.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(event.seq) && event.seq >= 0).toBe(true);
      expect(event.id).toBe(`${event.sessionId}:${event.seq}`);
    }
    // One session; sequence numbers unique.
    expect(new Set(found.map((e) => e.sessionId)).size).toBe(1);
    expect(new Set(found.map((e) => e.seq)).size).toBe(found.length);

    // The visit record agrees.
    const { visits } = await readFirefoxLog(ext);
    expect(visits.find((v) => v.id === visitId)).toMatchObject({ tabId, url: news.url, site, navigation: 'load', counts: { tracker: expectedCount } });
  });

  test('the badge shows the targeting count', async () => {
    const expected = String(expectedCount);
    expect(await until(() => firefoxBadgeTextOf(ext, tabId), (t) => t === expected)).toBe(expected);
  });

  test('the popup shows the targeted count and the expected organizations', async () => {
    const popup = await ff.openExtensionPage(`/popup.html?tabId=${tabId}`);
    try {
      await popup.waitForSelector('[data-testid="popup"][data-status="ready"]', { timeout: 10_000 });
      const targeted = await popup.$eval('[data-testid="targeted"] strong', (el) => el.textContent?.trim());
      expect(targeted).toBe(String(expectedCount));

      const shown = await popup.$$eval('[data-testid="organization"]', (els) =>
        els.map((el) => ({
          key: el.getAttribute('data-org'),
          name: el.querySelector('.name')?.textContent?.trim() ?? '',
          requests: Number(el.querySelector('.count')?.textContent?.trim()),
        })),
      );
      // Requests per organization, from the manifest's targeting load requests.
      const expectedOrgs = new Map<string, number>();
      for (const r of expectedTargeting) expectedOrgs.set(r.organization ?? '', (expectedOrgs.get(r.organization ?? '') ?? 0) + 1);
      expect(Object.fromEntries(shown.map((o) => [o.name, o.requests]))).toEqual(Object.fromEntries(expectedOrgs));
      expect(shown).toHaveLength(expectedOrgs.size);
      for (const o of shown) expect(o.key, o.name).toMatch(/^[a-z0-9_.-]+$/); // a TrackerDB key, never 'unknown'
      expect(shown.map((o) => o.key)).not.toContain('unknown');
    } finally {
      await popup.close();
    }
  });
});

describe('content-side detectors in Firefox', () => {
  test('the deals page shows its dark patterns, and the ads page its ad units', async () => {
    const patternsOf = async (url: string) => {
      const page = await ff.browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const id = await firefoxTabIdOf(ext, url);
      return until(
        async () => {
          const state = await firefoxTabState(ext, id);
          return (await readFirefoxLog(ext)).events.filter((e) => e.visitId === state.visitId);
        },
        (events) => events.filter((e) => e.kind === 'dark-pattern').length >= 4 || events.filter((e) => e.kind === 'ad').length >= 3,
        15_000,
      );
    };
    const deals = await patternsOf('https://shop.beaker-demo.test/deals.html');
    const types = deals.flatMap((e) => (e.kind === 'dark-pattern' ? [e.type] : []));
    for (const type of ['low-stock-message', 'sneak-into-basket', 'consent-no-reject', 'countdown-timer']) expect(types).toContain(type);
    const ads = await patternsOf('https://news.beaker-demo.test/ads.html');
    expect(ads.filter((e) => e.kind === 'ad' && e.phase === 'rendered')).toHaveLength(3);
  });
});

describe('filter lists in Firefox (issue #10)', () => {
  test('a list added as the settings page adds it raises the count by what its rules match; removed, the count is back', async () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/filter-lists/e2e-list.txt'), 'utf8');
    // The settings page's own path (lib/options/filter-lists.ts): the file's text over the list port, then list-end.
    const reply = (await ext.evaluate(
      (portName: string, listText: string) =>
        new Promise<unknown>((resolve) => {
          const port = browser.runtime.connect({ name: portName });
          port.onMessage.addListener((message) => {
            resolve(message);
            port.disconnect();
          });
          port.postMessage({ type: 'list-chunk', text: listText });
          port.postMessage({ type: 'list-end', name: 'e2e-list.txt' });
        }),
      FILTER_LIST_PORT,
      text,
    )) as { type: string; list?: { id: string; name: string; rules: number } };
    expect(reply).toMatchObject({ type: 'list-added', list: { name: 'Beaker e2e list', rules: 2 } });

    const page = await ff.browser.newPage();
    const url = 'https://news.beaker-demo.test/?lists';
    await page.goto(url, { waitUntil: 'load' });
    const id = await firefoxTabIdOf(ext, url);
    const expected = String(expectedCount + 2);
    expect(await until(() => firefoxBadgeTextOf(ext, id), (t) => t === expected)).toBe(expected);
    const { visitId } = await firefoxTabState(ext, id);
    const listed = (await readFirefoxLog(ext)).events.flatMap((e) => (e.visitId === visitId && e.kind === 'tracker' && e.ruleId.startsWith('list/') ? [e] : []));
    expect(listed.map((e) => e.url).sort()).toEqual(['https://news.beaker-demo.test/img/hero.svg', 'https://news.beaker-demo.test/js/site.js']);
    for (const e of listed) expect(e.reasons.find((r) => r.rule.startsWith('list/'))?.detail).toMatch(/Beaker e2e list 202612020001 sha256:[0-9a-f]{12}/);

    await ext.evaluate((listId: string) => browser.runtime.sendMessage({ type: 'remove-filter-list', id: listId }), reply.list!.id);
    await page.reload({ waitUntil: 'load' });
    expect(await until(() => firefoxBadgeTextOf(ext, id), (t) => t === String(expectedCount))).toBe(String(expectedCount));
    await page.close();
  });
});
