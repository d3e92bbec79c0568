import { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from './common';

/**
 * Schema versions a reader accepts (README, "Schema changes"). Version 3 only added optional fields
 * (visits' `partial` and `capped`, tracker records' `observedBy`), so a version 2 record is read as
 * version 3 unchanged but for its number. The log is not rewritten (no database upgrade): records
 * stored as version 2 are upgraded where they are read (export, import, the write-ahead replay).
 */
export { READABLE_SCHEMA_VERSIONS };

/** `raw` as a current record when it is a record of a readable older version; anything else as is. */
export function upgradeRecord<T>(raw: T): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === SCHEMA_VERSION || typeof version !== 'number' || !(READABLE_SCHEMA_VERSIONS as readonly number[]).includes(version)) return raw;
  return { ...raw, schemaVersion: SCHEMA_VERSION };
}
