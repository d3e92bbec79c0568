import { beforeEach, describe, expect, test } from 'vitest';
import { listenForPrivateTabs, recordsNothingIn, type PrivateTabs, type TabEvents } from '../../../lib/background/private-tabs';
import { createRecorder, type Recorder } from '../../../lib/background/recorder';
import { createSequencer } from '../../../lib/background/sequencer';
import { TabVisits } from '../../../lib/background/tab-visits';
import { applySettingsPatch } from '../../../lib/background/settings-writer';
import { popupDataFor } from '../../../lib/background/popup-data';
import { openDatabase } from '../../../lib/log/database';
import type { WriteOp } from '../../../lib/log/write-queue';
import { sanitizeSettings } from '../../../lib/settings';
import { pageMessage, parseMessage, popupData } from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';
import { MemoryStore } from './history-log';

/** The browser's tab events, fired by hand. */
function fakeTabs(open: { id: number; incognito: boolean }[]) {
  const created: ((tab: { id?: number; incognito: boolean }) => void)[] = [];
  const removed: ((tabId: number) => void)[] = [];
  const replaced: ((added: number, removed: number) => void)[] = [];
  const events: TabEvents = {
    query: async () => open,
    onCreated: { addListener: (fn) => void created.push(fn) },
    onRemoved: { addListener: (fn) => void removed.push(fn) },
    onReplaced: { addListener: (fn) => void replaced.push(fn) },
  };
  return {
    events,
    create: (id: number, incognito: boolean) => created.forEach((fn) => fn({ id, incognito })),
    remove: (id: number) => removed.forEach((fn) => fn(id)),
    replace: (added: number, gone: number) => replaced.forEach((fn) => fn(added, gone)),
  };
}

describe('listenForPrivateTabs', () => {
  test('knows the private tabs open at start, those created since, and forgets closed ones', async () => {
    const tabs = fakeTabs([
      { id: 1, incognito: false },
      { id: 2, incognito: true },
    ]);
    const known = listenForPrivateTabs(tabs.events);
    tabs.create(3, true);
    tabs.create(4, false);
    await known.seed();
    expect([1, 2, 3, 4].map((id) => known.has(id))).toEqual([false, true, true, false]);
    tabs.remove(2);
    tabs.replace(5, 3); // a prerendered tab swapped in for private tab 3
    tabs.replace(6, 4);
    expect([2, 3, 5, 6].map((id) => known.has(id))).toEqual([false, false, true, false]);
  });
});

describe('the recorder in a private window', () => {
  let ops: WriteOp[];
  let settings: Settings;
  let recorder: Recorder;
  let tabs: TabVisits;
  let privateTabs: PrivateTabs;

  beforeEach(async () => {
    ops = [];
    settings = structuredClone(DEFAULT_SETTINGS);
    const store = new MemoryStore();
    tabs = new TabVisits(store);
    const fake = fakeTabs([{ id: 9, incognito: true }]);
    privateTabs = listenForPrivateTabs(fake.events);
    await privateTabs.seed();
    recorder = createRecorder({
      classifier: { classify: () => null },
      queue: { push: (op) => void ops.push(op), flush: async () => undefined, pending: () => ops.length },
      sequencer: await createSequencer(store, () => 'session-p'),
      tabs,
      settings: () => settings,
      extensionVersion: '0.1.0-test',
      trackerDbVersion: 'test',
      onTabChanged: () => undefined,
      isPrivateTab: (tabId) => recordsNothingIn(privateTabs, settings, tabId),
    });
  });

  const act = { action: 'click' as const, at: 1, target: { tag: 'button', role: null } };

  test('by default: no visit, no engagement, no request counted; a normal window records as before', async () => {
    await recorder.onCommitted({ tabId: 9, frameId: 0, url: 'https://news.example/' });
    recorder.onRequest({ url: 'https://news.example/app.js', type: 'script', tabId: 9, frameId: 0 });
    expect(recorder.onEngagement([act], 9, 0)).toBe(0);
    expect(ops).toEqual([]);
    expect(tabs.get(9)).toMatchObject({ visit: null, restricted: true });

    await recorder.onCommitted({ tabId: 1, frameId: 0, url: 'https://news.example/' });
    expect(recorder.onEngagement([act], 1, 0)).toBe(1);
    expect(ops.map((o) => o.op)).toEqual(['visit', 'event']);
  });

  test('with the setting on, a private tab records from its next page on', async () => {
    await recorder.onCommitted({ tabId: 9, frameId: 0, url: 'https://news.example/' });
    settings = applySettingsPatch(settings, { recordPrivateWindows: true });
    expect(ops).toEqual([]);
    await recorder.onCommitted({ tabId: 9, frameId: 0, url: 'https://news.example/next' });
    expect(recorder.onEngagement([act], 9, 0)).toBe(1);
    expect(ops.map((o) => o.op)).toEqual(['visit', 'event']);
  });
});

describe('the setting', () => {
  test('off by default, and when stored as anything but a boolean; kept when it is one', () => {
    expect(recordsNothingIn({ has: () => true, seed: async () => undefined }, DEFAULT_SETTINGS, 1)).toBe(true);
    expect(recordsNothingIn({ has: () => false, seed: async () => undefined }, DEFAULT_SETTINGS, 1)).toBe(false);
    expect(sanitizeSettings({ ...DEFAULT_SETTINGS, recordPrivateWindows: true }).recordPrivateWindows).toBe(true);
    expect(sanitizeSettings({ ...DEFAULT_SETTINGS, retentionDays: -1, recordPrivateWindows: true }).recordPrivateWindows).toBe(true);
    expect(sanitizeSettings({ ...DEFAULT_SETTINGS, retentionDays: -1, recordPrivateWindows: 'yes' }).recordPrivateWindows).toBeUndefined();
    expect(applySettingsPatch(DEFAULT_SETTINGS, { retentionDays: 30 }).recordPrivateWindows).toBeUndefined();
    expect(applySettingsPatch({ ...DEFAULT_SETTINGS, recordPrivateWindows: true }, { recordPrivateWindows: false }).recordPrivateWindows).toBe(false);
    expect(parseMessage(pageMessage, { type: 'update-settings', settings: { recordPrivateWindows: 'on' } })).toEqual({ ok: false, error: 'malformed' });
  });

  test('the popup in a private window says so', async () => {
    const db = await openDatabase('beaker-private-popup');
    const tab = { tabId: 9, visitId: null, url: null, site: null, restricted: true, paused: false, private: true };
    const answer = await popupDataFor(db, tab);
    expect(answer).toEqual({ status: 'private', tab });
    expect(popupData.safeParse(JSON.parse(JSON.stringify(answer))).success).toBe(true);
    expect((await popupDataFor(db, { ...tab, private: false })).status).toBe('restricted');
    db.close();
  });
});
