import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/lib/build';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { chromiumFixtureArgs, startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';

export interface ChromiumSession {
  server: FixtureServer;
  browser: ExtensionBrowser;
  /** An extension-origin page, for reading the log and asking the background. */
  ext: Page;
}

/**
 * One headless Chromium with the built extension and the fixture site for a test file: started in
 * `beforeAll`, closed in `afterAll`. Fields are filled once the hook ran.
 */
export function useChromiumWithExtension(): ChromiumSession {
  const session = {} as ChromiumSession;
  beforeAll(async () => {
    ensureBuilt('chrome');
    session.server = await startFixtureServer();
    session.browser = await launchWithExtension({ fixturePort: session.server.port });
    session.ext = await session.browser.extensionPage();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Poll until `read` returns what `done` accepts (the badge and the log settle asynchronously). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await read();
  }
  return value;
}

/**
 * Run before a page's own scripts: count every call to IndexedDB's factory (`open`,
 * `deleteDatabase`, `databases`). A string, so no compiled helper is needed in the page.
 */
export const COUNT_INDEXEDDB = `(() => {
  const calls = [];
  window.__idbCalls = calls;
  for (const name of ['open', 'deleteDatabase', 'databases']) {
    const original = IDBFactory.prototype[name];
    IDBFactory.prototype[name] = function (...args) {
      calls.push(name);
      return original.apply(this, args);
    };
  }
})();`;

const AR_PAK = '/usr/lib/chromium/locales/ar.pak';

/**
 * As `useChromiumWithExtension`, with Chromium's UI in Arabic (`--lang=ar`; the locale's .pak comes
 * with Debian's chromium-l10n): the extension's pages then read `_locales/ar` and lay out right to left.
 */
export function useArabicChromium(): Pick<ChromiumSession, 'server' | 'browser'> {
  const session = {} as Pick<ChromiumSession, 'server' | 'browser'>;
  beforeAll(async () => {
    if (!existsSync(AR_PAK)) throw new Error(`Chromium has no Arabic UI (${AR_PAK}): install it with apt-get install chromium-l10n`);
    ensureBuilt('chrome');
    session.server = await startFixtureServer();
    session.browser = await launchWithExtension({ args: [...chromiumFixtureArgs(session.server.port), '--lang=ar'] });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** axe-core's violations on `page`, one line each (`rule: targets`). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over CDP: the page's CSP (script-src 'self') refuses an injected script tag.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
