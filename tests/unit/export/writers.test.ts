import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columnsOf, valueAt } from '../../../lib/export/columns';
import { MANIFEST_FILE, manifest as manifestSchema } from '../../../lib/export/manifest';
import { exportRecord, RECORD_KINDS, type ExportRecord } from '../../../lib/export/records';
import { runExport } from '../../../lib/export/run-export';
import { MemoryDirectory, type SinkDirectory } from '../../../lib/export/sink';
import { fixtureSession } from './fixture-session';

const session = fixtureSession();
const manifestInput = { producer: { name: 'test', version: '0' }, browsers: [{ name: 'chromium', version: '131' }], exportedAt: '2026-12-01T00:00:00.000Z' };

async function exportTo(format: 'jsonl' | 'csv' | 'parquet', extra: Partial<Parameters<typeof runExport>[0]> = {}) {
  const directory = new MemoryDirectory();
  const manifest = await runExport({ records: session, format, directory, privacy: 'off', manifest: manifestInput, ...extra });
  return { directory, manifest };
}

describe('JSON Lines writer', () => {
  it('writes one valid record per line, in order, every field kept', async () => {
    const { directory, manifest } = await exportTo('jsonl');
    const lines = directory.text('records.jsonl').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => exportRecord.parse(JSON.parse(l)))).toEqual(session);
    expect(manifest.files).toEqual([{ path: 'records.jsonl', format: 'jsonl', kind: null, records: session.length }]);
    expect(manifestSchema.parse(JSON.parse(directory.text(MANIFEST_FILE)))).toEqual(manifest);
    expect([...directory.files.keys()].filter((f) => f.startsWith('schema/'))).toHaveLength(7);
  });

  it('applies filters (kinds, sites, date range) and privacy mode', async () => {
    const { directory, manifest } = await exportTo('jsonl', {
      privacy: 'on',
      filters: { from: '2026-11-20T10:00:01.000Z', to: '2026-11-21T00:00:00.000Z', sites: ['news.example'], kinds: ['tracker', 'dark-pattern'] },
    });
    const out = directory.text('records.jsonl').trim().split('\n').map((l) => JSON.parse(l) as ExportRecord);
    expect(out.map((r) => r.kind)).toEqual(['tracker', 'tracker', 'dark-pattern']);
    expect(out.every((r) => r.site === 'news.example' && !('topUrl' in r && r.topUrl.includes('?')))).toBe(true);
    expect(manifest.counts).toEqual({ visit: 0, tracker: 2, ad: 0, 'dark-pattern': 1, engagement: 0 });
    expect(manifest.privacy.mode).toBe('on');
    expect(manifest.filters.kinds).toEqual(['tracker', 'dark-pattern']);
  });
});

describe('CSV writer', () => {
  it('writes one file per kind that parses back (RFC 4180) to the flattened records', async () => {
    const { directory, manifest } = await exportTo('csv');
    expect(manifest.files.map((f) => f.path)).toEqual(RECORD_KINDS.map((k) => `${k}.csv`));
    for (const kind of RECORD_KINDS) {
      const text = directory.text(`${kind}.csv`);
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = parse(text, { columns: true, cast: (value, ctx) => (ctx.quoting || value !== '' ? value : null) }) as Record<string, string | null>[];
      const records = session.filter((r) => r.kind === kind);
      expect(rows).toHaveLength(records.length);
      const columns = columnsOf(kind);
      expect(Object.keys(rows[0]!)).toEqual(columns.map((c) => c.name));
      records.forEach((record, i) => {
        for (const c of columns) {
          const v = valueAt(record, c);
          const cell = rows[i]![c.name];
          if (v === null) expect(cell, c.name).toBeNull();
          else if (c.type === 'json') expect(JSON.parse(cell!), c.name).toEqual(v);
          else expect(cell, c.name).toBe(String(v));
        }
      });
    }
  });

  it('quotes commas, quotes, newlines; tells an empty string from null', async () => {
    const tricky = { ...session.find((r) => r.kind === 'dark-pattern')!, evidence: 'a "b", c\nd', locator: '' } as ExportRecord;
    const directory = new MemoryDirectory();
    await runExport({ records: [tricky], format: 'csv', directory, privacy: 'off', manifest: manifestInput, filters: { from: null, to: null, sites: [], kinds: ['dark-pattern'] } });
    const text = directory.text('dark-pattern.csv');
    expect(text).toContain('"a ""b"", c\nd"');
    expect(text).toContain(',"",');
    const [row] = parse(text, { columns: true, cast: (value, ctx) => (ctx.quoting || value !== '' ? value : null) }) as Record<string, string | null>[];
    expect(row!.evidence).toBe('a "b", c\nd');
    expect(row!.locator).toBe('');
    expect(Object.keys(row!)).toHaveLength(columnsOf('dark-pattern').length);
  });

  it('flattens nested fields into dotted columns and a null object into null cells', () => {
    const names = columnsOf('tracker').map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['tracker.organization.name', 'tracker.category', 'beacon.kinds', 'reasons']));
    expect(columnsOf('visit').map((c) => c.name)).toEqual(expect.arrayContaining(['counts.tracker', 'counts.thirdPartyRequests', 'arrivalParams']));
    const org = columnsOf('tracker').find((c) => c.name === 'tracker.organization.name')!;
    expect(org).toMatchObject({ type: 'string', nullable: true });
    expect(columnsOf('tracker').find((c) => c.name === 'time')).toMatchObject({ type: 'timestamp', nullable: false });
    expect(valueAt(session.find((r) => r.kind === 'tracker' && r.tracker === null)!, org)).toBeNull();
  });
});

describe('an export that fails', () => {
  it('aborts the directory: no file is committed', async () => {
    const directory = new MemoryDirectory();
    async function* records() {
      yield session[0]!;
      throw new Error('cursor lost');
    }
    await expect(runExport({ records: records(), format: 'csv', directory, manifest: manifestInput })).rejects.toThrow('cursor lost');
    expect(directory.files.size).toBe(0);
  });

  it('aborts when a sink fails mid-way', async () => {
    const inner = new MemoryDirectory();
    let aborted = false;
    const failing: SinkDirectory = {
      open: async (name) => {
        const sink = await inner.open(name);
        return { ...sink, write: async () => Promise.reject(new Error('disk full')) };
      },
      commit: () => inner.commit(),
      abort: async () => {
        aborted = true;
        await inner.abort();
      },
    };
    await expect(runExport({ records: session, format: 'jsonl', directory: failing, manifest: manifestInput })).rejects.toThrow('disk full');
    expect(aborted).toBe(true);
    expect(inner.files.size).toBe(0);
  });
});
