/**
 * Export and import through the settings page (ARCHITECTURE.md, "Export and import"), in real
 * Chromium with the built extension: browse fixture pages, export with the page's own code path
 * (Port from the background, lib/export's writers, a zip saved by `<a download>`), import the zip
 * into a fresh profile and compare the two logs field by field; a corrupt file is refused with its
 * line number and the log does not change.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { tabIdOf } from '../../scripts/lib/read-log';
import { until, useChromiumWithExtension, type ChromiumSession } from './harness';
import { manifest as manifestSchema } from '../../lib/export/manifest';
import { SCHEMA_VERSION } from '../../lib/schema/common';
import { exportRecord } from '../../lib/export/records';

const session = useChromiumWithExtension();
let browser: ChromiumSession['browser'];
let ext: Page;
const dir = mkdtempSync(join(tmpdir(), 'beaker-export-e2e-'));
let fresh: ExtensionBrowser | null = null;
beforeAll(() => {
  ({ browser, ext } = session);
});
afterAll(async () => {
  await fresh?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every store of the log, read with raw IndexedDB from an extension page, sorted by key. */
function dumpLog(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('beaker');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const store of ['visits', 'eventChunks', 'siteDays']) {
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    // Events one record each, by id, whatever chunks they were written in (lib/log/event-chunks.ts).
    out.events = (out.eventChunks as { events: { id: string }[] }[]).flatMap((c) => c.events).sort((x, y) => (x.id < y.id ? -1 : 1));
    delete out.eventChunks;
    return out;
  });
}

async function openSettings(b: ExtensionBrowser): Promise<Page> {
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.getByTestId('export-import').waitFor();
  return options;
}

async function importThrough(options: Page, path: string): Promise<string> {
  const results = options.getByTestId('import-results');
  const runs = Number(await results.getAttribute('data-runs'));
  await options.getByTestId('import-input').setInputFiles(path);
  await options.getByTestId('import-button').click();
  await options.locator(`[data-testid="import-results"][data-runs="${runs + 1}"]`).waitFor({ timeout: 20_000 });
  return (await results.locator('li').first().textContent()) ?? '';
}

