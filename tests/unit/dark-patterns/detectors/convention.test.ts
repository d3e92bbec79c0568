import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isPatternType } from '../../../../lib/dark-patterns/taxonomy';
import { DARK_PATTERN_DETECTORS } from '../../../../lib/dark-patterns/detect-dark-patterns.ts';
import { loadFixtures } from './fixture-harness';

const DIR = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../../../lib/dark-patterns/detectors')}/`;

/** Files beside the detectors that are not detectors: the registry, and the runtime halves. */
const NOT_DETECTORS = new Set(['index.ts', 'watch-countdowns.ts']);

const detectorFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !NOT_DETECTORS.has(f))
  .map((f) => f.slice(0, -3));
const fixtures = loadFixtures();
const byId = new Map(DARK_PATTERN_DETECTORS.map((d) => [d.id, d]));

describe('dark-pattern detectors follow the house conventions', () => {
  test('ids are unique', () => {
    expect(byId.size).toBe(DARK_PATTERN_DETECTORS.length);
  });

  test.each(detectorFiles)('%s.ts is registered under dark-patterns/%s and exports that detector', async (file) => {
    const detector = byId.get(`dark-patterns/${file}`);
    expect(detector, `dark-patterns/${file} is not in DARK_PATTERN_DETECTORS`).toBeDefined();
    const mod = (await import(`${DIR}${file}.ts`)) as Record<string, unknown>;
    expect(Object.values(mod)).toContain(detector);
  });

  test.each(DARK_PATTERN_DETECTORS.map((d) => [d.id, d] as const))('%s has a file, a description, types and a version', (id, d) => {
    expect(detectorFiles).toContain(id.replace('dark-patterns/', ''));
    expect(d.description.length).toBeGreaterThan(20);
    expect(d.version).toBeGreaterThanOrEqual(1);
    expect(d.types.length).toBeGreaterThan(0);
  });

  test.each(DARK_PATTERN_DETECTORS.map((d) => [d.id, d] as const))('%s has a positive and a negative fixture', (id, d) => {
    const name = id.replace('dark-patterns/', '');
    const own = fixtures.filter((f) => f.detectors.includes(name));
    const positive = own.filter((f) => f.expected.some((t) => (d.types as readonly string[]).includes(t)));
    const negative = own.filter((f) => !f.expected.some((t) => (d.types as readonly string[]).includes(t)));
    expect(positive.map((f) => f.name), `${name}: no positive fixture`).not.toHaveLength(0);
    expect(negative.map((f) => f.name), `${name}: no negative fixture`).not.toHaveLength(0);
  });

  test.each(fixtures.map((f) => [f.name, f] as const))('fixture %s names known types and detectors', (_, f) => {
    expect(f.detectors.length).toBeGreaterThan(0);
    for (const name of f.detectors) expect(byId.has(`dark-patterns/${name}`), name).toBe(true);
    for (const type of f.expected) {
      expect(isPatternType(type), type).toBe(true);
      expect(DARK_PATTERN_DETECTORS.some((d) => (d.types as readonly string[]).includes(type)), `no detector reports ${type}`).toBe(true);
    }
  });
});
