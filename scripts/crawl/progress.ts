import type { SummaryRow } from './summary';

/**
 * The crawl's progress (ARCHITECTURE.md, "Crawl"): on a terminal one line rewritten in place
 * (done/total, rate, ETA, failures); otherwise one line per URL, so logs of long runs stay readable.
 */
export class Progress {
  private done = 0;
  private failures = 0;
  private readonly started = Date.now();

  constructor(
    private total: number,
    private readonly write: (text: string) => void = (t) => process.stderr.write(t),
    private readonly tty: boolean = process.stderr.isTTY === true,
  ) {}

  setTotal(total: number): void {
    this.total = total;
  }

  record(row: SummaryRow): void {
    this.done += 1;
    if (row.status !== 'ok') this.failures += 1;
    if (this.tty) this.write(`\r\x1b[2K${this.line()}`);
    else this.write(`crawl: ${this.done}/${this.total} ${row.status} ${row.url} (${row.durationMs} ms${row.errors[0] ? `; ${row.errors[0]}` : ''})\n`);
  }

  line(now = Date.now()): string {
    const minutes = (now - this.started) / 60_000;
    const rate = minutes > 0 ? this.done / minutes : 0;
    const left = Math.max(0, this.total - this.done);
    const eta = rate > 0 ? formatDuration((left / rate) * 60_000) : '?';
    return `crawl: ${this.done}/${this.total} done, ${rate.toFixed(1)} sites/min, ETA ${eta}, ${this.failures} failed`;
  }

  end(): void {
    if (this.tty && this.done > 0) this.write('\n');
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