test('export through the settings page, import into a fresh profile: the same log, every field', async () => {
  for (const url of ['https://news.beaker-demo.test/', 'https://news.beaker-demo.test/ads.html', 'https://shop.beaker-demo.test/']) {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await tabIdOf(ext, page.url());
    await page.mouse.click(5, 5);
    await page.waitForTimeout(1500);
    await page.close();
  }
  // The log settles (requests are attributed 100 ms late, writes batched for 250 ms).
  let a = await dumpLog(ext);
  for (let stable = 0; stable < 2; ) {
    await new Promise((r) => setTimeout(r, 700));
    const next = await dumpLog(ext);
    stable = JSON.stringify(next) === JSON.stringify(a) ? stable + 1 : 0;
    a = next;
  }
  expect(a.visits!.length).toBeGreaterThanOrEqual(3);
  const kinds = new Set((a.events as { kind: string }[]).map((e) => e.kind));
  expect(kinds.has('tracker') && kinds.has('engagement')).toBe(true);
  expect((a.visits as { seenFromStart: boolean }[]).every((v) => v.seenFromStart)).toBe(true);

  const options = await openSettings(browser);
  await options.getByTestId('export-privacy').uncheck(); // a researcher's export: exact records
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-button').click()]);
  expect(download.suggestedFilename()).toMatch(/^beaker-export-\d{8}-\d{6}\.zip$/);
  const zipPath = join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  await options.getByTestId('export-status').filter({ hasText: 'Exported' }).waitFor();

  const files = unzipSync(readFileSync(zipPath));
  expect(Object.keys(files).sort()).toEqual(expect.arrayContaining(['manifest.json', 'records.jsonl', 'schema/visit.schema.json', 'schema/record.schema.json']));
  const manifest = manifestSchema.parse(JSON.parse(strFromU8(files['manifest.json']!)));
  const lines = strFromU8(files['records.jsonl']!).trimEnd().split('\n');
  for (const line of lines) expect(exportRecord.safeParse(JSON.parse(line)).success).toBe(true);
  expect(lines).toHaveLength(a.visits!.length + a.events!.length);
  expect(manifest).toMatchObject({ producer: { name: 'extension' }, privacy: { mode: 'off' }, counts: { visit: a.visits!.length } });
  expect(manifest.completeness).toMatchObject({ complete: a.visits!.length, incomplete: 0 });

  // A corrupt file through the settings page: refused with its line number, the log unchanged.
  const corrupt = join(dir, 'corrupt.jsonl');
  // The version as a string ("4" for 4): built from SCHEMA_VERSION, so a bump cannot make the file valid again.
  const version = `"schemaVersion":${SCHEMA_VERSION}`;
  expect(lines[2]).toContain(version);
  writeFileSync(corrupt, lines.map((l, i) => (i === 2 ? l.replace(version, `"schemaVersion":"${SCHEMA_VERSION}"`) : l)).join('\n') + '\n');
  const refused = await importThrough(options, corrupt);
  expect(refused).toMatch(new RegExp(`^corrupt\\.jsonl: refused, nothing was imported\\. line 3 has schemaVersion "${SCHEMA_VERSION}"`));
  expect(await dumpLog(ext)).toEqual(a);
  // The same export imported back into its own log: every record a duplicate, nothing changes.
  expect(await importThrough(options, zipPath)).toMatch(/imported nothing new; \d+ duplicates skipped/);
  expect(await dumpLog(ext)).toEqual(a);

  fresh = await launchWithExtension({ fixturePort: session.server.port });
  const freshExt = await fresh.extensionPage();
  expect((await dumpLog(freshExt)).visits).toEqual([]);
  const freshOptions = await openSettings(fresh);
  const done = await importThrough(freshOptions, zipPath);
  expect(done).toMatch(new RegExp(`imported ${a.visits!.length} visits, .*; 0 duplicates skipped`));
  const b = await dumpLog(freshExt);
  expect(b.visits).toEqual(a.visits);
  expect(b.events).toEqual(a.events);
  expect(b.siteDays).toEqual(a.siteDays);
  await fresh.close();
  fresh = null;
}, 90_000);

test('the settings page exports CSV and Parquet (one file per kind) and JSON Lines with privacy mode on by default', async () => {
  const options = await openSettings(browser);
  const exportZip = async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-button').click()]);
    const path = join(dir, `again-${Date.now()}.zip`);
    await download.saveAs(path);
    return unzipSync(readFileSync(path));
  };
  expect(await options.getByTestId('export-privacy').isChecked()).toBe(true);
  const { visits, events } = await dumpLog(ext);
  const plain = await exportZip();
  const records = strFromU8(plain['records.jsonl']!).trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; url?: string; topUrl?: string });
  expect(records).toHaveLength(visits!.length + events!.length);
  // Privacy mode: no query string or fragment survives in any URL field.
  const trackers = records.filter((r) => r.kind === 'tracker');
  expect(trackers.length).toBeGreaterThan(0);
  for (const r of records) for (const url of [r.url, r.topUrl]) if (url !== undefined) expect(url).not.toMatch(/[?#]/);
  expect((events as { url?: string }[]).some((e) => e.url?.includes('?'))).toBe(true);
  expect(JSON.parse(strFromU8(plain['manifest.json']!))).toMatchObject({ privacy: { mode: 'on' } });

  await options.getByLabel('Export format').selectOption('csv');
  const csv = await exportZip();
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  for (const kind of ['visit', 'tracker', 'ad', 'dark-pattern', 'engagement']) {
    const rows = strFromU8(csv[`${kind}.csv`]!).split('\r\n').filter(Boolean);
    expect(rows.length - 1, kind).toBe(counts.get(kind) ?? 0);
  }
  await options.getByLabel('Export format').selectOption('parquet');
  const parquet = await exportZip();
  for (const kind of ['visit', 'tracker']) expect(strFromU8(parquet[`${kind}.parquet`]!.slice(0, 4)), kind).toBe('PAR1');
  expect(JSON.parse(strFromU8(parquet['manifest.json']!)).files.map((f: { path: string }) => f.path)).toContain('tracker.parquet');
});
