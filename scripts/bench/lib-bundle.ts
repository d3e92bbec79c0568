import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { stripExamples } from '../lib/strip-rule-examples';

/**
 * The build's `beaker:strip-rule-examples` (wxt.config.ts) as an esbuild plugin: rule `examples`,
 * `counterExamples` and `note` literals are dropped from lib/ sources, so a bench bundle carries
 * (and pays to parse) what the shipped content script carries, no more.
 */
export function stripExamplesPlugin(): Plugin {
  return {
    name: 'beaker-bench:strip-rule-examples',
    setup(b) {
      b.onLoad({ filter: /[\\/]lib[\\/].*\.ts$/ }, async (args) => {
        const code = await readFile(args.path, 'utf8');
        return { contents: stripExamples(code, args.path.replaceAll('\\', '/')) ?? code, loader: 'ts' };
      });
    },
  };
}

export interface LibBundle {
  code: string;
  metafile: Metafile;
}

/**
 * Bundle a few lines of TypeScript importing lib/ modules into one classic script (IIFE) for a
 * page, with rule examples stripped as in the shipped build.
 */
export async function bundleLib(entry: string, opts: { globalName?: string; minify?: boolean } = {}): Promise<LibBundle> {
  const result = await build({
    stdin: { contents: entry, resolveDir: resolve('.'), loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: opts.minify ?? false,
    metafile: true,
    logLevel: 'silent',
    plugins: [stripExamplesPlugin()],
    ...(opts.globalName ? { globalName: opts.globalName } : {}),
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return { code: file.text, metafile: result.metafile };
}
