/**
 * What a page pays to host Beaker (issue #3: ≤ 30 KB gzip for everything injected): the gzip size
 * of every content-script file of the BUILT Chrome extension (.output/chrome-mv3, built with WXT if
 * stale), per file and in total, against the target. Then where the bytes come from: the content
 * script's lib/ code (lib/content/start-content.ts + lib/content/passes.ts) bundled with esbuild,
 * minified, rule examples stripped as in the build, its modules ranked by minified bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuilt } from '../lib/build';
import { bundleLib } from './lib-bundle';
import { fmt, log, table, verdict } from './stats';

export const TARGET_GZIP_BYTES = 30 * 1024;
const GZIP_LEVEL = 9;

export interface InjectedFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Where the manifest injects it (`matches`, world, all frames). */
  injected: string;
  /** Imported by the content script only when the person asks for it: not in the every-frame total. */
  onDemand?: boolean;
}

/**
 * Web-accessible modules the content script imports only on a request of the person's (never at
 * load), each with what asks for it (ARCHITECTURE.md, "The content script's loader").
 */
const ON_DEMAND: Record<string, string> = {
  'content-highlight.js': 'imported by the content script on the first "Show on page" (popup or dashboard), in a frame holding one of the units',
  'content-lists.js': "imported by the content script when EasyList's element rules are turned on (settings; off by default)",
};

export interface ModuleSize {
  module: string;
  bytes: number;
}

export interface ContentSizeResult {
  builtDir: string;
  files: InjectedFile[];
  /** What every frame loads (the files not imported on demand): what the target is about. */
  totalBytes: number;
  totalGzipBytes: number;
  /** Every frame's total plus every on-demand module: a frame where the person asked for everything. */
  withOnDemandGzipBytes: number;
  targetGzipBytes: number;
  ratioToTarget: number;
  target: 'PASS' | 'MISS';
  breakdown: {
    bytes: number;
    gzipBytes: number;
    modules: number;
    top: ModuleSize[];
    /** Bytes by package or lib/ folder. */
    byGroup: ModuleSize[];
  };
}

const gzip = (data: Buffer | string) => gzipSync(data, { level: GZIP_LEVEL }).length;

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  world?: string;
  all_frames?: boolean;
  run_at?: string;
}

function groupOf(module: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (nm) return nm[1]!;
  const parts = module.split('/');
  return parts.length > 2 ? `${parts.slice(0, parts.length - 1).join('/')}/` : module;
}

