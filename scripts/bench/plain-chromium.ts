import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { findChromium } from '../lib/chromium';
import { QUIET_CHROMIUM_ARGS } from '../lib/fixture-server';
import { NAME_SHIM } from './bundle';

/**
 * Debian's Chromium without the extension, for benches that run lib/ code directly in a page
 * (bundled with esbuild, evaluated in the main world: a content script's isolated world shares the
 * same DOM, so DOM work costs the same). Generated pages are served over http from 127.0.0.1, so
 * the parser builds them as it builds a site. Every other host name fails to resolve and images
 * are not fetched: no network traffic runs beside the measured work (image and frame `src`
 * attributes stay, and the detectors read them).
 */
export interface PlainChromium {
  browser: Browser;
  version: string;
  /** http://127.0.0.1:port/<name> serves `pages.get(name)` (set before navigating). */
  pages: Map<string, string>;
  url(name: string): string;
  /** A fresh page (own context) at `name`, with the `__name` shim and `scripts` evaluated. */
  open(name: string, scripts?: string[]): Promise<Page>;
  close(): Promise<void>;
}

export async function launchPlainChromium(): Promise<PlainChromium> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    const body = pages.get(name);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium
    .launch({
      executablePath: findChromium(),
      headless: true,
      args: [
        ...QUIET_CHROMIUM_ARGS,
        '--blink-settings=imagesEnabled=false',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    })
    .catch((error: unknown) => {
      server.close();
      throw error;
    });
  const url = (name: string) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`;
  return {
    browser,
    version: `Chromium ${browser.version()}`,
    pages,
    url,
    async open(name, scripts = []) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(url(name), { waitUntil: 'load', timeout: 60_000 });
      await page.evaluate(NAME_SHIM);
      for (const script of scripts) await page.evaluate(script);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** Close a page opened with `open` and its context. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close().catch(() => undefined);
}

/**
 * The renderer's own accounting of main-thread work, over CDP (`Performance.getMetrics`):
 * `TaskDuration` is the time the main thread spent running tasks of any kind, `ScriptDuration`
 * the part running JavaScript, both cumulative, in ms here.
 */
export interface MainThreadMeter {
  read(): Promise<{ taskMs: number; scriptMs: number; layoutMs: number; styleMs: number }>;
  detach(): Promise<void>;
}

export async function mainThreadMeter(page: Page): Promise<MainThreadMeter> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
  return {
    async read() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
      return { taskMs: get('TaskDuration'), scriptMs: get('ScriptDuration'), layoutMs: get('LayoutDuration'), styleMs: get('RecalcStyleDuration') };
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
