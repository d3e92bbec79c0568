import { Zip, ZipDeflate } from 'fflate';
import type { ByteSink, SinkDirectory } from '../export/sink';
import { t } from '../i18n/i18n';

/**
 * An export directory written as one zip (ARCHITECTURE.md, "Export and import"): the files an
 * export writes (records, JSON Schemas, the manifest) go into the archive as they are written,
 * and the zip's bytes are folded into Blobs every few MB (the browser may keep Blob data on disk),
 * so the page holds no whole export. Nothing exists for the person until `commit()`: then `blob()`
 * is the finished zip; `abort()` throws it all away.
 */
const FOLD_BYTES = 8 * 1024 * 1024;

export class ZipDirectory implements SinkDirectory {
  private readonly zip: Zip;
  private blobs: Blob[] = [];
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;
  private failure: Error | null = null;
  private ended: Promise<void>;
  private endedResolve: () => void = () => undefined;
  private result: Blob | null = null;

  constructor() {
    this.ended = new Promise((resolve) => (this.endedResolve = resolve));
    this.zip = new Zip((error, data, final) => {
      if (error) {
        this.failure ??= error;
        return;
      }
      this.pending.push(data as Uint8Array<ArrayBuffer>);
      this.pendingBytes += data.length;
      if (this.pendingBytes >= FOLD_BYTES || final) this.fold();
      if (final) this.endedResolve();
    });
  }

  private fold(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  async open(name: string): Promise<ByteSink> {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    return {
      write: async (chunk) => {
        if (this.failure) throw this.failure;
        file.push(chunk);
      },
      close: async () => file.push(new Uint8Array(0), true),
    };
  }

  async commit(): Promise<void> {
    this.zip.end();
    await this.ended;
    if (this.failure) throw this.failure;
    this.result = new Blob(this.blobs, { type: 'application/zip' });
    this.blobs = [];
  }

  async abort(): Promise<void> {
    this.zip.terminate();
    this.blobs = [];
    this.pending = [];
  }

  /** The finished zip (after `commit()`). */
  blob(): Blob {
    if (!this.result) throw new Error(t('export_unfinished'));
    return this.result;
  }
}
