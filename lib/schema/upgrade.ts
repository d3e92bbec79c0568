import { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from './common';

/**
 * Schema versions a reader accepts (README, "Schema changes"). Versions 3 and 4 only added optional
 * fields (3: visits' `partial` and `capped`, tracker records' `observedBy`; 4: dark-pattern records'
 * `possible`), so a version 2 or 3 record is read as the current version unchanged but for its
 * number. The log is not rewritten (no database upgrade): records stored under an older version are
 * upgraded where they are read (export, import, the write-ahead replay).
 */
export { READABLE_SCHEMA_VERSIONS };

/** `raw` as a current record when it is a record of a readable older version; anything else as is. */
export function upgradeRecord<T>(raw: T): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === SCHEMA_VERSION || typeof version !== 'number' || !(READABLE_SCHEMA_VERSIONS as readonly number[]).includes(version)) return raw;
  return { ...raw, schemaVersion: SCHEMA_VERSION };
}
