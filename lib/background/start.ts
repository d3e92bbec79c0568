import { browser } from 'wxt/browser';
import { createClassifier } from '../trackers/classify-request';
import { loadTrackerDb } from '../trackers/trackerdb';
import { siteOf } from '../trackers/url';
import { clearAll, openDatabase } from '../log/database';
import { createWriteQueue } from '../log/write-queue';
import { applyRetention } from '../log/retention';
import { getVisit, incrementMeta, readMeta } from '../log/queries';
import { contentSettingsFor, getSettings, settingsItem, sanitizeSettings } from '../settings';
import { DEFAULT_SETTINGS, type Settings } from '../schema/settings';
import type { TabState } from '../messages';
import { targetedCount } from '../schema/events';
import { badgeFor } from './badge';
import { createTextFactsCache } from './text-facts-cache';
import { createMessageRouter, type DropReason, type MessageSender } from './message-router';
import { createRecorder, type NavigationDetails, type Recorder, type RequestDetails, type ResponseDetails } from './recorder';
import { createSequencer } from './sequencer';
import { applySettingsPatch, createSettingsWriter, withSitePaused } from './settings-writer';
import { popupDataFor } from './popup-data';
import { TabVisits, type TabRecord } from './tab-visits';
import { createListManager, type ListDiagnostics } from '../ads/lists/list-manager';

/** Diagnostics the e2e tests and `npm run bench` read from the worker; nothing leaves the device. */
export interface BackgroundDiagnostics {
  ready: boolean;
  startedAt: number;
  readyAt: number | null;
  firstClassifiedAt: number | null;
  queuedBeforeReady: number;
  dropped: Partial<Record<DropReason, number>>;
  writeRetries: number;
  writeFailures: number;
  initError: string | null;
  /** EasyList (optional, off by default): fetches, failures, state. */
  lists: ListDiagnostics;
}

const MAX_EARLY = 20_000;
const REQUEST_SETTLE_MS = 100;

/** Run callbacks `delayMs` after they were pushed, in push order, with one timer at a time. */
function createSettleQueue(delayMs: number) {
  const items: { due: number; fn: () => unknown }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    const now = performance.now();
    while (items.length > 0 && items[0]!.due <= now) items.shift()!.fn();
    if (items.length > 0) timer = setTimeout(run, Math.max(0, items[0]!.due - performance.now()));
  };
  return {
    push(fn: () => unknown) {
      items.push({ due: performance.now() + delayMs, fn });
      timer ??= setTimeout(run, delayMs);
    },
    size: () => items.length,
  };
}
const RETENTION_INTERVAL_MS = 6 * 3600_000;

/**
 * Wire the browser's events to the recorder. Listeners are registered synchronously, at the top
 * level of the worker's first turn (MV3 only wakes a worker for listeners registered that way);
 * what arrives before the engine and the database are ready is queued in order, not lost.
 */
