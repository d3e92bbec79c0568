import { beforeAll, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { badgeTextOf, readLog, tabIdOf, tabStateOf } from '../../scripts/lib/read-log';
import { targetingLoadCount } from '../fixtures/site/manifest';

// Issue #10, item 1: a list added from a file on the settings page counts what its rules match.
const LIST = fileURLToPath(new URL('../fixtures/filter-lists/e2e-list.txt', import.meta.url));
const session = useChromiumWithExtension();
let ext: Page;
let browser: ChromiumSession['browser'];
beforeAll(() => {
  ({ ext, browser } = session);
});

test('a list added from a file raises the count by what its rules match on first-party paths; removed, the count is back', async () => {
  const base = targetingLoadCount('news');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-testid="add-filter-list"]').setInputFiles(LIST);
  const status = options.locator('[data-testid="filter-list-status"]');
  await until(() => status.textContent(), (t) => t?.startsWith('Added') ?? false);
  expect(await status.textContent()).toBe('Added Beaker e2e list: 2 rules. 1 line not understood (skipped).');
  expect(await options.locator('[data-testid="filter-list"] .name').textContent()).toBe('Beaker e2e list');

  const news = await browser.context.newPage();
  await news.goto('https://news.beaker-demo.test/?lists', { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, news.url());
  expect(await until(() => badgeTextOf(ext, tabId), (t) => t === String(base + 2))).toBe(String(base + 2));
  const { visitId } = await tabStateOf(ext, tabId);
  const listed = (await readLog(ext)).events.flatMap((e) => (e.visitId === visitId && e.kind === 'tracker' && e.ruleId.startsWith('list/') ? [e] : []));
  expect(listed.map((e) => e.url).sort()).toEqual(['https://news.beaker-demo.test/img/hero.svg', 'https://news.beaker-demo.test/js/site.js']);
  for (const e of listed) expect(e.reasons.find((r) => r.rule.startsWith('list/'))?.detail).toMatch(/Beaker e2e list 202612020001 sha256:[0-9a-f]{12}/);

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid="popup"][data-status="ready"]');
  expect(await popup.locator('[data-testid="beacon"] .badge', { hasText: 'filter list' }).count()).toBe(2);

  // A file that is not a list is refused, and the list already added stays.
  await options.locator('[data-testid="add-filter-list"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('<html>not a list</html>') });
  await until(() => status.textContent(), (t) => t?.startsWith('notes.txt') ?? false);
  expect(await status.textContent()).toContain('This is not a filter list');
  expect(await options.locator('[data-testid="filter-list"]').count()).toBe(1);

  await options.click('[data-testid="filter-list"] >> text=Remove');
  await until(() => options.locator('[data-testid="filter-list"]').count(), (n) => n === 0);
  await news.reload({ waitUntil: 'load' });
  expect(await until(() => badgeTextOf(ext, tabId), (t) => t === String(base))).toBe(String(base));
  for (const page of [options, news, popup]) await page.close();
});

test('npm run scan --filter-list FILE: the real extension gets the list before the page loads; its records say so', async () => {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync('npx', ['tsx', 'scripts/scan.ts', '--json', '--wait', '1000', '--filter-list', LIST], { encoding: 'utf8', timeout: 120_000 });
  const records = out.trim().split('\n').map((line) => JSON.parse(line) as { kind?: string; ruleId?: string; url?: string });
  const listed = records.filter((r) => r.kind === 'tracker' && r.ruleId?.startsWith('list/')).map((r) => r.url).sort();
  expect(listed).toEqual(['https://news.beaker-demo.test/img/hero.svg', 'https://news.beaker-demo.test/js/site.js']);
  // A file that does not exist: one sentence, exit code 2, no browser started.
  let failure: { status: number; stderr: string } | null = null;
  try {
    execFileSync('npx', ['tsx', 'scripts/scan.ts', '--filter-list', '/no/such/list.txt'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    failure = error as { status: number; stderr: string };
  }
  expect(failure?.status).toBe(2);
  expect(failure?.stderr.trim()).toBe('--filter-list: no such file: /no/such/list.txt');
}, 150_000);
