import type { LogEvent } from '../schema/events';
import type { PageVisit } from '../schema/visit';
import { checkRecordLine } from './validate-record';

/**
 * A JSON Lines export validated as it streams in, chunk by chunk (ARCHITECTURE.md, "Export and
 * import"): the first bad line refuses the whole file, with its line number and what is wrong.
 * Used by the extension's import (lib/background/export-import.ts) and by `npm run merge`.
 */

/** What the extension imports at once: one IndexedDB transaction holds a file (split bigger ones). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** A longer line is not a Beaker record (the largest is a few KB). */
export const MAX_LINE_CHARS = 1024 * 1024;

export interface Refusal {
  /** 1-based line of the first problem; null when the file as a whole is refused (size, empty). */
  line: number | null;
  message: string;
}

export interface ValidatorOptions {
  /** Say which file in messages (`merge`: several inputs). */
  name?: string;
  /** Refuse past this many bytes (the extension's import); none for a merge. */
  maxBytes?: number;
  /** Called with each valid record; without it records are kept in `visits` and `events`. */
  onRecord?: (record: { kind: 'visit'; visit: PageVisit; line: number } | { kind: 'event'; event: LogEvent; line: number }) => void;
}

export function tooBigMessage(bytes: number, maxBytes = MAX_IMPORT_BYTES): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `The file is ${mb(bytes)}, more than the ${mb(maxBytes)} Beaker imports at once. Split it into smaller files (e.g. \`split -l 100000 records.jsonl part-\`) and import them together, or merge them first with \`npm run merge\`.`;
}

export class JsonlValidator {
  readonly visits: PageVisit[] = [];
  readonly events: LogEvent[] = [];
  /** Counts per kind of the records read so far. */
  readonly counts: Record<string, number> = {};
  private rest = '';
  private line = 0;
  private bytes = 0;
  private refused: Refusal | null = null;
  private readonly visitLines = new Map<string, number>();
  private readonly eventLines = new Map<string, number>();
  private records = 0;

  constructor(private readonly options: ValidatorOptions = {}) {}

  get refusal(): Refusal | null {
    return this.refused;
  }

  /** Feed the next chunk of text; returns the refusal once there is one (later chunks are ignored). */
  push(text: string, byteLength = utf8Length(text)): Refusal | null {
    if (this.refused) return this.refused;
    this.bytes += byteLength;
    const max = this.options.maxBytes;
    if (max !== undefined && this.bytes > max) return this.refuse(null, tooBigMessage(this.bytes, max));
    let chunk = this.rest + text;
    if (this.line === 0 && this.rest === '' && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    let start = 0;
    for (let nl = chunk.indexOf('\n', start); nl !== -1; nl = chunk.indexOf('\n', start)) {
      if (this.checkLine(chunk.slice(start, nl), false)) return this.refused;
      start = nl + 1;
    }
    this.rest = chunk.slice(start);
    if (this.rest.length > MAX_LINE_CHARS) return this.refuse(this.line + 1, `is longer than ${MAX_LINE_CHARS} characters: not a Beaker record`);
    return null;
  }

  /** The end of the file: checks a last line without a newline, and that there was a record at all. */
  end(): Refusal | null {
    if (this.refused) return this.refused;
    if (this.rest.trim() !== '' && this.checkLine(this.rest, true)) return this.refused;
    this.rest = '';
    if (this.records === 0) return this.refuse(null, 'The file holds no records: it is empty, or not a Beaker JSON Lines export (records.jsonl).');
    return null;
  }

  /** `line 3 is not JSON …`, `a.jsonl line 3 …`; whole-file problems read `The file …`. */
  private refuse(line: number | null, problem: string): Refusal {
    const name = this.options.name;
    const message = line === null ? (name ? `${name}: ${problem}` : problem) : `${name ? `${name} ` : ''}line ${line} ${problem}`;
    this.refused = { line, message };
    return this.refused;
  }

  /** True when the line refused the file. */
  private checkLine(text: string, last: boolean): boolean {
    this.line += 1;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return false;
    const check = checkRecordLine(line);
    if (!check.ok) {
      if (last && check.problem.startsWith('is not JSON')) {
        this.refuse(this.line, 'is cut off: the file ends in the middle of a record (an interrupted export or copy). Export again, or remove the last line.');
      } else if (this.records === 0 && check.problem.startsWith('is not JSON')) {
        this.refuse(this.line, `${check.problem}: this is not a Beaker JSON Lines export.`);
      } else {
        this.refuse(this.line, check.problem);
      }
      return true;
    }
    const { record } = check;
    const id = record.kind === 'visit' ? record.visit.id : record.event.id;
    const lines = record.kind === 'visit' ? this.visitLines : this.eventLines;
    const first = lines.get(id);
    if (first !== undefined) {
      this.refuse(this.line, `repeats the ${record.kind} id ${JSON.stringify(id)} of line ${first}: a file holds each record once.`);
      return true;
    }
    lines.set(id, this.line);
    this.records += 1;
    const kind = record.kind === 'visit' ? 'visit' : record.event.kind;
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    if (this.options.onRecord) {
      if (record.kind === 'visit') this.options.onRecord({ kind: 'visit', visit: record.visit, line: this.line });
      else this.options.onRecord({ kind: 'event', event: record.event, line: this.line });
    } else if (record.kind === 'visit') this.visits.push(record.visit);
    else this.events.push(record.event);
    return false;
  }
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  // Exact for the cap without copying big chunks: ASCII fast path.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? text.length : encoder.encode(text).length;
}
