import type { BeakerDatabase } from '../log/database';
import { importRecords, type ImportSummary } from '../log/import-records';
import { JsonlValidator, MAX_IMPORT_BYTES, tooBigMessage, type Refusal } from './jsonl-validator';

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; refusal: Refusal };

/**
 * One file imported into the log (ARCHITECTURE.md, "Export and import"): its text arrives in
 * chunks and is validated as it comes; nothing is written before the whole file is valid, then
 * it is written in one transaction. A refused file changes nothing.
 */
export class FileImport {
  private readonly validator: JsonlValidator;
  private refusal: Refusal | null = null;

  constructor(
    private readonly db: () => Promise<BeakerDatabase>,
    options: { name?: string; declaredBytes?: number; maxBytes?: number } = {},
  ) {
    const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
    this.validator = new JsonlValidator({ name: options.name, maxBytes });
    // The file's size as the page read it: a file over the cap is refused before a byte is read.
    if (options.declaredBytes !== undefined && options.declaredBytes > maxBytes) {
      this.refusal = { line: null, message: tooBigMessage(options.declaredBytes, maxBytes) };
    }
  }

  /** The refusal, once there is one: the caller stops sending. */
  push(text: string): Refusal | null {
    this.refusal ??= this.validator.push(text);
    return this.refusal;
  }

  /** Records of the file older than `iso` (what retention will delete at its next run). */
  countOlderThan(iso: string): number {
    const cutoff = Date.parse(iso);
    let n = 0;
    for (const visit of this.validator.visits) if (Date.parse(visit.startedAt) < cutoff) n += 1;
    for (const event of this.validator.events) if (Date.parse(event.time) < cutoff) n += 1;
    return n;
  }

  async finish(): Promise<ImportOutcome> {
    this.refusal ??= this.validator.end();
    if (this.refusal) return { ok: false, refusal: this.refusal };
    const summary = await importRecords(await this.db(), this.validator.visits, this.validator.events);
    return { ok: true, summary };
  }
}
