import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { benchPageCost, fixturePages, printPageCost, type PageCostResult, type Visit } from '../../scripts/bench/page-cost';

// The bench's per-page section (`npm run bench -- --only page-cost`) on one tiny page, one round:
// it must load the page in both browsers and measure something real. Nothing here is timed.
const TINY = 'news.beaker-demo.test/next.html';

describe('bench page-cost on a tiny page', () => {
  let result: PageCostResult;

  beforeAll(async () => {
    result = await benchPageCost({ pages: [TINY], rounds: 1, settleMs: 300 });
  });

  test('lists every fixture page: the demo site, the ad fixtures and the dark-pattern fixtures', () => {
    const pages = fixturePages();
    // Every page under the folder, sub-folders included (the dark-pattern hold-out lives in holdout/).
    const count = (dir: string) => readdirSync(`tests/fixtures/${dir}`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
    expect(pages.filter((p) => p.group === 'ads')).toHaveLength(count('ads'));
    expect(pages.filter((p) => p.group === 'dark-patterns')).toHaveLength(count('dark-patterns'));
    expect(pages.filter((p) => p.group === 'site').map((p) => p.url)).toEqual(
      expect.arrayContaining(['https://news.beaker-demo.test/', 'https://news.beaker-demo.test/next.html', 'https://shop.beaker-demo.test/']),
    );
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
  });

  test('the page was loaded once in each browser, and only the first one had the extension', () => {
    expect(result.rounds).toBe(1);
    expect(result.pages.map((p) => p.id)).toEqual([TINY]);
    const [page] = result.pages;
    expect(page!.url).toBe('https://news.beaker-demo.test/next.html');
    expect(page!.with).toHaveLength(1);
    expect(page!.without).toHaveLength(1);
    for (const v of [...page!.with, ...page!.without]) {
      expect(v.status).toBe(200);
      expect(v.finalUrl).toBe(page!.url);
    }
    expect(result.extensionId).toMatch(/^[a-p]{32}$/);
    expect(result.serviceWorkerUrl.startsWith(`chrome-extension://${result.extensionId}/`)).toBe(true);
    // The content script's isolated world existed in the tab with the extension, and none without.
    expect(page!.with[0]!.extensionWorlds).toBeGreaterThanOrEqual(1);
    expect(page!.without[0]!.extensionWorlds).toBe(0);
  });

  test('every figure is a finite number, per-visit times are >= 0', () => {
    const [page] = result.pages;
    const visits: Visit[] = [...page!.with, ...page!.without];
    for (const v of visits) {
      for (const value of [v.scriptMs, v.taskMs, v.loadMs]) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
    // Every page runs some main-thread task (parsing at least), with or without the extension.
    expect(page!.median.withTaskMs).toBeGreaterThan(0);
    expect(page!.median.withoutTaskMs).toBeGreaterThan(0);
    for (const value of Object.values(page!.median)) expect(Number.isFinite(value)).toBe(true);
    const s = result.summary;
    expect(s.pages).toBe(1);
    for (const value of [s.medianAddedScriptMs, s.medianAddedTaskMs, s.loadRatio]) expect(Number.isFinite(value)).toBe(true);
    expect(['PASS', 'MISS']).toContain(s.addedScript);
  });

  test('the report prints the table and the summary line', () => {
    const text = printPageCost(result);
    expect(text).toContain('== page-cost:');
    expect(text).toMatch(/page\s+script with ms\s+script without ms\s+added script ms/);
    expect(text).toContain(TINY);
    expect(text).toMatch(/summary \(1 page\): median added script -?\d+\.\d ms per page \(target ≤ 5 ms: (PASS|MISS)\)/);
    expect(text).toContain("NOT the extension's service worker");
  });
});
