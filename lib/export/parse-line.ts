import type { z } from 'zod/mini';
import { SCHEMA_VERSION } from '../schema/common';
import { READABLE_SCHEMA_VERSIONS, upgradeRecord } from '../schema/upgrade';
import { KIND_SCHEMAS } from './json-schema';
import { RECORD_KINDS, type ExportRecord, type RecordKind } from './records';

/**
 * One JSON Lines line to an `ExportRecord`, or a clear reason why not (ARCHITECTURE.md, "Exports"):
 * the record is parsed against its own kind's schema, so the message names the field that is
 * wrong, not "no member of the union matched". Used by the CLI export and, line by line, by
 * anything that reads exports.
 */
export const MAX_LINE_CHARS = 1_000_000;

export type LineResult = { ok: true; record: ExportRecord } | { ok: false; error: string };

function valueAtPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** zod/mini carries no messages (no locale is loaded): say what was expected from the issue itself. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = valueAtPath(value, issue.path);
  const shown = got === undefined ? 'missing' : `got ${JSON.stringify(got)?.slice(0, 60)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, ${shown}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, ${shown}`;
    case 'too_big':
      return `${issue.origin === 'string' || issue.origin === 'array' ? 'longer' : 'larger'} than ${String(issue.maximum)}`;
    case 'too_small':
      return `${issue.origin === 'string' || issue.origin === 'array' ? 'shorter' : 'smaller'} than ${String(issue.minimum)}`;
    case 'invalid_format':
      return `not a valid ${issue.format}, ${shown}`;
    default:
      return `${issue.code}${issue.message ? ` (${issue.message})` : ''}, ${shown}`;
  }
}

function describeIssues(error: z.core.$ZodError, value: unknown): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(record)'}: ${describeIssue(issue, value)}`)
    .join('; ');
}

export function parseExportLine(line: string): LineResult {
  if (line.length > MAX_LINE_CHARS) return { ok: false, error: `line of ${line.length} characters (at most ${MAX_LINE_CHARS})` };
  if (line.trim() === '') return { ok: false, error: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  // Schema 2 is read as 3 (lib/schema/upgrade.ts).
  value = upgradeRecord(value);
  const { kind, schemaVersion } = value as { kind?: unknown; schemaVersion?: unknown };
  if (typeof kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, error: `unknown kind ${JSON.stringify(kind)} (expected one of ${RECORD_KINDS.join(', ')})` };
  }
  if (schemaVersion !== SCHEMA_VERSION) {
    return { ok: false, error: `schemaVersion ${JSON.stringify(schemaVersion)}, this Beaker reads ${READABLE_SCHEMA_VERSIONS.join(' and ')}` };
  }
  const result = KIND_SCHEMAS[kind as RecordKind].safeParse(value);
  if (!result.success) return { ok: false, error: `${kind} record: ${describeIssues(result.error, value)}` };
  return { ok: true, record: result.data as ExportRecord };
}
