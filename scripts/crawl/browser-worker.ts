import { hostname } from 'node:os';
import type { Page } from 'playwright-core';
import { getDomain } from 'tldts-experimental';
import { launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import { QUIET_CHROMIUM_ARGS } from '../lib/fixture-server';
import type { ExportRecord } from '../../lib/export/records';
import { loadFilterList } from './filter-list';
import { crawlTabId, readTabRecords } from './read-visit';
import { classifyFailure, countRecords, type CrawlStatus, type SummaryRow } from './summary';
import type { ListEntry } from './url-list';

/**
 * One crawl worker (ARCHITECTURE.md, "Crawl"): one headless Chromium with the built extension in a
 * fresh profile, one crawl tab at a time. `visit` never throws for what happens to a URL (DNS,
 * timeout, TLS, a crashed tab or browser): that is the URL's result. A browser that died is
 * launched again, with a fresh profile, before the next URL; one that cannot be launched three
 * times in a row is fatal.
 */
export interface CrawlHooks {
  /** Called once the page loaded, before the dwell (tests crash a tab or the browser here, through CDP). */
  afterLoad?: (page: Page, entry: ListEntry) => Promise<void>;
}

export interface WorkerOptions {
  extensionDir: string;
  dwellMs: number;
  scroll: boolean;
  navigationTimeoutMs: number;
  /** Map every host name to 127.0.0.1:port and accept its certificate (the fixture sites). */
  mapHostsToPort: number | null;
  filterListText: string | null;
  hooks: CrawlHooks;
  name: string;
}

export interface VisitOutcome {
  row: SummaryRow;
  records: ExportRecord[];
}

const MAX_LAUNCH_FAILURES = 3;
const SCROLL_EVERY_MS = 1500;

export function workerName(index: number): string {
  return `${hostname()}:${process.pid}:${index}`;
}

export class BrowserWorker {
  private browser: ExtensionBrowser | null = null;
  private closedUnexpectedly = false;
  private launchFailures = 0;
  browserVersion = '';
  restarts = 0;

  constructor(private readonly opts: WorkerOptions) {}

  get name(): string {
    return this.opts.name;
  }

  private async ensureBrowser(): Promise<ExtensionBrowser> {
    if (this.browser && !this.closedUnexpectedly) return this.browser;
    if (this.browser) {
      this.restarts += 1;
      await this.browser.close();
      this.browser = null;
    }
    for (;;) {
      try {
        const args =
          this.opts.mapHostsToPort === null
            ? QUIET_CHROMIUM_ARGS
            : [`--host-resolver-rules=MAP *.invalid ~NOTFOUND, MAP * 127.0.0.1:${this.opts.mapHostsToPort}`, '--ignore-certificate-errors', ...QUIET_CHROMIUM_ARGS];
        const browser = await launchWithExtension({ extensionDir: this.opts.extensionDir, args, ignoreHTTPSErrors: this.opts.mapHostsToPort !== null });
        this.closedUnexpectedly = false;
        browser.context.on('close', () => {
          if (this.browser === browser) this.closedUnexpectedly = true;
        });
        this.browser = browser;
        this.browserVersion = browser.context.browser()?.version() ?? '';
        const ext = await browser.extensionPage();
        for (const page of browser.context.pages()) if (page !== ext) await page.close();
        if (this.opts.filterListText !== null) await loadFilterList(browser, this.opts.filterListText);
        this.launchFailures = 0;
        return browser;
      } catch (error) {
        this.launchFailures += 1;
        if (this.launchFailures >= MAX_LAUNCH_FAILURES) {
          throw new Error(`Chromium could not be started ${MAX_LAUNCH_FAILURES} times in a row: ${String(error)}`);
        }
      }
    }
  }

  /** Start the browser now (so a crawl fails early when it cannot start one). */
  async start(): Promise<void> {
    await this.ensureBrowser();
  }

  async visit(entry: ListEntry): Promise<VisitOutcome> {
    const browser = await this.ensureBrowser();
    const startedAt = new Date();
    const t0 = performance.now();
    const errors: string[] = [];
    let status: CrawlStatus = 'ok';
    let httpStatus: number | null = null;
    let finalUrl = '';
    let records: ExportRecord[] = [];
    const fail = (s: Exclude<CrawlStatus, 'ok' | 'skipped'>, message: string) => {
      if (status === 'ok') status = s;
      errors.push(message.split('\n')[0]!.slice(0, 300));
    };
    let page: Page | null = null;
    let crashed = false;
    try {
      page = await browser.context.newPage();
      page.on('crash', () => {
        crashed = true;
      });
      const response = await page.goto(entry.url, { waitUntil: 'load', timeout: this.opts.navigationTimeoutMs });
      httpStatus = response?.status() ?? null;
      await this.opts.hooks.afterLoad?.(page, entry);
      await this.dwell(page, () => crashed || this.closedUnexpectedly);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      fail(this.closedUnexpectedly ? 'browser-crash' : crashed ? 'tab-crash' : classifyFailure(message), message);
    }
    if (crashed) fail('tab-crash', 'the tab crashed');
    if (this.closedUnexpectedly) {
      fail('browser-crash', 'the browser crashed; its records of this URL are lost');
    } else {
      try {
        finalUrl = page && !crashed && page.url() !== 'about:blank' ? page.url() : '';
        const ext = await browser.extensionPage();
        const tabId = await crawlTabId(ext);
        if (tabId === null) throw new Error('no crawl tab');
        const read = await readTabRecords(ext, tabId);
        records = read.records;
        errors.push(...read.errors);
        const lastVisit = records.filter((r) => r.kind === 'visit').at(-1);
        if (!finalUrl && lastVisit) finalUrl = lastVisit.url;
      } catch (error) {
        fail(this.closedUnexpectedly ? 'browser-crash' : 'error', `reading the log: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await page?.close().catch(() => undefined);
    const firstVisit = records.find((r) => r.kind === 'visit');
    const row: SummaryRow = {
      key: entry.key,
      line: entry.line,
      url: entry.url,
      site: firstVisit?.site ?? getDomain(entry.url) ?? new URL(entry.url).hostname,
      finalUrl,
      status,
      httpStatus,
      ...countRecords(records),
      errors: errors.slice(0, 20),
      durationMs: Math.round(performance.now() - t0),
      startedAt: startedAt.toISOString(),
      worker: this.opts.name,
      records: records.length,
    };
    return { row, records };
  }

  /**
   * Stay on the page for the dwell time. With `scroll`, wheel down most of a screen every 1.5 s (no
   * clicks), so lazy ads load and a unit in view stays there long enough to count as seen (≥ 1 s).
   */
  private async dwell(page: Page, stop: () => boolean): Promise<void> {
    const end = Date.now() + this.opts.dwellMs;
    let nextScroll = Date.now() + SCROLL_EVERY_MS;
    while (Date.now() < end && !stop()) {
      if (this.opts.scroll && Date.now() >= nextScroll) {
        await page.mouse.wheel(0, 600).catch(() => undefined);
        nextScroll += SCROLL_EVERY_MS;
      }
      await new Promise((r) => setTimeout(r, Math.min(100, Math.max(0, end - Date.now()))));
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    await browser?.close();
  }
}
