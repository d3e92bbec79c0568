import { beforeAll, describe, expect, test } from 'vitest';
import { CATEGORY_INFO } from '../../../lib/trackers/categories';
import type { TrackerDb } from '../../../lib/trackers/trackerdb';
import { TRACKER_CATEGORIES } from '../../../lib/schema/events';
import { loadTrackerDbFromNodeModules } from '../../helpers/trackerdb-node';

let engineCategories: Map<string, { name: string; color: string }>;

beforeAll(async () => {
  const db: TrackerDb = await loadTrackerDbFromNodeModules();
  const metadata = db.engine.metadata;
  if (!metadata) throw new Error('the engine has no metadata');
  engineCategories = new Map(metadata.getCategories().map((c) => [c.key, { name: c.name, color: c.color }]));
}, 30_000);

describe('CATEGORY_INFO', () => {
  test('the engine lists categories at all', () => {
    expect(engineCategories.size).toBeGreaterThan(0);
  });

  test.each(TRACKER_CATEGORIES)('has the engine’s name and colour for %s', (key) => {
    expect(engineCategories.has(key), `engine has no category ${key}`).toBe(true);
    expect(CATEGORY_INFO[key]).toEqual(engineCategories.get(key));
  });

  test('covers every category in TRACKER_CATEGORIES, and no other', () => {
    expect(Object.keys(CATEGORY_INFO).sort()).toEqual([...TRACKER_CATEGORIES].sort());
  });

  test('covers every category the engine knows', () => {
    expect([...engineCategories.keys()].sort()).toEqual(Object.keys(CATEGORY_INFO).sort());
  });

  test.each(Object.entries(CATEGORY_INFO))('%s has a #rrggbb colour', (_key, info) => {
    expect(info.color).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
