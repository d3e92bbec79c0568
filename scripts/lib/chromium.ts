import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumFixtureArgs, QUIET_CHROMIUM_ARGS } from './fixture-server';

export const CHROME_BUILD_DIR = resolve('.output/chrome-mv3');

/** Debian's Chromium (never a downloaded browser); `CHROMIUM_PATH` overrides. */
export function findChromium(): string {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new MissingPrerequisite(`CHROMIUM_PATH is ${chosen}, which does not exist: point it at a Chromium binary, or unset it to use /usr/bin/chromium.`);
    return chosen;
  }
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!found) {
    throw new MissingPrerequisite('Chromium is not installed: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).');
  }
  return found;
}

export class MissingPrerequisite extends Error {}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The current service worker handle (a new one after a restart). */
  worker(): Promise<Worker>;
  /** An extension-origin page, for reading IndexedDB and sending messages as an extension page. */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launch headless Chromium with the built extension, every host name mapped to the fixture server. */
export async function launchWithExtension(
  opts: {
    fixturePort?: number;
    extensionDir?: string;
    /** Browser flags instead of the fixture or quiet defaults (the crawl passes its own). */
    args?: readonly string[];
    /** Default true (fixtures use self-made certificates); the crawl of real sites records TLS errors instead. */
    ignoreHTTPSErrors?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new MissingPrerequisite(`There is no built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'beaker-chromium-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(opts.args ?? (opts.fixturePort !== undefined ? chromiumFixtureArgs(opts.fixturePort) : QUIET_CHROMIUM_ARGS)),
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args,
    ignoreHTTPSErrors: opts.ignoreHTTPSErrors ?? true,
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;
  let extPage: Page | null = null;

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return live.at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  const ready = await waitForBackground(await worker());
  if (!ready) throw new Error('The Beaker background did not become ready within 20 s.');

  return {
    context,
    extensionId,
    worker,
    async extensionPage() {
      if (extPage && !extPage.isClosed()) return extPage;
      extPage = await context.newPage();
      // Any extension-origin document shares the extension's IndexedDB; a plain text file is the
      // quietest one (the popup would run its own UI).
      await extPage.goto(`chrome-extension://${extensionId}/trackerdb-version.txt`);
      return extPage;
    },
    async close() {
      await context.close().catch(() => undefined);
      // A crashed browser's helpers may still be writing into the profile (ENOTEMPTY, EBUSY): retry,
      // and never let a temporary directory fail the caller (the crawl restarts a browser here).
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (error) {
        console.warn(`[beaker] could not remove the browser profile ${profile}: ${(error as Error).message}`);
      }
    },
  };
}

/** Wait until the background says it is ready (engine loaded, database open, state restored). */
export async function waitForBackground(worker: Worker, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await worker
      .evaluate(() => (globalThis as { __beaker?: { ready: boolean; initError: string | null } }).__beaker)
      .catch(() => undefined);
    if (state?.initError) throw new Error(`Beaker background failed: ${state.initError}`);
    if (state?.ready) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
