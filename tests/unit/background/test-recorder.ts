import { createRecorder, type Recorder } from '../../../lib/background/recorder';
import { createSequencer } from '../../../lib/background/sequencer';
import { TabVisits } from '../../../lib/background/tab-visits';
import type { WriteOp, WriteQueue } from '../../../lib/log/write-queue';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import type { Classifier } from '../../../lib/trackers/classify-request';

/** storage.session / storage.local as the recorder's tab state sees them: values cloned in and out. */
export class MemoryStore {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(structuredClone(items))) this.data.set(k, v);
  }
}

type RecorderDeps = Parameters<typeof createRecorder>[0];

/**
 * A recorder over a memory store whose write queue collects its ops in `ops` (never flushed);
 * `over` replaces any of its dependencies.
 */
export async function testRecorder(classifier: Classifier, over: Partial<RecorderDeps> = {}): Promise<{ recorder: Recorder; ops: WriteOp[] }> {
  const ops: WriteOp[] = [];
  const queue: WriteQueue = { push: (op) => void ops.push(op), flush: async () => undefined, pending: () => ops.length };
  const store = new MemoryStore();
  const recorder = createRecorder({
    classifier,
    queue,
    sequencer: await createSequencer(store, () => 'session-1'),
    tabs: new TabVisits(store),
    settings: () => DEFAULT_SETTINGS,
    extensionVersion: '0.1.0-test',
    trackerDbVersion: 'test',
    onTabChanged: () => undefined,
    ...over,
  });
  return { recorder, ops };
}
