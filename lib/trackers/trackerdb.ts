import loadTrackerDBEngine from '@ghostery/trackerdb';

export type TrackerDb = Awaited<ReturnType<typeof loadTrackerDBEngine>> & {
  /** `<data version>/engine-<serialisation version>`, recorded on every log record. */
  version: string;
};

/**
 * Deserialise the engine shipped as `trackerdb.engine`. `dataVersion` is the `@ghostery/trackerdb`
 * package version the file came from (the package exports no package.json, so the build writes it
 * next to the engine and Node callers read it from node_modules). Throws on corrupt bytes.
 */
export async function loadTrackerDb(bytes: Uint8Array, dataVersion: string): Promise<TrackerDb> {
  const db = await loadTrackerDBEngine(bytes);
  if (!db.engine.metadata) throw new Error('TrackerDB engine has no metadata: wrong engine file');
  return Object.assign(db, { version: `${dataVersion}/engine-${db.ENGINE_VERSION}` });
}
