import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../../lib/export/records';
import { runExport } from '../../../lib/export/run-export';
import { MemoryDirectory } from '../../../lib/export/sink';
import { fixtureSession } from './fixture-session';

/**
 * A golden export of a fixture browsing session (every record kind; tests/unit/export/fixture-session.ts):
 * the JSON Lines and CSV bytes are pinned in tests/unit/export/golden/. A change to a writer, to
 * privacy mode or to a schema shows here as a diff; review it, then `npx vitest run -u` rewrites them.
 */
const session = fixtureSession();
const manifest = { producer: { name: 'test', version: '0' }, browsers: [], exportedAt: '2026-12-01T00:00:00.000Z' };

async function exported(format: 'jsonl' | 'csv', privacy: 'on' | 'off') {
  const directory = new MemoryDirectory();
  await runExport({ records: session, format, directory, privacy, manifest, schemas: false });
  return directory;
}

describe('golden export of the fixture session', () => {
  it('JSON Lines, privacy off (every field as stored) and on (the consumer default)', async () => {
    await expect((await exported('jsonl', 'off')).text('records.jsonl')).toMatchFileSnapshot('golden/full/records.jsonl');
    await expect((await exported('jsonl', 'on')).text('records.jsonl')).toMatchFileSnapshot('golden/private/records.jsonl');
  });

  it('CSV, one file per kind, privacy on', async () => {
    const d = await exported('csv', 'on');
    for (const kind of RECORD_KINDS) await expect(d.text(`${kind}.csv`)).toMatchFileSnapshot(`golden/private/${kind}.csv`);
  });
});
