import { describe, expect, test } from 'vitest';
import { sanitizeSettings } from '../../lib/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schema/settings';

const CUSTOM: Settings = {
  version: 1,
  retentionDays: 30,
  detectors: { trackers: true, ads: false, darkPatterns: true, engagement: false },
  pausedSites: ['news.example', 'shop.example'],
  lists: { easylist: true },
};

const without = <K extends keyof Settings>(key: K): Omit<Settings, K> => {
  const copy: Partial<Settings> = structuredClone(CUSTOM);
  delete copy[key];
  return copy as Omit<Settings, K>;
};

describe('keeps', () => {
  test.each([
    { name: 'the defaults', raw: DEFAULT_SETTINGS },
    { name: 'custom settings', raw: CUSTOM },
    { name: 'the shortest retention', raw: { ...CUSTOM, retentionDays: 1 } },
    { name: 'the longest retention', raw: { ...CUSTOM, retentionDays: 3650 } },
    { name: 'no paused sites', raw: { ...CUSTOM, pausedSites: [] } },
    { name: 'EasyList off', raw: { ...CUSTOM, lists: { easylist: false } } },
  ])('$name, unchanged', ({ raw }) => {
    expect(sanitizeSettings(structuredClone(raw))).toEqual(raw);
  });

  test('unknown extra fields are dropped', () => {
    expect(sanitizeSettings({ ...CUSTOM, injected: '<script>' })).toEqual(CUSTOM);
  });
});

describe('completes a partial object with defaults', () => {
  test.each([
    { name: 'an empty object', raw: {}, expected: DEFAULT_SETTINGS },
    { name: 'only a retention', raw: { retentionDays: 14 }, expected: { ...DEFAULT_SETTINGS, retentionDays: 14 } },
    { name: 'only paused sites', raw: { pausedSites: ['news.example'] }, expected: { ...DEFAULT_SETTINGS, pausedSites: ['news.example'] } },
    {
      name: 'only detectors',
      raw: { detectors: { trackers: false, ads: true, darkPatterns: true, engagement: true } },
      expected: { ...DEFAULT_SETTINGS, detectors: { trackers: false, ads: true, darkPatterns: true, engagement: true } },
    },
    { name: 'no version', raw: without('version'), expected: CUSTOM },
    { name: 'no retention', raw: without('retentionDays'), expected: { ...CUSTOM, retentionDays: DEFAULT_SETTINGS.retentionDays } },
    { name: 'no detectors', raw: without('detectors'), expected: { ...CUSTOM, detectors: DEFAULT_SETTINGS.detectors } },
    { name: 'no paused sites', raw: without('pausedSites'), expected: { ...CUSTOM, pausedSites: [] } },
    { name: 'only lists', raw: { lists: { easylist: true } }, expected: { ...DEFAULT_SETTINGS, lists: { easylist: true } } },
    // Settings stored before lists existed: the list stays off until the person turns it on.
    { name: 'no lists (settings from before lists)', raw: without('lists'), expected: { ...CUSTOM, lists: { easylist: false } } },
  ])('$name', ({ raw, expected }) => {
    expect(sanitizeSettings(raw)).toEqual(expected);
  });
});

