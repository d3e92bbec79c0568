import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { MergeRefusal, manifestPathOf, mergeExports } from '../../../scripts/merge';
import { manifest as manifestSchema } from '../../../lib/export/manifest';
import { buildLog, exportLines, freshDatabase } from './fixture-log';

let dir: string;
let lines: string[];
const text = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'beaker-merge-'));
  const db = await freshDatabase();
  await buildLog(db);
  lines = await exportLines(db);
  db.close();
  // Two overlapping shards (records 0–11 and 6–17), the second inside a directory, and the whole
  // export again as the settings page's zip.
  writeFileSync(join(dir, 'shard-a.jsonl'), text(lines.slice(0, 12)));
  mkdirSync(join(dir, 'panel'));
  writeFileSync(join(dir, 'panel', 'shard-b.jsonl'), text(lines.slice(6)));
  writeFileSync(join(dir, 'export.zip'), zipSync({ 'records.jsonl': strToU8(text(lines)), 'manifest.json': strToU8('{}') }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run merge', () => {
  test('shards, a directory and a zip merge into one file, deduplicated by id, with per-input counts and a manifest', async () => {
    const out = join(dir, 'merged.jsonl');
    const counts = await mergeExports([join(dir, 'shard-a.jsonl'), join(dir, 'panel'), join(dir, 'export.zip')], out);
    expect(counts.map((c) => [c.records, c.written, c.duplicates])).toEqual([
      [12, 12, 0],
      [12, 6, 6],
      [18, 0, 18],
    ]);
    const merged = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect([...merged].sort()).toEqual([...lines].sort());
    expect(existsSync(`${out}.partial`)).toBe(false);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPathOf(out), 'utf8')));
    expect(manifest.counts).toEqual({ visit: 3, tracker: 6, ad: 3, 'dark-pattern': 3, engagement: 3 });
    expect(manifest.completeness).toMatchObject({ complete: 1, incomplete: 2 });
  });

  test('a bad line in any input refuses the merge naming file:line, and writes nothing', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, text([...lines.slice(0, 4), lines[4]!.replace(/"kind":"[a-z-]+"/, '"kind":"cookie"')]));
    const out = join(dir, 'refused.jsonl');
    await expect(mergeExports([join(dir, 'shard-a.jsonl'), bad], out)).rejects.toThrow(MergeRefusal);
    await expect(mergeExports([join(dir, 'shard-a.jsonl'), bad], out)).rejects.toThrow(`${bad} line 5 has unknown kind "cookie"`);
    expect(existsSync(out) || existsSync(`${out}.partial`) || existsSync(manifestPathOf(out))).toBe(false);
  });

  test('the CLI: exit 1 and file:line on a refusal, exit 0 and a summary otherwise', () => {
    const bad = join(dir, 'cut.jsonl');
    writeFileSync(bad, text(lines.slice(0, 3)) + lines[3]!.slice(0, 30));
    const run = (...args: string[]) => {
      try {
        return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/merge.ts', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { code: e.status, out: e.stderr };
      }
    };
    const refused = run(bad, '--out', join(dir, 'cli.jsonl'));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`merge: refused, nothing written: ${bad} line 4 is cut off`);
    const ok = run(join(dir, 'shard-a.jsonl'), join(dir, 'panel'), '--out', join(dir, 'cli.jsonl'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/shard-b\.jsonl: 12 records, 6 written .*, 6 duplicates skipped/);
    expect(ok.out).toMatch(/merge: 18 records from 2 input\(s\)/);
  }, 30_000);
});
