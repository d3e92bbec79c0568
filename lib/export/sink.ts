/**
 * Where export bytes go (ARCHITECTURE.md, "Exports"): a writer opens one `ByteSink` per file in a
 * `SinkDirectory` and writes chunks as it goes, so nothing holds a whole export. The extension
 * backs it with Blob parts or a FileSystemWritableFileStream, Node with fs streams
 * (lib/export/node-directory.ts). Files are written under a temporary name and `commit()` makes
 * them final in the order they were opened (the manifest last), so an interrupted export leaves
 * nothing that looks complete; `abort()` removes what was written.
 */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
  /** Every byte written; the file is not final until the directory commits. */
  close(): Promise<void>;
}

export interface SinkDirectory {
  open(name: string): Promise<ByteSink>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const encoder = new TextEncoder();

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Text written in chunks of about `chunkChars`: one sink write per chunk, not per record.
 */
export class TextChunker {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly sink: ByteSink,
    private readonly chunkChars = 1 << 16,
  ) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.sink.write(encodeText(text));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
  }
}

/**
 * A directory in memory: tests, and the extension's Blob download (one Blob per file from its
 * parts, which the browser may keep on disk). Files appear in `files` only after `commit()`.
 */
export class MemoryDirectory implements SinkDirectory {
  readonly files = new Map<string, Uint8Array[]>();
  private readonly pending = new Map<string, Uint8Array[]>();

  async open(name: string): Promise<ByteSink> {
    if (this.pending.has(name)) throw new Error(`export file opened twice: ${name}`);
    const parts: Uint8Array[] = [];
    this.pending.set(name, parts);
    return {
      write: async (chunk) => {
        parts.push(chunk.slice());
      },
      close: async () => {},
    };
  }

  async commit(): Promise<void> {
    for (const [name, parts] of this.pending) this.files.set(name, parts);
    this.pending.clear();
  }

  async abort(): Promise<void> {
    this.pending.clear();
  }

  bytes(name: string): Uint8Array {
    const parts = this.files.get(name);
    if (!parts) throw new Error(`no export file ${name}`);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  text(name: string): string {
    return new TextDecoder().decode(this.bytes(name));
  }
}