describe('falls back to DEFAULT_SETTINGS for junk', () => {
  test.each([
    { name: 'undefined', raw: undefined },
    { name: 'null', raw: null },
    { name: 'a string', raw: 'settings' },
    { name: 'a JSON string of valid settings', raw: JSON.stringify(CUSTOM) },
    { name: 'a number', raw: 42 },
    { name: 'true', raw: true },
    { name: 'an array', raw: [CUSTOM] },
    { name: 'retentionDays as a string', raw: { retentionDays: '30' } },
    { name: 'pausedSites as a string', raw: { pausedSites: 'news.example' } },
    { name: 'detectors as a boolean', raw: { detectors: true } },
    { name: 'lists as a boolean', raw: { lists: true } },
    { name: 'every field the wrong type', raw: { version: '1', retentionDays: '30', detectors: 'all', pausedSites: {}, lists: 'easylist' } },
  ])('$name', ({ raw }) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  test('the defaults handed out are a copy: changing them cannot change DEFAULT_SETTINGS', () => {
    const result = sanitizeSettings(null);
    result.pausedSites.push('news.example');
    result.detectors.trackers = false;
    result.lists.easylist = true;
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
    expect(DEFAULT_SETTINGS.detectors.trackers).toBe(true);
    expect(DEFAULT_SETTINGS.lists.easylist).toBe(false);
  });
});

/**
 * lib/settings.ts: "falls back to the defaults for the fields that are wrong". A person's paused
 * sites must survive one corrupt field: losing them would record on sites they paused.
 */
describe('falls back field by field', () => {
  test.each([
    { name: 'retentionDays 0', raw: { ...CUSTOM, retentionDays: 0 }, expected: { ...CUSTOM, retentionDays: 90 } },
    { name: 'retentionDays negative', raw: { ...CUSTOM, retentionDays: -5 }, expected: { ...CUSTOM, retentionDays: 90 } },
    { name: 'retentionDays above ten years', raw: { ...CUSTOM, retentionDays: 3651 }, expected: { ...CUSTOM, retentionDays: 90 } },
    { name: 'retentionDays fractional', raw: { ...CUSTOM, retentionDays: 1.5 }, expected: { ...CUSTOM, retentionDays: 90 } },
    { name: 'retentionDays NaN', raw: { ...CUSTOM, retentionDays: Number.NaN }, expected: { ...CUSTOM, retentionDays: 90 } },
    { name: 'retentionDays a string', raw: { ...CUSTOM, retentionDays: '30' }, expected: { ...CUSTOM, retentionDays: 90 } },
    { name: 'a future version', raw: { ...CUSTOM, version: 2 }, expected: CUSTOM },
    { name: 'detectors a boolean', raw: { ...CUSTOM, detectors: true }, expected: { ...CUSTOM, detectors: DEFAULT_SETTINGS.detectors } },
    {
      name: 'one detector a string',
      raw: { ...CUSTOM, detectors: { ...CUSTOM.detectors, ads: 'no' } },
      expected: { ...CUSTOM, detectors: { ...CUSTOM.detectors, ads: true } },
    },
    {
      name: 'one detector missing',
      raw: { ...CUSTOM, detectors: { trackers: false, darkPatterns: false, engagement: false } },
      expected: { ...CUSTOM, detectors: { trackers: false, ads: true, darkPatterns: false, engagement: false } },
    },
    { name: 'pausedSites a string', raw: { ...CUSTOM, pausedSites: 'news.example' }, expected: { ...CUSTOM, pausedSites: [] } },
    { name: 'lists a string', raw: { ...CUSTOM, lists: 'easylist' }, expected: { ...CUSTOM, lists: { easylist: false } } },
    { name: 'easylist a string', raw: { ...CUSTOM, lists: { easylist: 'yes' } }, expected: { ...CUSTOM, lists: { easylist: false } } },
    { name: 'lists with an unknown list', raw: { ...CUSTOM, lists: { easylist: true, mystery: true } }, expected: CUSTOM },
    {
      name: 'one paused site not a string, one too long',
      raw: { ...CUSTOM, pausedSites: ['news.example', 42, 'x'.repeat(254), 'shop.example'] },
      expected: CUSTOM,
    },
  ])('$name', ({ raw, expected }) => {
    expect(sanitizeSettings(raw)).toEqual(expected);
  });
});

describe('darkPatternMinConfidence (issue #11, item 4)', () => {
  test.each([0, 0.35, 0.6, 1])('keeps %s', (value) => {
    expect(sanitizeSettings({ ...CUSTOM, darkPatternMinConfidence: value })).toEqual({ ...CUSTOM, darkPatternMinConfidence: value });
  });

  test.each([
    { name: 'above 1', value: 1.5 },
    { name: 'below 0', value: -0.1 },
    { name: 'a string', value: '0.5' },
    { name: 'NaN', value: Number.NaN },
    { name: 'null', value: null },
  ])('drops $name (the default applies), keeping every other field', ({ value }) => {
    expect(sanitizeSettings({ ...CUSTOM, darkPatternMinConfidence: value })).toEqual(CUSTOM);
  });

  test('absent: settings stored before the field existed need no migration', () => {
    expect(sanitizeSettings(structuredClone(CUSTOM))).toEqual(CUSTOM);
  });
});
