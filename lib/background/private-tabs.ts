import { browser } from 'wxt/browser';
import type { Settings } from '../schema/settings';

/**
 * Which tabs are in private (incognito) windows (issue #9, item 5). Browsers run an extension
 * there only when the person allows it, and even then Beaker records nothing unless the setting
 * `recordPrivateWindows` is on. The browser says so on each tab (`tab.incognito`, no `tabs`
 * permission needed), but not on webNavigation events nor on Chrome's webRequest events, which
 * start visits: so the private tabs are kept here, from `tabs.onCreated` (a tab exists before its
 * first navigation commits) and a `tabs.query` when the worker starts.
 */
export interface PrivateTabs {
  has(tabId: number): boolean;
  /** The tabs open now (a restarted worker's first look); awaited before the recorder starts. */
  seed(): Promise<void>;
  /** How many private tabs are open. */
  size(): number;
  /** Called when the last private tab closes: the private session is over. */
  onSessionEnded(listener: () => void): void;
}

interface TabLike {
  id?: number;
  incognito: boolean;
}

export interface TabEvents {
  query(q: object): Promise<TabLike[]>;
  onCreated: { addListener(fn: (tab: TabLike) => void): void };
  onRemoved: { addListener(fn: (tabId: number) => void): void };
  /** Chrome swaps a prerendered tab in under a new id: it stays as private as the one it replaced. */
  onReplaced?: { addListener(fn: (added: number, removed: number) => void): void };
}

/** Call in the worker's first turn (MV3 only wakes a worker for listeners registered then). */
export function listenForPrivateTabs(tabs: TabEvents = browser.tabs as unknown as TabEvents): PrivateTabs {
  const ids = new Set<number>();
  const ended: (() => void)[] = [];
  const note = (tab: TabLike) => {
    if (tab.incognito && tab.id !== undefined) ids.add(tab.id);
  };
  tabs.onCreated.addListener(note);
  tabs.onRemoved.addListener((tabId) => {
    if (ids.delete(tabId) && ids.size === 0) for (const listener of ended) listener();
  });
  tabs.onReplaced?.addListener((added, removed) => {
    if (ids.delete(removed)) ids.add(added);
  });
  return {
    has: (tabId) => ids.has(tabId),
    async seed() {
      for (const tab of await tabs.query({})) note(tab);
    },
    size: () => ids.size,
    onSessionEnded: (listener) => void ended.push(listener),
  };
}

/** A private window's tab while `recordPrivateWindows` is off: it gets no visit and no scan. */
export function recordsNothingIn(privateTabs: PrivateTabs, settings: Settings, tabId: number): boolean {
  return privateTabs.has(tabId) && settings.recordPrivateWindows !== true;
}
