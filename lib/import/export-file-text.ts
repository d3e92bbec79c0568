import { Unzip, UnzipInflate } from 'fflate';

/**
 * The JSON Lines text of an export file, chunk by chunk (ARCHITECTURE.md, "Export and import"):
 * a `.jsonl` file as it is, or the one `.jsonl` inside a zip (what the settings page's export
 * saves: records.jsonl, manifest.json, schema/). Streamed: a chunk in, its text out.
 */
export class ExportFileError extends Error {}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function* exportFileText(bytes: AsyncIterable<Uint8Array>, maxChunkChars = 1 << 20): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const queue: string[] = [];
  let unzip: Unzip | null = null;
  let entries = 0;
  let first = true;
  let failure: Error | null = null;
  const emit = (text: string) => {
    for (let i = 0; i < text.length; i += maxChunkChars) queue.push(text.slice(i, i + maxChunkChars));
  };
  for await (const chunk of bytes) {
    if (first) {
      first = false;
      if (isZip(chunk)) {
        unzip = new Unzip((file) => {
          if (!file.name.endsWith('.jsonl')) return;
          entries += 1;
          if (entries > 1) {
            failure ??= new ExportFileError(`The zip holds more than one .jsonl file (${file.name}): unzip it and import them one by one.`);
            return;
          }
          file.ondata = (error, data, final) => {
            if (error) failure ??= new ExportFileError(`The zip is damaged: ${error.message}`);
            else emit(decoder.decode(data, { stream: !final }));
          };
          file.start();
        });
        unzip.register(UnzipInflate);
      }
    }
    if (unzip) unzip.push(chunk);
    else emit(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    while (queue.length > 0) yield queue.shift()!;
  }
  if (unzip) {
    unzip.push(new Uint8Array(0), true);
    if (failure) throw failure;
    if (entries === 0) throw new ExportFileError('The zip holds no .jsonl file: import a JSON Lines export (records.jsonl), not CSV or Parquet.');
  } else emit(decoder.decode());
  while (queue.length > 0) yield queue.shift()!;
}
