import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BeakerDatabase } from '../../../lib/log/database';
import { FileImport } from '../../../lib/import/import-file';
import { MAX_IMPORT_BYTES } from '../../../lib/import/jsonl-validator';
import { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from '../../../lib/schema';
import { applyPrivacy } from '../../../lib/export/privacy';
import { exportRecord } from '../../../lib/export/records';
import { buildLog, dumpLog, exportLines, freshDatabase } from './fixture-log';
import { makeTrackerEvent, makeVisit } from '../log/make-records';
import { countEvents } from '../log/stored-events';

let source: BeakerDatabase;
let target: BeakerDatabase;
let lines: string[];

beforeEach(async () => {
  source = await freshDatabase();
  await buildLog(source);
  lines = await exportLines(source);
  target = await freshDatabase();
});
afterEach(() => {
  source.close();
  target.close();
});

async function importText(db: BeakerDatabase, text: string, chunk = 97, options: { declaredBytes?: number; name?: string } = {}) {
  const file = new FileImport(async () => db, options);
  for (let i = 0; i < text.length; i += chunk) if (file.push(text.slice(i, i + chunk))) break;
  return file.finish();
}

const file = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe('import round trip', () => {
  test('an export imported into an empty log gives the same log, every store and field', async () => {
    expect(lines).toHaveLength(18);
    const outcome = await importText(target, file(lines));
    expect(outcome).toEqual({
      ok: true,
      summary: { imported: { visit: 3, tracker: 6, engagement: 3, ad: 3, 'dark-pattern': 3 }, duplicates: {}, siteDays: 3 },
    });
    const [a, b] = [await dumpLog(source), await dumpLog(target)];
    expect(b.visits).toEqual(a.visits);
    expect(b.events).toEqual(a.events);
    // The roll-ups are recomputed from the imported visits: the same as the write queue made them.
    expect(b.siteDays).toEqual(a.siteDays);
    expect((b.visits as { droppedEvents: number }[]).map((v) => v.droppedEvents)).toEqual([0, 0, 2]);
  });

  test('a privacy-mode export (no query strings, no page text) imports as it is', async () => {
    const privateLines = lines.map((l) => JSON.stringify(applyPrivacy(exportRecord.parse(JSON.parse(l)))));
    expect(privateLines.some((l) => l.includes('?'))).toBe(false);
    const outcome = await importText(target, file(privateLines));
    expect(outcome.ok && outcome.summary.imported).toEqual({ visit: 3, tracker: 6, engagement: 3, ad: 3, 'dark-pattern': 3 });
    const shop = (await dumpLog(target)).visits!.find((v) => (v as { site: string }).site === 'shop.example') as { url: string };
    expect(shop.url).toBe('https://shop.example/');
  });

  test('importing the same file twice skips every record as a duplicate and changes nothing', async () => {
    await importText(target, file(lines));
    const before = await dumpLog(target);
    const again = await importText(target, file(lines));
    expect(again).toEqual({
      ok: true,
      summary: { imported: {}, duplicates: { visit: 3, tracker: 6, engagement: 3, ad: 3, 'dark-pattern': 3 }, siteDays: 0 },
    });
    expect(await dumpLog(target)).toEqual(before);
  });

  test('dedupe against the stored log: only new records are written, roll-ups add only new visits', async () => {
    await importText(target, file(lines.slice(0, 1).concat(lines.slice(3, 8))));
    const more = makeVisit({ startedAt: '2026-11-20T12:00:00.000Z', day: '2026-11-20', counts: { tracker: 2, ad: 0, darkPattern: 0, engagement: 0, requests: 7, thirdPartyRequests: 3 } });
    const extra = [JSON.stringify({ kind: 'visit', ...more }), JSON.stringify(makeTrackerEvent(more))];
    const outcome = await importText(target, file([...lines, ...extra]));
    expect(outcome.ok && outcome.summary).toEqual({
      // The first file held the first visit and its 5 events (2 trackers, engagement, ad, dark pattern).
      imported: { visit: 3, tracker: 5, engagement: 2, ad: 2, 'dark-pattern': 2 },
      duplicates: { visit: 1, tracker: 2, engagement: 1, ad: 1, 'dark-pattern': 1 },
      siteDays: 2,
    });
    const day = (await target.get('siteDays', 'news.example|2026-11-20'))!;
    const stored = (await source.get('siteDays', 'news.example|2026-11-20'))!;
    expect(day.visits).toBe(stored.visits + 1);
    expect(day.counts.tracker).toBe(stored.counts.tracker + 2);
    expect(day.counts.requests).toBe(stored.counts.requests + 7);
    expect(await target.get('siteDays', 'news.example|2026-11-19')).toEqual(await source.get('siteDays', 'news.example|2026-11-19'));
  });
});

/** The corrupt-import suite: each file is refused with its line number, and the log is unchanged. */
describe('a corrupt file is refused with its first bad line, and nothing changes', () => {
  const tracker = (ls: string[]) => ls.findIndex((l) => l.includes('"kind":"tracker"'));
  const cases: { name: string; make: (ls: string[]) => string; line: number | null; says: RegExp }[] = [
    {
      name: 'a truncated last line',
      make: (ls) => file(ls.slice(0, -1)) + ls.at(-1)!.slice(0, 40),
      line: 18,
      says: /line 18 is cut off: the file ends in the middle of a record/,
    },
    {
      name: 'a wrong schema version',
      make: (ls) => file(ls.map((l, i) => (i === 4 ? l.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":1') : l))),
      line: 5,
      says: new RegExp(`line 5 has schemaVersion 1; this Beaker reads schema ${READABLE_SCHEMA_VERSIONS.join(' and ')} \\(`),
    },
    {
      name: 'bad types (a string where a number goes)',
      make: (ls) => file(ls.map((l, i) => (i === tracker(ls) ? l.replace(/"tabId":\d+/, '"tabId":"seven"') : l))),
      line: 4,
      says: /line 4 is not a valid tracker record: tabId should be number, not a string/,
    },
    {
      name: 'bad types (a nested field)',
      make: (ls) => file(ls.map((l, i) => (i === tracker(ls) ? l.replace('"matchedBy":"domain"', '"matchedBy":"guess"') : l))),
      line: 4,
      says: /line 4 is not a valid tracker record: tracker\.matchedBy should be one of "filter", "domain"/,
    },
    {
      name: 'a missing field',
      make: (ls) => file(ls.map((l, i) => (i === 0 ? l.replace(/"seenFromStart":(true|false),/, '') : l))),
      line: 1,
      says: /line 1 is not a valid visit record: seenFromStart is missing/,
    },
    {
      name: 'duplicate ids within the file',
      make: (ls) => file([...ls.slice(0, 9), ls[5]!, ...ls.slice(9)]),
      line: 10,
      says: /line 10 repeats the event id ".+" of line 6/,
    },
    {
      name: 'an unknown kind',
      make: (ls) => file(ls.map((l, i) => (i === 7 ? l.replace(/"kind":"[a-z-]+"/, '"kind":"cookie"') : l))),
      line: 8,
      says: /line 8 has unknown kind "cookie" \(expected one of visit, tracker, ad, dark-pattern, engagement\)/,
    },
    {
      name: 'an unknown field',
      make: (ls) => file(ls.map((l, i) => (i === 2 ? l.replace('{', '{"password":"x",') : l))),
      line: 3,
      says: /line 3 has a field a visit record does not have: password/,
    },
    {
      name: 'a bad line in the middle',
      make: (ls) => file([...ls.slice(0, 11), '{"kind":"tracker",', ...ls.slice(11)]),
      line: 12,
      says: /line 12 is not JSON/,
    },
    {
      name: 'a file that is not JSON at all',
      make: () => 'id,kind,site\nv1,visit,news.example\n',
      line: 1,
      says: /line 1 is not JSON .*: this is not a Beaker JSON Lines export/,
    },
    {
      name: 'JSON that is not records',
      make: () => '[1, 2, 3]\n',
      line: 1,
      says: /line 1 is an array, not a record/,
    },
    { name: 'an empty file', make: () => '\n\n', line: null, says: /The file holds no records/ },
  ];

  test.each(cases)('$name', async ({ make, line, says }) => {
    // The target already holds part of the log: a refusal must leave it exactly as it was.
    await importText(target, file(lines.slice(0, 6)));
    const before = await dumpLog(target);
    const outcome = await importText(target, make(lines));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.line).toBe(line);
    expect(outcome.refusal.message).toMatch(says);
    expect(await dumpLog(target)).toEqual(before);
  });

  test('a 100 MB file is refused before it is read, saying to split it', async () => {
    const before = await dumpLog(target);
    const outcome = await importText(target, '', 1, { declaredBytes: 100 * 1024 * 1024 });
    expect(outcome).toEqual({ ok: false, refusal: { line: null, message: expect.stringMatching(/100\.0 MB, more than the 64\.0 MB .* Split it/) } });
    expect(await dumpLog(target)).toEqual(before);
  });

  test('a 100 MB stream of valid records is refused at the cap (64 MB), and nothing is written', async () => {
    const line = `${lines.find((l) => l.includes('"kind":"tracker"'))!}\n`;
    const [head, tail] = [line.slice(0, line.indexOf('"id":"') + 6), line.slice(line.indexOf('"', line.indexOf('"id":"') + 6))];
    const importer = new FileImport(async () => target, { name: 'huge.jsonl' });
    let written = 0;
    let i = 0;
    let refusal = null;
    while (written < 100 * 1024 * 1024 && !refusal) {
      const parts: string[] = [];
      for (let k = 0; k < 2000; k++) parts.push(`${head}big:${i++}${tail}`);
      const chunk = parts.join('');
      written += chunk.length;
      refusal = importer.push(chunk);
    }
    expect(written).toBeLessThan(MAX_IMPORT_BYTES + 2 * 1024 * 1024);
    expect(refusal).toEqual({ line: null, message: expect.stringMatching(/^huge\.jsonl: The file is 64\.\d MB, more than the 64\.0 MB Beaker imports at once\. Split it/) });
    expect(await importer.finish()).toMatchObject({ ok: false });
    expect(await countEvents(target)).toBe(0);
  }, 60_000);
});
