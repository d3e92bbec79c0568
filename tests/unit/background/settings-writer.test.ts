import { describe, expect, test } from 'vitest';
import { applySettingsPatch, createSettingsWriter, withSitePaused } from '../../../lib/background/settings-writer';
import { contentSettingsFor } from '../../../lib/settings';
import { settingsPatch, parseMessage, pageMessage } from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';

const CUSTOM: Settings = {
  version: 1,
  retentionDays: 30,
  detectors: { trackers: true, ads: false, darkPatterns: true, engagement: false },
  pausedSites: ['news.example'],
  lists: { easylist: false },
};

/** An in-memory store with a slow read, so changes made at once overlap. */
function memoryStore(initial: Settings) {
  let stored: unknown = structuredClone(initial);
  const written: Settings[] = [];
  return {
    written,
    stored: () => stored,
    read: async () => {
      const value = structuredClone(stored) as Settings;
      await new Promise((r) => setTimeout(r, 5));
      return value;
    },
    write: async (s: Settings) => {
      await new Promise((r) => setTimeout(r, 5));
      stored = structuredClone(s);
    },
    onWritten: (s: Settings) => written.push(s),
  };
}

describe('applySettingsPatch', () => {
  test.each([
    { name: 'a detector alone', patch: { detectors: { ads: true } }, expected: { ...CUSTOM, detectors: { ...CUSTOM.detectors, ads: true } } },
    { name: 'the retention alone', patch: { retentionDays: 7 }, expected: { ...CUSTOM, retentionDays: 7 } },
    { name: 'the list alone', patch: { lists: { easylist: true } }, expected: { ...CUSTOM, lists: { easylist: true } } },
    { name: 'paused sites, deduplicated', patch: { pausedSites: ['a.example', 'a.example', 'b.example'] }, expected: { ...CUSTOM, pausedSites: ['a.example', 'b.example'] } },
    { name: 'nothing', patch: {}, expected: CUSTOM },
    { name: 'a whole settings object', patch: DEFAULT_SETTINGS, expected: DEFAULT_SETTINGS },
  ])('$name', ({ patch, expected }) => {
    expect(applySettingsPatch(CUSTOM, patch)).toEqual(expected);
  });
});

describe('withSitePaused', () => {
  test('adds once, removes', () => {
    const paused = withSitePaused(withSitePaused(CUSTOM, 'shop.example', true), 'shop.example', true);
    expect(paused.pausedSites).toEqual(['news.example', 'shop.example']);
    expect(withSitePaused(paused, 'news.example', false).pausedSites).toEqual(['shop.example']);
  });
});

describe('the settings writer', () => {
  test('changes made at once all land: each applies to what the one before stored', async () => {
    const store = memoryStore(CUSTOM);
    const writer = createSettingsWriter(store);
    await Promise.all([
      writer.update((s) => withSitePaused(s, 'shop.example', true)),
      writer.update((s) => applySettingsPatch(s, { detectors: { ads: true } })),
      writer.update((s) => withSitePaused(s, 'news.example', false)),
      writer.update((s) => applySettingsPatch(s, { retentionDays: 14 })),
    ]);
    expect(store.stored()).toEqual({ ...CUSTOM, retentionDays: 14, detectors: { ...CUSTOM.detectors, ads: true }, pausedSites: ['shop.example'] });
    expect(store.written).toHaveLength(4);
  });

  test('what is written is validated: a bad change falls back field by field', async () => {
    const store = memoryStore(CUSTOM);
    const writer = createSettingsWriter(store);
    const stored = await writer.update((s) => ({ ...s, retentionDays: -1 }));
    expect(stored).toEqual({ ...CUSTOM, retentionDays: DEFAULT_SETTINGS.retentionDays });
    expect(store.stored()).toEqual(stored);
  });

  test('a failed write rejects that change only; the next one still runs', async () => {
    const store = memoryStore(CUSTOM);
    let fail = true;
    const writer = createSettingsWriter({
      ...store,
      write: async (s) => {
        if (fail) {
          fail = false;
          throw new Error('quota');
        }
        await store.write(s);
      },
    });
    await expect(writer.update((s) => applySettingsPatch(s, { retentionDays: 5 }))).rejects.toThrow('quota');
    await expect(writer.update((s) => applySettingsPatch(s, { retentionDays: 6 }))).resolves.toMatchObject({ retentionDays: 6 });
  });
});

describe('contentSettingsFor', () => {
  test('a paused site is paused; others are not; no site never is', () => {
    expect(contentSettingsFor(CUSTOM, 'news.example')).toEqual({ paused: true, families: { ads: false, darkPatterns: true, engagement: false }, lists: false });
    expect(contentSettingsFor(CUSTOM, 'shop.example').paused).toBe(false);
    expect(contentSettingsFor(CUSTOM, null).paused).toBe(false);
  });

  test('says whether EasyList is on, so content scripts ask for its selectors only then', () => {
    expect(contentSettingsFor({ ...CUSTOM, lists: { easylist: true } }, 'shop.example').lists).toBe(true);
  });
});

describe('update-settings messages', () => {
  test.each([
    { name: 'one detector', settings: { detectors: { darkPatterns: false } } },
    { name: 'retention', settings: { retentionDays: 3650 } },
    { name: 'the list', settings: { lists: { easylist: true } } },
    { name: 'a whole settings object', settings: CUSTOM },
    { name: 'nothing', settings: {} },
  ])('accepts $name', ({ settings }) => {
    expect(parseMessage(pageMessage, { type: 'update-settings', settings })).toEqual({ ok: true, message: { type: 'update-settings', settings } });
  });

  test.each([
    { name: 'no settings', raw: { type: 'update-settings' } },
    { name: 'settings not an object', raw: { type: 'update-settings', settings: 'all off' } },
    { name: 'retention 0', raw: { type: 'update-settings', settings: { retentionDays: 0 } } },
    { name: 'retention a string', raw: { type: 'update-settings', settings: { retentionDays: '30' } } },
    { name: 'a detector a string', raw: { type: 'update-settings', settings: { detectors: { ads: 'off' } } } },
    { name: 'paused sites a string', raw: { type: 'update-settings', settings: { pausedSites: 'news.example' } } },
    { name: 'a future version', raw: { type: 'update-settings', settings: { version: 2 } } },
  ])('refuses $name', ({ raw }) => {
    expect(parseMessage(pageMessage, raw)).toEqual({ ok: false, error: 'malformed' });
  });

  test('unknown fields are dropped before the background sees them', () => {
    const outcome = parseMessage(settingsPatch, { retentionDays: 9, detectors: { ads: true, injected: 1 }, evil: true });
    expect(outcome).toEqual({ ok: true, message: { retentionDays: 9, detectors: { ads: true } } });
  });
});
