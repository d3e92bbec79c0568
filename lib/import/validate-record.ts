import type { z } from 'zod/mini';
import { SCHEMA_VERSION } from '../schema/common';
import { READABLE_SCHEMA_VERSIONS, upgradeRecord } from '../schema/upgrade';
import type { LogEvent } from '../schema/events';
import { KIND_SCHEMAS } from '../export/json-schema';
import { RECORD_KINDS, recordToVisit, type visitRecord, type RecordKind } from '../export/records';
import type { PageVisit } from '../schema/visit';

/**
 * One line of a JSON Lines export checked against the record schemas (ARCHITECTURE.md, "Export
 * and import"): JSON, a known `kind`, this Beaker's `schemaVersion`, the kind's zod schema, and no
 * field the schema does not know (zod would drop it silently, and an import loses nothing quietly).
 */

export type ValidRecord = { kind: 'visit'; visit: PageVisit } | { kind: 'event'; event: LogEvent };
export type LineCheck = { ok: true; record: ValidRecord } | { ok: false; problem: string };

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  format?: string;
  values?: unknown[];
  keys?: string[];
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let at = input;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** A zod issue as a person reads it: the field's path, then what is wrong. */
export function describeIssue(issue: Issue, input: unknown): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(record)';
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `${path} is missing` : `${path} should be ${String(issue.expected)}, not ${typeName(value)}`;
    case 'too_big':
      return `${path} is too long or too large (at most ${String(issue.maximum)})`;
    case 'too_small':
      return `${path} is too short or too small (at least ${String(issue.minimum)})`;
    case 'invalid_format':
      return `${path} is not a valid ${issue.format ?? 'value'}`;
    case 'invalid_value':
      return `${path} should be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${path} is not valid (${issue.code})`;
  }
}

export function checkRecordLine(line: string): LineCheck {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, problem: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: `is ${typeName(value)}, not a record (a JSON object with a "kind")` };
  }
  // A record of an older schema this Beaker still reads (2: the same fields, fewer optional ones) is imported as the current one.
  const raw = upgradeRecord(value as Record<string, unknown>);
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(kind)) {
    const seen = typeof kind === 'string' ? `unknown kind ${JSON.stringify(kind.slice(0, 40))}` : 'no "kind"';
    return { ok: false, problem: `has ${seen} (expected one of ${RECORD_KINDS.join(', ')})` };
  }
  if (raw.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      problem: `has schemaVersion ${JSON.stringify(raw.schemaVersion) ?? 'missing'}; this Beaker reads schema ${READABLE_SCHEMA_VERSIONS.join(' and ')} (README, "Schema changes")`,
    };
  }
  const schema: z.ZodMiniObject = KIND_SCHEMAS[kind as RecordKind];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues as unknown as Issue[];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return { ok: false, problem: `is not a valid ${kind} record: ${describeIssue(issues[0]!, raw)}${more}` };
  }
  const unknown = Object.keys(raw).filter((key) => !(key in schema.shape));
  if (unknown.length > 0) return { ok: false, problem: `has a field ${kind === 'ad' ? 'an' : 'a'} ${kind} record does not have: ${unknown.slice(0, 3).join(', ')}` };
  if (kind === 'visit') return { ok: true, record: { kind: 'visit', visit: recordToVisit(parsed.data as z.infer<typeof visitRecord>) } };
  return { ok: true, record: { kind: 'event', event: parsed.data as LogEvent } };
}
