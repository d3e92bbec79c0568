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
import { createWriteQueue } from '../../../lib/log/write-queue';
import { deleteVisitsById } from '../../../lib/log/delete-visits';
import { createPrivateVisits } from '../../../lib/background/private-visits';
import { makeTrackerEvent, makeVisit } from '../log/make-records';

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

/** A recorder over private tab 9 (open at start), writing its ops into `ops`. */
async function privateRecorder(ops: WriteOp[], settings: () => Settings, session: string, extra: Partial<Parameters<typeof createRecorder>[0]> = {}) {
  const store = new MemoryStore();
  const tabs = new TabVisits(store);
  const privateTabs = listenForPrivateTabs(fakeTabs([{ id: 9, incognito: true }]).events);
  await privateTabs.seed();
  const recorder = createRecorder({
    classifier: { classify: () => null },
    queue: { push: (op) => void ops.push(op), flush: async () => undefined, pending: () => ops.length },
    sequencer: await createSequencer(store, () => session),
    tabs,
    settings,
    extensionVersion: '0.1.0-test',
    trackerDbVersion: 'test',
    onTabChanged: () => undefined,
    isPrivateTab: (tabId) => recordsNothingIn(privateTabs, settings(), tabId),
    inPrivateWindow: (tabId) => privateTabs.has(tabId),
    ...extra,
  });
  return { recorder, tabs, privateTabs };
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

describe('the end of a private session (issue #13, item 7)', () => {
  test('is told once the last private tab closes, not before, and not for ordinary tabs', async () => {
    const tabs = fakeTabs([
      { id: 1, incognito: true },
      { id: 2, incognito: true },
      { id: 3, incognito: false },
    ]);
    const known = listenForPrivateTabs(tabs.events);
    await known.seed();
    let ended = 0;
    known.onSessionEnded(() => (ended += 1));
    tabs.remove(3);
    tabs.remove(1);
    expect([ended, known.size()]).toEqual([0, 1]);
    tabs.remove(2);
    expect([ended, known.size()]).toEqual([1, 0]);
    tabs.remove(2);
    expect(ended).toBe(1);
  });

  test('with recordPrivateWindows on, a private tab\'s visit is recorded and noted as private; an ordinary tab\'s is not', async () => {
    const noted: string[] = [];
    const ops: WriteOp[] = [];
    const settings = { ...structuredClone(DEFAULT_SETTINGS), recordPrivateWindows: true };
    const { recorder } = await privateRecorder(ops, () => settings, 'session-q', { onPrivateVisit: (visitId) => void noted.push(visitId) });
    await recorder.onCommitted({ tabId: 9, frameId: 0, url: 'https://private.example/' });
    await recorder.onCommitted({ tabId: 4, frameId: 0, url: 'https://open.example/' });
    const visits = ops.flatMap((o) => (o.op === 'visit' ? [o.visit] : []));
    expect(visits.map((v) => v.site)).toEqual(['private.example', 'open.example']);
    expect(noted).toEqual([visits[0]!.id]);
  });

  test('the private visits, their events and their share of the roll-ups are deleted; the others stay', async () => {
    const db = await openDatabase(`beaker-private-end-${Math.random()}`);
    const queue = createWriteQueue(async () => db);
    const day = '2026-11-20';
    const kept = makeVisit({ site: 'open.example', day });
    const gone = makeVisit({ site: 'private.example', day });
    const gone2 = makeVisit({ site: 'open.example', day });
    for (const v of [kept, gone, gone2]) {
      queue.push({ op: 'visit', visit: v });
      queue.push({ op: 'event', event: makeTrackerEvent(v) });
    }
    await queue.flush();
    expect(await deleteVisitsById(db, [gone.id, gone2.id, 's1:not-there'])).toBe(2);
    expect((await db.getAll('visits')).map((v) => v.id)).toEqual([kept.id]);
    expect((await db.getAll('eventChunks')).flatMap((c) => c.events.map((e) => e.visitId))).toEqual([kept.id]);
    const siteDays = await db.getAll('siteDays');
    expect(siteDays.map((d) => [d.site, d.visits, d.counts.tracker])).toEqual([['open.example', 1, 1]]);
    expect(await deleteVisitsById(db, [])).toBe(0);
    db.close();
  });

  test('the noted ids survive in storage, are read back in order, and are forgotten once deleted', async () => {
    let stored: unknown = ['s1:v1', 42, 's1:v2'];
    const visits = createPrivateVisits({ getValue: async () => stored, setValue: async (v) => void (stored = v) });
    visits.add('s1:v3');
    visits.add('s1:v1');
    expect(await visits.ids()).toEqual(['s1:v1', 's1:v2', 's1:v3']);
    await visits.forget(['s1:v1', 's1:v3']);
    expect(await visits.ids()).toEqual(['s1:v2']);
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
    ({ recorder, tabs, privateTabs } = await privateRecorder(ops, () => settings, 'session-p'));
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
    expect(recordsNothingIn({ has: () => true, seed: async () => undefined, size: () => 1, onSessionEnded: () => undefined }, DEFAULT_SETTINGS, 1)).toBe(true);
    expect(recordsNothingIn({ has: () => false, seed: async () => undefined, size: () => 0, onSessionEnded: () => undefined }, DEFAULT_SETTINGS, 1)).toBe(false);
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
