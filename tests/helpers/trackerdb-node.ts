import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadTrackerDb, type TrackerDb } from '../../lib/trackers/trackerdb';

const require = createRequire(import.meta.url);
/** The package's own directory (its `exports` hide package.json, so resolve the entry and walk up). */
export const TRACKERDB_DIR = join(dirname(require.resolve('@ghostery/trackerdb')), '..', '..');
export const TRACKERDB_ENGINE_PATH = join(TRACKERDB_DIR, 'dist', 'trackerdb.engine');

export function trackerDbDataVersion(): string {
  return (JSON.parse(readFileSync(join(TRACKERDB_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The real TrackerDB engine, loaded from node_modules, as the extension loads it. */
export function loadTrackerDbFromNodeModules(): Promise<TrackerDb> {
  return loadTrackerDb(new Uint8Array(readFileSync(TRACKERDB_ENGINE_PATH)), trackerDbDataVersion());
}