export async function benchContentSize(): Promise<ContentSizeResult> {
  const builtDir = ensureBuilt('chrome', log);
  // Read everything at once: others may rebuild .output/ in this tree at any moment.
  const manifest = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestContentScript[];
    web_accessible_resources?: { resources: string[] }[];
  };
  const where = new Map<string, string>();
  for (const cs of manifest.content_scripts ?? []) {
    const how = `${cs.world === 'MAIN' ? 'MAIN world' : 'isolated world'}, ${cs.all_frames ? 'all frames' : 'top frame'}, ${cs.run_at ?? 'document_idle'}`;
    for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) where.set(f.replace(/^\//, ''), how);
  }
  // Chrome's loader imports the content script's body from a web-accessible module (wxt.config.ts):
  // it is in every frame as much as the loader is.
  for (const war of manifest.web_accessible_resources ?? []) {
    for (const f of war.resources) {
      const name = f.replace(/^\//, '');
      if (f.endsWith('.js')) where.set(name, ON_DEMAND[name] ?? 'imported by the content-script loader into every frame');
    }
  }
  const dir = join(builtDir, 'content-scripts');
  const listed = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(js|css)$/.test(f)).map((f) => `content-scripts/${f}`) : [];
  const names = [...new Set([...listed, ...where.keys()])].sort();
  if (names.length === 0) throw new Error(`no content scripts in ${builtDir}`);
  const files: InjectedFile[] = names.map((file) => {
    const data = readFileSync(join(builtDir, file));
    return {
      file,
      bytes: data.length,
      gzipBytes: gzip(data),
      injected: where.get(file) ?? 'not in manifest.content_scripts (listed in content-scripts/)',
      ...(file in ON_DEMAND ? { onDemand: true } : {}),
    };
  });
  const everyFrame = files.filter((f) => !f.onDemand);
  const totalBytes = everyFrame.reduce((a, f) => a + f.bytes, 0);
  const totalGzipBytes = everyFrame.reduce((a, f) => a + f.gzipBytes, 0);
  const withOnDemandGzipBytes = files.reduce((a, f) => a + f.gzipBytes, 0);

  // Where the bytes come from: the content script's lib/ code alone, as the build bundles it.
  const { code, metafile } = await bundleLib(
    [
      "export { startContent } from './lib/content/start-content.ts';",
      "export { CONTENT_PASSES, passesForFrame } from './lib/content/passes.ts';",
    ].join('\n'),
    { minify: true, globalName: '__beakerContent' },
  );
  const output = Object.values(metafile.outputs)[0];
  if (!output) throw new Error('esbuild metafile has no output');
  const root = resolve('.');
  const modules: ModuleSize[] = Object.entries(output.inputs)
    .map(([path, info]) => ({ module: relative(root, resolve(path)).replaceAll('\\', '/'), bytes: info.bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const groups = new Map<string, number>();
  for (const m of modules) groups.set(groupOf(m.module), (groups.get(groupOf(m.module)) ?? 0) + m.bytes);
  const byGroup = [...groups.entries()].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);

  const ratioToTarget = totalGzipBytes / TARGET_GZIP_BYTES;
  return {
    builtDir,
    files,
    totalBytes,
    totalGzipBytes,
    withOnDemandGzipBytes,
    targetGzipBytes: TARGET_GZIP_BYTES,
    ratioToTarget,
    target: verdict(totalGzipBytes <= TARGET_GZIP_BYTES),
    breakdown: { bytes: Buffer.byteLength(code), gzipBytes: gzip(code), modules: modules.length, top: modules.slice(0, 15), byGroup },
  };
}

const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;

export function printContentSize(r: ContentSizeResult): string {
  const minified = r.breakdown.bytes;
  const main = r.files.find((f) => f.file.endsWith('/content.js') || f.file === 'content-main.js');
  return [
    `== content-size: everything injected into a page by the built extension (${r.builtDir}), gzip -${GZIP_LEVEL}; target ≤ 30 KB gzip in total (KB = 1,024 bytes)`,
    '',
    table(
      ['file', 'bytes', 'gzip bytes', 'gzip', 'injected'],
      [
        ...r.files.map((f) => [f.file, f.bytes.toLocaleString('en'), f.gzipBytes.toLocaleString('en'), kb(f.gzipBytes), f.injected]),
        ['total, every frame', r.totalBytes.toLocaleString('en'), r.totalGzipBytes.toLocaleString('en'), kb(r.totalGzipBytes), 'without the on-demand modules'],
      ],
    ),
    '',
    `total ${kb(r.totalGzipBytes)} gzip in every frame vs target ${kb(r.targetGzipBytes)}: ratio ${fmt(r.ratioToTarget)} of target, headroom ${kb(r.targetGzipBytes - r.totalGzipBytes)} → ${r.target}`,
    `with every on-demand module loaded too (EasyList's element rules on, and "Show on page" clicked): ${kb(r.withOnDemandGzipBytes)} gzip, ratio ${fmt(r.withOnDemandGzipBytes / r.targetGzipBytes)} of target`,
    '',
    `where the bytes come from: lib/content/start-content.ts + lib/content/passes.ts bundled by esbuild (minified, IIFE, rule examples stripped): ${minified.toLocaleString('en')} bytes, ${kb(r.breakdown.gzipBytes)} gzip, ${r.breakdown.modules} modules`,
    ...(main ? [`the shipped ${main.file} is ${(main.bytes - minified).toLocaleString('en')} bytes (${kb(main.gzipBytes - r.breakdown.gzipBytes)} gzip) larger: WXT's runtime, webextension-polyfill and entrypoints/content.ts (approximate: two minifiers)`] : []),
    table(
      ['top 15 modules by minified bytes', 'bytes', 'share'],
      r.breakdown.top.map((m) => [m.module, m.bytes.toLocaleString('en'), `${fmt((m.bytes / minified) * 100, 1)} %`]),
    ),
    '',
    table(
      ['by folder / package', 'bytes', 'share'],
      r.breakdown.byGroup.slice(0, 10).map((m) => [m.module, m.bytes.toLocaleString('en'), `${fmt((m.bytes / minified) * 100, 1)} %`]),
    ),
  ].join('\n');
}
