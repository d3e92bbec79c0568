import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, parseExportLine } from '../../../lib/export/parse-line';
import { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from '../../../lib/schema';
import { fixtureSession } from './fixture-session';

const session = fixtureSession();
const line = (r: unknown) => JSON.stringify(r);
const error = (text: string) => {
  const result = parseExportLine(text);
  if (result.ok) throw new Error(`accepted: ${text.slice(0, 80)}`);
  return result.error;
};

describe('parseExportLine', () => {
  it('accepts every kind of the fixture session unchanged', () => {
    for (const r of session) expect(parseExportLine(line(r))).toEqual({ ok: true, record: r });
  });

  it('refuses bad lines with what is wrong', () => {
    const tracker = session.find((r) => r.kind === 'tracker')!;
    expect(error(line(tracker).slice(0, 50))).toMatch(/^not JSON/);
    expect(error('')).toBe('empty line');
    expect(error('[1,2]')).toBe('not a JSON object');
    expect(error(line({ ...tracker, kind: 'cookie' }))).toBe('unknown kind "cookie" (expected one of visit, tracker, ad, dark-pattern, engagement)');
    expect(error(line({ ...tracker, schemaVersion: SCHEMA_VERSION + 1 }))).toBe(`schemaVersion ${SCHEMA_VERSION + 1}, this Beaker reads ${READABLE_SCHEMA_VERSIONS.join(' and ')}`);
    expect(error(line({ ...tracker, seq: -1 }))).toBe('tracker record: seq: smaller than 0');
    expect(error(line({ ...tracker, thirdParty: 'yes' }))).toBe('tracker record: thirdParty: expected boolean, got "yes"');
    expect(error(line({ ...tracker, time: 'yesterday' }))).toBe('tracker record: time: not a valid datetime, got "yesterday"');
    expect(error(line({ ...tracker, url: 'x'.repeat(3000) }))).toBe('tracker record: url: longer than 2048');
    const { host: _host, ...noHost } = tracker as Record<string, unknown>;
    expect(error(line(noHost))).toBe('tracker record: host: expected string, missing');
    expect(error(line({ ...session[0], navigation: 'teleport' }))).toBe('visit record: navigation: expected "load" or "history" or "background", got "teleport"');
    expect(error('x'.repeat(MAX_LINE_CHARS + 1))).toMatch(/^line of 1000001 characters/);
  });
});
