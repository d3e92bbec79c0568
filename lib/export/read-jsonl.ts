import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { MANIFEST_FILE, manifest as manifestSchema, type Manifest } from './manifest';
import { parseExportLine } from './parse-line';
import type { ExportRecord } from './records';

/**
 * Node readers of JSON Lines exports and crawl outputs (ARCHITECTURE.md, "Exports"): files are read
 * line by line as a stream and each line is validated (lib/export/parse-line.ts); the first bad line
 * stops the read with an error naming `file:line` and what is wrong.
 */
export class ExportInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ExportInputError';
  }
}

/** `.jsonl` files of the inputs: a file as given, a directory walked in sorted order (`.partial` files skipped). */
export function listJsonlFiles(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.jsonl')) out.push(path);
    }
  };
  for (const input of inputs) {
    if (!existsSync(input)) throw new Error(`no such file or directory: ${input}`);
    if (statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

export async function* readJsonlFile(file: string): AsyncGenerator<ExportRecord> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      const result = parseExportLine(line);
      if (!result.ok) throw new ExportInputError(file, n, result.error);
      yield result.record;
    }
  } finally {
    lines.close();
  }
}

export async function* readJsonlFiles(files: readonly string[]): AsyncGenerator<ExportRecord> {
  for (const file of files) yield* readJsonlFile(file);
}

/** Manifests beside the inputs (`manifest.json` in a directory given, or beside a file given), parsed. */
export function inputManifests(inputs: readonly string[]): { path: string; manifest: Manifest }[] {
  const paths = new Set<string>();
  for (const input of inputs) {
    const dir = existsSync(input) && statSync(input).isDirectory() ? input : dirname(input);
    const path = join(dir, MANIFEST_FILE);
    if (existsSync(path)) paths.add(path);
  }
  return [...paths].map((path) => {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${relative('.', path)}: not a Beaker export manifest (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    return { path, manifest: parsed.data };
  });
}