export function startBackground(): void {
  const diagnostics: BackgroundDiagnostics = {
    ready: false,
    startedAt: performance.now(),
    readyAt: null,
    firstClassifiedAt: null,
    queuedBeforeReady: 0,
    dropped: {},
    writeRetries: 0,
    writeFailures: 0,
    initError: null,
    lists: { state: 'off', fetches: 0, fetchFailures: 0, parseFailures: 0, queryFailures: 0, fetchedAt: null, lastError: null },
  };
  (globalThis as { __beaker?: BackgroundDiagnostics }).__beaker = diagnostics;

  const action = browser.action ?? browser.browserAction;
  const early: ((r: Recorder) => unknown)[] = [];
  let recorder: Recorder | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  // Fetches nothing until the setting is on (privacy: see lib/ads/lists/list-manager.ts).
  const lists = createListManager({ enabled: () => settings.lists.easylist, fetch: (url, init) => fetch(url, init) });
  diagnostics.lists = lists.diagnostics;
  const whenReady = (fn: (r: Recorder) => unknown) => {
    if (recorder) return fn(recorder);
    if (early.length < MAX_EARLY) early.push(fn);
    diagnostics.queuedBeforeReady += 1;
    return undefined;
  };

  // Request events wait REQUEST_SETTLE_MS, in order, before they are attributed: webRequest and
  // webNavigation events travel separate paths, and a pixel a single-page app sends right after
  // pushState can reach us before onHistoryStateUpdated does (seen in CI under load). Navigation
  // events are not delayed, so they land first; the recorder then decides by timestamps.
  const settled = createSettleQueue(REQUEST_SETTLE_MS);
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      settled.push(() =>
        whenReady((r) => {
          r.onRequest(details as RequestDetails);
          // The navigation that woke the worker is not classified; the first subresource is.
          if (details.type !== 'main_frame' && details.tabId >= 0) diagnostics.firstClassifiedAt ??= performance.now();
        }),
      );
      return undefined;
    },
    { urls: ['<all_urls>'] },
  );
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      settled.push(() => whenReady((r) => r.onResponse(details as ResponseDetails)));
      return undefined;
    },
    { urls: ['<all_urls>'], types: ['image'] },
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => settled.push(() => whenReady((r) => r.onResponse(details as ResponseDetails))), {
    urls: ['<all_urls>'],
    types: ['image'],
  });
  browser.webNavigation.onCommitted.addListener((d) => void whenReady((r) => r.onCommitted(d as NavigationDetails)));
  browser.webNavigation.onHistoryStateUpdated.addListener((d) => void whenReady((r) => r.onHistoryNavigation(d as NavigationDetails)));
  browser.webNavigation.onReferenceFragmentUpdated.addListener((d) => void whenReady((r) => r.onHistoryNavigation(d as NavigationDetails)));
  browser.tabs.onRemoved.addListener((tabId) => void whenReady((r) => r.onTabRemoved(tabId)));

  let route: ((raw: unknown, sender: MessageSender) => Promise<unknown> | undefined) | null = null;
  const ready = init();
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    if (route) return route(raw, sender);
    return ready.then(() => route?.(raw, sender));
  });

  async function init(): Promise<void> {
    try {
      const session = browser.storage.session ?? browser.storage.local;
      // Everything independent starts at once: the engine download dominates a cold start.
      const [engineBytes, dataVersion, sequencer, loadedSettings, database] = await Promise.all([
        fetch(browser.runtime.getURL('/trackerdb.engine')).then((r) => r.arrayBuffer()),
        fetch(browser.runtime.getURL('/trackerdb-version.txt')).then((r) => r.text()),
        createSequencer(session),
        getSettings(),
        openDatabase(),
      ]);
      settings = loadedSettings;
      const applySettings = (next: Settings) => {
        const listsBefore = settings.lists.easylist;
        settings = next;
        if (settings.lists.easylist !== listsBefore) void lists.sync();
      };
      settingsItem.watch((value) => applySettings(sanitizeSettings(value)));
      // The one writer of the settings: pages ask with `update-settings` and `set-site-paused`.
      const settingsWriter = createSettingsWriter({ read: getSettings, write: (s) => settingsItem.setValue(s), onWritten: applySettings });
      const db = await loadTrackerDb(new Uint8Array(engineBytes), dataVersion.trim());
      const tabs = new TabVisits(session);
      const queue = createWriteQueue(() => openDatabase(), {
        onFlushed: (visits) => {
          for (const visit of visits) {
            browser.runtime.sendMessage({ type: 'visit-updated', visitId: visit.id, tabId: visit.tabId }).catch(() => undefined);
          }
        },
        onError: (error, info) => {
          if (info.willRetry) diagnostics.writeRetries += 1;
          else diagnostics.writeFailures += 1;
          console.error('[beaker] log write failed', { ...info, error: String(error) });
        },
      });
      const badgeTimers = new Map<number, ReturnType<typeof setTimeout>>();
      const updateBadge = (record: TabRecord) => {
        if (badgeTimers.has(record.tabId)) return;
        badgeTimers.set(
          record.tabId,
          setTimeout(() => {
            badgeTimers.delete(record.tabId);
            const current = tabs.get(record.tabId);
            const paused = current?.visit ? settings.pausedSites.includes(current.visit.site) : false;
            const badge = badgeFor(current?.visit && !paused ? targetedCount(current.visit.counts) : 0);
            // The tab may be gone by now; a failed badge update is harmless.
            action.setBadgeText({ tabId: record.tabId, text: badge.text }).catch(() => undefined);
            action.setBadgeBackgroundColor({ tabId: record.tabId, color: badge.color }).catch(() => undefined);
          }, 40),
        );
      };
      const texts = createTextFactsCache();
      const manifest = browser.runtime.getManifest();
      const rec = createRecorder({
        classifier: createClassifier(db),
        queue,
        sequencer,
        tabs,
        settings: () => settings,
        extensionVersion: manifest.version,
        trackerDbVersion: db.version,
        onTabChanged: updateBadge,
      });

      // A restarted worker: the tab map comes from session storage, the counts from the log.
      for (const record of await tabs.restore()) {
        if (!record.visit) continue;
        const stored = await getVisit(database, record.visit.visitId);
        if (stored) record.visit.counts = stored.counts;
        updateBadge(record);
      }
      const dropped = async (reason: DropReason) => {
        diagnostics.dropped[reason] = (diagnostics.dropped[reason] ?? 0) + 1;
        await incrementMeta(database, `dropped.${reason}`).catch(() => undefined);
      };
      const tabStateOf = async (tabId: number): Promise<TabState> => {
        await queue.flush();
        const record = tabs.get(tabId);
        const site = record?.visit?.site ?? null;
        // No record: a web page Beaker has not seen load, or a page it may not see (the
        // browser hides the URL of those from an extension without the `tabs` permission).
        const tabUrl = record ? null : await browser.tabs.get(tabId).then((t) => t.url ?? null, () => null);
        return {
          tabId,
          visitId: record?.visit?.visitId ?? null,
          url: record?.url ?? null,
          site,
          restricted: record ? record.restricted : !(tabUrl && siteOf(tabUrl)),
          paused: site !== null && settings.pausedSites.includes(site),
        };
      };
      route = createMessageRouter({
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        onDropped: (reason) => void dropped(reason),
        content: {
          engagement: (message, tabId, frameId) => ({ accepted: rec.onEngagement(message.acts, tabId, frameId) }),
          findings: (message, tabId, frameId) => ({ accepted: rec.onFindings(message.findings, tabId, frameId) }),
          'classify-urls': (message, tabId) => ({ verdicts: rec.verdicts(message.urls, tabId) }),
          // The top frame's site is its own address; a subframe's is its tab's page.
          'get-content-settings': (message, tabId, frameId) =>
            contentSettingsFor(settings, frameId === 0 ? siteOf(message.url) : (tabs.get(tabId)?.visit?.site ?? null)),
          'classify-texts': (message) => ({ facts: message.texts.map((t) => texts(t, message.lang)) }),
          // Ad detection off: the page is told the list is off too, so it stops asking.
          'list-selectors': (message) => (settings.detectors.ads ? lists.answer(message) : { state: 'off', selectors: [] }),
        },
        page: {
          'get-tab-state': (message) => tabStateOf(message.tabId),
          'get-popup-data': async (message) => popupDataFor(database, await tabStateOf(message.tabId)),
          'set-site-paused': async (message) => {
            await settingsWriter.update((current) => withSitePaused(current, message.site, message.paused));
            return { paused: message.paused };
          },
          'update-settings': (message) => settingsWriter.update((current) => applySettingsPatch(current, message.settings)),
          'delete-all-data': async () => {
            await queue.flush();
            await clearAll(database);
            // The visits are gone from the log: each open page starts a new one, from zero.
            for (const record of tabs.all()) {
              if (record.visit) await rec.onCommitted({ tabId: record.tabId, frameId: 0, url: record.visit.url });
            }
            return { deleted: true };
          },
          'get-diagnostics': async () => ({ ...diagnostics, meta: await readMeta(database), pendingWrites: queue.pending() + settled.size() }),
        },
      });

      recorder = rec;
      for (const fn of early.splice(0)) await fn(rec);
      // Tabs open before Beaker started (install, browser start) get a visit from now on.
      for (const tab of await browser.tabs.query({})) {
        if (tab.id !== undefined && tab.url && !tabs.get(tab.id) && siteOf(tab.url)) {
          await rec.onCommitted({ tabId: tab.id, frameId: 0, url: tab.url });
        }
      }
      diagnostics.ready = true;
      diagnostics.readyAt = performance.now();
      // After readiness: parsing a cached list takes a few hundred ms the first requests should not wait for.
      void lists.sync();

      const lastRetention = (await readMeta(database))['retention.lastRun'] ?? 0;
      if (Date.now() - lastRetention > RETENTION_INTERVAL_MS) {
        await applyRetention(database, settings.retentionDays);
        await database.put('meta', { key: 'retention.lastRun', value: Date.now() });
      }
    } catch (error) {
      diagnostics.initError = String(error);
      console.error('[beaker] background failed to start', error);
    }
  }
}
