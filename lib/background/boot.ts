import { browser } from 'wxt/browser';
import { loadTrackerDb, type TrackerDb } from '../trackers/trackerdb';
import { openDatabase, type BeakerDatabase } from '../log/database';
import { applyRetention } from '../log/retention';
import { getVisit, readMeta } from '../log/queries';
import { getSettings } from '../settings';
import type { Settings } from '../schema/settings';
import { createSequencer, type Sequencer } from './sequencer';
import { TabVisits, type TabRecord, type TabStore } from './tab-visits';

/**
 * What a worker loads before it classifies, in two tracks that run at once (startBackground awaits
 * both): the engine (fetch and deserialise, what dominates a cold start) and the state (sequencer,
 * settings, IndexedDB, the tab map and its counts).
 */
export async function loadEngine(): Promise<TrackerDb> {
  const [bytes, dataVersion] = await Promise.all([
    fetch(browser.runtime.getURL('/trackerdb.engine')).then((r) => r.arrayBuffer()),
    fetch(browser.runtime.getURL('/trackerdb-version.txt')).then((r) => r.text()),
  ]);
  return loadTrackerDb(new Uint8Array(bytes), dataVersion.trim());
}

export interface LoadedState {
  sequencer: Sequencer;
  settings: Settings;
  database: BeakerDatabase;
  tabs: TabVisits;
  /** The tabs a restarted worker knew, with their visits' counts as the log has them. */
  restored: TabRecord[];
}

export async function loadState(session: TabStore): Promise<LoadedState> {
  const tabs = new TabVisits(session);
  const [sequencer, settings, database, restored] = await Promise.all([createSequencer(session), getSettings(), openDatabase(), tabs.restore()]);
  // A restarted worker: the tab map comes from session storage, the counts from the log.
  await Promise.all(
    restored.map(async (record) => {
      if (!record.visit) return;
      const stored = await getVisit(database, record.visit.visitId);
      if (stored) record.visit.counts = stored.counts;
    }),
  );
  return { sequencer, settings, database, tabs, restored };
}

const RETENTION_INTERVAL_MS = 6 * 3600_000;

/** Delete records older than the retention period, at most every 6 hours (after readiness). */
export async function retainAtMostEvery6Hours(database: BeakerDatabase, retentionDays: number): Promise<void> {
  const lastRetention = (await readMeta(database))['retention.lastRun'] ?? 0;
  if (Date.now() - lastRetention > RETENTION_INTERVAL_MS) {
    await applyRetention(database, retentionDays);
    await database.put('meta', { key: 'retention.lastRun', value: Date.now() });
  }
}
