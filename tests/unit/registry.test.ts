/**
 * The registry's convention test (ARCHITECTURE.md, "Adding a detector"): every detector file is in
 * its family's list under an id equal to its file name, every registered detector has a file, the
 * walk indexes what each declares, and the families cover every settings switch and record kind.
 * Fixtures per detector are checked by each family's own convention test
 * (tests/unit/ads/detectors/ad-conventions.test.ts, tests/unit/dark-patterns/detectors/convention.test.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FAMILY_IDS } from '../../lib/core/family';
import { FAMILIES, familyOf, familyOn } from '../../lib/registry';
import { CONTENT_DETECTORS, CONTENT_FAMILIES, CONTENT_INDEX_SPEC, detectorsOf, versionedDetectorId } from '../../lib/registry-page';
import { RECORDS } from '../../lib/registry-records';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { logEvent } from '../../lib/schema/events';

const LIB = join(dirname(fileURLToPath(import.meta.url)), '../../lib');
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : []);

describe('the registry', () => {
  test('every family folder has a descriptor, listed once', () => {
    expect(FAMILIES.map((f) => f.id).sort()).toEqual(['ads', 'dark-patterns', 'engagement', 'trackers']);
    expect([...FAMILY_IDS].sort()).toEqual(FAMILIES.map((f) => f.id).sort());
    for (const family of FAMILIES) expect(existsSync(join(LIB, family.id, 'family.ts')), family.id).toBe(true);
    expect(new Set(FAMILIES.map((f) => f.settingsKey)).size).toBe(FAMILIES.length);
  });

  test.each(FAMILIES.map((f) => [f.id, f] as const))('%s: every file in detectors/ is registered under its file name, and back', (id, family) => {
    const files = filesIn(join(LIB, id, 'detectors'));
    const outside = new Set(family.outside.map((d) => d.id));
    const walkFiles = files.filter((f) => !outside.has(`${id}/${f}`));
    expect(detectorsOf(family).map((d) => d.id).sort()).toEqual(walkFiles.map((f) => `${id}/${f}`).sort());
    for (const d of family.outside) expect(files, `${d.id} has a file`).toContain(d.id.slice(id.length + 1));
  });

  test.each(CONTENT_DETECTORS.map((d) => [d.id, d] as const))('%s: version, description, sources, all indexed', (_id, d) => {
    expect(Number.isInteger(d.version) && d.version >= 1).toBe(true);
    expect(d.description.length).toBeGreaterThan(20);
    expect(typeof d.sources).toBe('object');
    for (const tag of d.sources.tags ?? []) expect(CONTENT_INDEX_SPEC.tags).toContain(tag);
    for (const name of d.sources.attrs ?? []) expect(CONTENT_INDEX_SPEC.attrs).toContain(name);
    for (const word of d.sources.words ?? []) expect(CONTENT_INDEX_SPEC.words).toContain(word.toLowerCase());
    expect(versionedDetectorId(d.id)).toBe(`${d.id}@${d.version}`);
  });

  test('detector ids are unique across families', () => {
    const ids = FAMILIES.flatMap((f) => [...detectorsOf(f), ...f.outside].map((d) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every settings switch and every log record kind has its family', () => {
    expect(FAMILIES.map((f) => f.settingsKey).sort()).toEqual(Object.keys(DEFAULT_SETTINGS.detectors).sort());
    const kinds = logEvent.def.options.map((o) => o.shape.kind.def.values[0] as 'tracker' | 'ad' | 'dark-pattern' | 'engagement');
    expect(kinds.sort()).toEqual(['ad', 'dark-pattern', 'engagement', 'tracker']);
    for (const kind of kinds) expect(familyOf(kind).recordKind).toBe(kind);
  });

  test('content families are the ones with a pass; ads do not run inside ad frames', () => {
    expect(CONTENT_FAMILIES.map((f) => f.id)).toEqual(['ads', 'dark-patterns']);
    expect(CONTENT_FAMILIES.find((f) => f.id === 'ads')?.runsInAdFrames).toBe(false);
  });

  test('every family has its background part, for its own record kind, in lib/<family>/records.ts', () => {
    expect(Object.keys(RECORDS).sort()).toEqual(FAMILIES.map((f) => f.id).sort());
    for (const family of FAMILIES) {
      expect(RECORDS[family.id].kind, family.id).toBe(family.recordKind);
      expect(existsSync(join(LIB, family.id, 'records.ts')), `${family.id}/records.ts`).toBe(true);
    }
  });

  test('a family runs in pages exactly when it has detectors, declared in lib/<family>/page.ts', () => {
    for (const family of FAMILIES) {
      const inPages = CONTENT_FAMILIES.some((f) => f.id === family.id);
      expect(existsSync(join(LIB, family.id, 'page.ts')), `${family.id}/page.ts`).toBe(inPages);
      expect(detectorsOf(family).length > 0, family.id).toBe(inPages);
    }
  });

  test('a family is on exactly when its settings switch is', () => {
    for (const family of FAMILIES) {
      const off = { detectors: { ...DEFAULT_SETTINGS.detectors, [family.settingsKey]: false } };
      expect(familyOn(off, family), family.id).toBe(false);
      expect(familyOn({ detectors: { ...DEFAULT_SETTINGS.detectors, [family.settingsKey]: true } }, family)).toBe(true);
      for (const other of FAMILIES.filter((f) => f !== family)) expect(familyOn(off, other)).toBe(DEFAULT_SETTINGS.detectors[other.settingsKey]);
    }
  });
});
