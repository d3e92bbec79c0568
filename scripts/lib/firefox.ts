/**
 * Headless Firefox ESR with the built MV2 extension, driven by puppeteer-core 24 over WebDriver BiDi
 * (ARCHITECTURE.md, "Browser recipes"). The Firefox counterpart of ./chromium.ts.
 *
 * - The extension's internal UUID is fixed with the pref `extensions.webextensions.uuids`, so its
 *   origin (`moz-extension://<uuid>/`) is known before it is installed.
 * - Fixture host names resolve to 127.0.0.1 with `network.dns.localDomains`; the fixture server must
 *   listen on 127.0.0.1:443 (`startFixtureServer({ port: 443 })`), its certificate is self-signed
 *   (`acceptInsecureCerts`).
 * - `page.goto` to a moz-extension:// URL never resolves although the page loads: `openExtensionUrl`
 *   starts the navigation without awaiting it and polls `location.href` instead.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readLog, type EvaluatingPage } from './read-log';
import { MissingPrerequisite } from './chromium';
import { firefoxFixturePrefs } from './fixture-server';
import type { LogEvent, PageVisit } from '../../lib/schema';

export { MissingPrerequisite };

export const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv2');
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts. */
export const GECKO_ID = 'beaker@beaker.invalid';
/** Fixed internal UUID, so the extension origin is known in advance (any valid UUID will do). */
export const FIXED_UUID = '6d3c1f2e-4b5a-4c8d-9e0f-1a2b3c4d5e6f';

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://<uuid>` (no trailing slash). */
  extensionOrigin: string;
  /**
   * An extension-origin page (the quiet trackerdb-version.txt), for reading IndexedDB, calling the
   * extension APIs (`browser.*`) and sending messages as an extension page. Reused while open.
   */
  extensionPage(): Promise<Page>;
  /** Open any moz-extension:// path (e.g. `/popup.html?tabId=3`) in a new tab and wait until it is there. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface BackgroundState {
  ready: boolean;
  initError: string | null;
}

/** Debian's Firefox ESR (never a downloaded browser); `FIREFOX_PATH` overrides. */
export function findFirefox(candidates: readonly (string | undefined)[] = [process.env.FIREFOX_PATH, FIREFOX_PATH]): string {
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new MissingPrerequisite('Firefox ESR is not installed. Install it with: sudo apt-get install -y firefox-esr');
  }
  return found;
}

/**
 * Launch headless Firefox ESR, install the built extension temporarily and wait until its background
 * page says it is ready (engine loaded, database open). `hostnames` are resolved to 127.0.0.1.
 */
export async function launchFirefoxWithExtension(opts: {
  extensionDir?: string;
  hostnames: readonly string[];
  /** Extra Firefox prefs (e.g. `extensions.background.idle.timeout`). */
  prefs?: Record<string, unknown>;
  readyTimeoutMs?: number;
}): Promise<FirefoxExtensionBrowser> {
  const executablePath = findFirefox();
  const extensionDir = resolve(opts.extensionDir ?? FIREFOX_BUILD_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new MissingPrerequisite(`No built extension at ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
  }

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      ...firefoxFixturePrefs(opts.hostnames),
      ...opts.prefs,
    },
  });
  const extensionOrigin = `moz-extension://${FIXED_UUID}`;
  let extPage: Page | null = null;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await openExtensionUrl(page, `${extensionOrigin}${path.startsWith('/') ? '' : '/'}${path}`);
    return page;
  };
  const extensionPage = async (): Promise<Page> => {
    if (extPage && !extPage.isClosed()) return extPage;
    extPage = await openExtensionPage('/trackerdb-version.txt');
    return extPage;
  };
  const close = async () => {
    await browser.close().catch(() => undefined);
  };

  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Installed extension has id ${id}, expected ${GECKO_ID}.`);
    const ready = await waitForFirefoxBackground(await extensionPage(), opts.readyTimeoutMs ?? 20_000);
    if (!ready) throw new Error('The Beaker background did not become ready within 20 s.');
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, extensionOrigin, extensionPage, openExtensionPage, close };
}

/**
 * Navigate `page` to a moz-extension:// URL. `page.goto` never resolves for those (the page loads
 * anyway), so start it, ignore its promise, and poll until the document is there and complete.
 */
export async function openExtensionUrl(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await page
      .evaluate(() => ({ href: location.href, readyState: document.readyState }))
      .catch(() => null);
    if (state && state.href === url && state.readyState === 'complete') return;
    await sleep(50);
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms.`);
}

/**
 * The background's diagnostics flag, read from an extension page: in MV2 the background is a page of
 * its own, reachable with `runtime.getBackgroundPage()`.
 */
export async function firefoxBackgroundState(extPage: Page): Promise<BackgroundState | null> {
  return extPage.evaluate(async () => {
    const bg = (await browser.runtime.getBackgroundPage()) as unknown as { __beaker?: { ready: boolean; initError: string | null } } | null;
    const d = bg?.__beaker;
    return d ? { ready: d.ready, initError: d.initError } : null;
  });
}

/** Wait until the background says it is ready; throw on an init error. */
export async function waitForFirefoxBackground(extPage: Page, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await firefoxBackgroundState(extPage).catch(() => null);
    if (state?.initError) throw new Error(`Beaker background failed: ${state.initError}`);
    if (state?.ready) return true;
    await sleep(50);
  }
  return false;
}

/** Ask the background about a tab, as the popup does. */
export async function firefoxTabState(
  extPage: Page,
  tabId: number,
): Promise<{ tabId: number; visitId: string | null; url: string | null; site: string | null; restricted: boolean; paused: boolean }> {
  return extPage.evaluate((id) => browser.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId);
}

/** The tab id of a page, by URL (`tabs.query({ url })` cannot include a port in Firefox: query all, filter). */
export async function firefoxTabIdOf(extPage: Page, url: string): Promise<number> {
  return extPage.evaluate(async (u) => {
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab with url ${u}: ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

/** The badge text the extension set on a tab (MV2: `browserAction`). */
export async function firefoxBadgeTextOf(extPage: Page, tabId: number): Promise<string> {
  return extPage.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The slice of the WebExtension API these helpers call inside extension pages. */
interface BrowserLike {
  runtime: { sendMessage(message: unknown): Promise<any>; getBackgroundPage(): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
}
declare const browser: BrowserLike;

/** The real IndexedDB log, read from an extension-origin page: the same reader as Chromium's. */
export const readFirefoxLog = (extPage: Page): Promise<{ events: LogEvent[]; visits: PageVisit[] }> => readLog(extPage as unknown as EvaluatingPage);
