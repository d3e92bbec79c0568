import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest as manifestSchema } from '../../../lib/export/manifest';
import { NodeDirectory } from '../../../lib/export/node-directory';
import { ExportInputError, listJsonlFiles, readJsonlFiles } from '../../../lib/export/read-jsonl';
import { runExport } from '../../../lib/export/run-export';
import { encodeText } from '../../../lib/export/sink';
import { fixtureSession } from './fixture-session';

const session = fixtureSession();
const ROOT = join(import.meta.dirname, '..', '..', '..');
const tmp = () => mkdtempSync(join(tmpdir(), 'beaker-export-'));
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const manifestInput = { producer: { name: 'test', version: '0' }, browsers: [] };

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('NodeDirectory', () => {
  it('keeps files under .partial names until commit, so a killed export leaves nothing that looks complete', async () => {
    const dir = tmp();
    const d = new NodeDirectory(dir);
    const sink = await d.open('tracker.csv');
    await sink.write(encodeText('a,b\r\n'));
    await sink.close();
    // The process dies here: only the temporary name exists.
    expect(listAll(dir)).toEqual(['tracker.csv.partial']);
    await d.commit();
    expect(listAll(dir)).toEqual(['tracker.csv']);
    expect(readFileSync(join(dir, 'tracker.csv'), 'utf8')).toBe('a,b\r\n');
  });

  it('removes every temporary file when the export fails half-way', async () => {
    const dir = tmp();
    async function* records() {
      yield* session.slice(0, 4);
      throw new Error('interrupted');
    }
    await expect(runExport({ records: records(), format: 'parquet', directory: new NodeDirectory(dir), manifest: manifestInput })).rejects.toThrow('interrupted');
    expect(listAll(dir)).toEqual([]);
  });
});

describe('reading JSON Lines inputs', () => {
  it('walks directories in sorted order and names file:line of the first bad line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.jsonl'), jsonl(session.slice(3)));
    writeFileSync(join(dir, 'a.jsonl'), jsonl(session.slice(0, 3)));
    writeFileSync(join(dir, 'notes.txt'), 'not an export');
    const files = listJsonlFiles([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a.jsonl', 'b.jsonl']);
    const read = [];
    for await (const r of readJsonlFiles(files)) read.push(r);
    expect(read).toEqual(session);

    writeFileSync(join(dir, 'b.jsonl'), jsonl(session.slice(3)) + '{"kind":"visit"');
    const err = await (async () => {
      try {
        for await (const _ of readJsonlFiles(files));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ExportInputError);
    expect((err as ExportInputError).message).toMatch(new RegExp(`b\\.jsonl:${session.length - 3 + 1}: not JSON`));
  });
});

describe('npm run export', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const cli = (args: string[]) => spawnSync(tsx, [join(ROOT, 'scripts', 'export.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

  it('exports a crawl-like directory to CSV with filters and privacy, and refuses a bad line writing nothing', () => {
    const input = tmp();
    writeFileSync(join(input, 'news.example.jsonl'), jsonl(session.filter((r) => r.site === 'news.example')));
    writeFileSync(join(input, 'shop.example.jsonl'), jsonl(session.filter((r) => r.site === 'shop.example')));
    const out = join(tmp(), 'out');
    const ok = cli(['--in', input, '--out', out, '--format', 'csv', '--kind', 'visit', '--kind', 'tracker', '--from', '2026-11-21']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('export: 2 records from 2 file(s)');
    expect(listAll(out).filter((f) => !f.startsWith('schema'))).toEqual(['manifest.json', 'tracker.csv', 'visit.csv']);
    const m = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(m).toMatchObject({ producer: { name: 'cli' }, privacy: { mode: 'on' }, counts: { visit: 1, tracker: 1 }, filters: { from: '2026-11-21T00:00:00.000Z', kinds: ['visit', 'tracker'] } });
    expect(readFileSync(join(out, 'tracker.csv'), 'utf8')).not.toContain('uid=777');
    expect(readFileSync(join(out, 'visit.csv'), 'utf8')).toContain('https://shop.example/cart');

    writeFileSync(join(input, 'shop.example.jsonl'), jsonl(session.filter((r) => r.site === 'shop.example')).replace('"navigation":"history"', '"navigation":7'));
    const out2 = join(tmp(), 'out2');
    const bad = cli(['--in', input, '--out', out2, '--format', 'parquet', '--no-privacy']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('shop.example.jsonl:1: visit record: navigation: expected "load" or "history" or "background", got 7');
    expect(existsSync(out2) ? listAll(out2) : []).toEqual([]);
  }, 20_000);
});
