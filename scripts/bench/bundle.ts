import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundle a few lines of TypeScript that import Beaker modules into one classic script (IIFE) for a
 * browser context (an extension page or the service worker). esbuild comes with WXT.
 */
export async function bundleForBrowser(entry: string, opts: { globalName?: string; minify?: boolean } = {}): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: resolve('.'), loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: opts.minify ?? false,
    logLevel: 'silent',
    ...(opts.globalName ? { globalName: opts.globalName } : {}),
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

/**
 * tsx compiles functions passed to `page.evaluate` with esbuild's `keepNames`, which calls a
 * `__name` helper the browser lacks; give the page (or worker) a no-op one.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f); undefined;';

/**
 * A private copy of the built extension for one bench section: others rebuild `.output/` in this
 * tree while a browser runs, and a rebuild under a running extension breaks its fetches.
 */
export function snapshotExtension(builtDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'beaker-bench-ext-'));
  cpSync(builtDir, dir, { recursive: true });
  for (const file of ['manifest.json', 'background.js', 'trackerdb.engine', 'trackerdb-version.txt']) {
    if (!existsSync(join(dir, file))) throw new Error(`the built extension in ${builtDir} has no ${file} (a build running elsewhere?)`);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
