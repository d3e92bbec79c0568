import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'locales', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The build failed: one sentence with what to do (the build's own output with BEAKER_DEBUG=1). */
export class BuildFailed extends Error {}

/** Build a target with WXT unless its output is newer than every source file. */
export function ensureBuilt(target: 'chrome' | 'firefox', log: (line: string) => void = console.error): string {
  const dir = target === 'chrome' ? '.output/chrome-mv3' : '.output/firefox-mv2';
  const manifest = join(dir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map(newestMtime));
  if (built > sources) return dir;
  log(`Building the ${target} extension (wxt build${target === 'firefox' ? ' -b firefox' : ''})…`);
  try {
    execFileSync('npx', ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    if (process.env.BEAKER_DEBUG === '1') log(`${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
    const command = target === 'chrome' ? 'build:chrome' : 'build:firefox';
    throw new BuildFailed(`The ${target} extension did not build: run \`npm run ${command}\` to see why (\`npm ci\` first on a fresh checkout).`);
  }
  return dir;
}
