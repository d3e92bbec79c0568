import { describe, expect, test } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { ExportFileError, exportFileText } from '../../../lib/import/export-file-text';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
async function textOf(bytes: Uint8Array, size = 7, maxChunk?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const t of exportFileText(chunks(bytes, size), maxChunk)) out.push(t);
  return out;
}

describe('the text of an export file', () => {
  const jsonl = '{"kind":"visit","url":"https://café.example/ü"}\n{"kind":"tracker"}\n';

  test('a .jsonl as it is, multi-byte characters split across chunks intact, chunks capped', async () => {
    const parts = await textOf(strToU8(jsonl), 3, 10);
    expect(parts.join('')).toBe(jsonl);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(10);
  });

  test('the one .jsonl inside an export zip, beside its manifest and schemas', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{}'), 'schema/visit.schema.json': strToU8('{}'), 'records.jsonl': strToU8(jsonl) });
    expect((await textOf(zip, 64)).join('')).toBe(jsonl);
  });

  test.each([
    [{ 'visit.csv': strToU8('id\n'), 'manifest.json': strToU8('{}') }, /holds no \.jsonl file: import a JSON Lines export/],
    [{ 'a.jsonl': strToU8(jsonl), 'b.jsonl': strToU8(jsonl) }, /more than one \.jsonl file \(b\.jsonl\)/],
  ])('a zip without exactly one .jsonl is refused', async (files, says) => {
    await expect(textOf(zipSync(files), 64)).rejects.toThrow(ExportFileError);
    await expect(textOf(zipSync(files), 64)).rejects.toThrow(says);
  });
});
