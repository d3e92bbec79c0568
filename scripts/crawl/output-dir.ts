import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportRecord, toJsonLine, type ExportRecord } from '../../lib/export/records';
import { summaryRow, type SummaryRow } from './summary';

/**
 * A crawl's output directory (ARCHITECTURE.md, "Crawl"; docs/crawl.md, "Outputs"):
 *
 *   sites/<host>-<key>.jsonl   the records of one URL, one `ExportRecord` per line (none without records)
 *   done/<key>.json            the URL's summary row: its done-state, written after its site file
 *   summary.csv, manifest.json written when the crawl (or one worker's part of it) ends
 *
 * Every file is written under a `.partial` name and renamed, so a crawl killed at any moment leaves
 * nothing that looks complete; a URL is done exactly when its `done/` file exists, which
 * `--resume` and the queue workers read back (parsed with zod; a corrupt one is not done).
 */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.partial`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

export function siteFileName(row: Pick<SummaryRow, 'key' | 'url'>): string {
  let host = 'site';
  try {
    host = new URL(row.url).hostname.replace(/[^a-z0-9.-]/gi, '_').slice(0, 100) || 'site';
  } catch {
    // keep the default
  }
  return `sites/${host}-${row.key}.jsonl`;
}

export class OutputDir {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'sites'), { recursive: true });
    mkdirSync(join(dir, 'done'), { recursive: true });
  }

  /** Write a URL's records (no file when there are none: a DNS failure), then mark it done. */
  saveVisit(row: SummaryRow, records: readonly ExportRecord[]): void {
    if (records.length > 0) writeAtomically(join(this.dir, siteFileName(row)), records.map((r) => `${toJsonLine(r)}\n`).join(''));
    writeAtomically(join(this.dir, 'done', `${row.key}.json`), `${JSON.stringify(summaryRow.parse(row))}\n`);
  }

  isDone(key: string): boolean {
    return this.readDone(key) !== null;
  }

  readDone(key: string): SummaryRow | null {
    const path = join(this.dir, 'done', `${key}.json`);
    if (!existsSync(path)) return null;
    try {
      return summaryRow.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return null;
    }
  }

  /** Every done row in the directory, whatever list it came from. */
  doneRows(): SummaryRow[] {
    const rows: SummaryRow[] = [];
    for (const name of readdirSync(join(this.dir, 'done'))) {
      if (!name.endsWith('.json')) continue;
      const row = this.readDone(name.slice(0, -'.json'.length));
      if (row) rows.push(row);
    }
    return rows;
  }

  /** A done URL's records, each parsed with the export schema (the file was written by a crawl, but it is on disk). */
  readRecords(row: SummaryRow): ExportRecord[] {
    const path = join(this.dir, siteFileName(row));
    if (!existsSync(path)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line, i) => {
        const parsed = exportRecord.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'not a record'}`);
        return parsed.data;
      });
  }
}
