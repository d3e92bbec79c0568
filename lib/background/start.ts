import { browser } from 'wxt/browser';
import { createClassifier } from '../trackers/classify-request';
import { siteOf } from '../trackers/url';
import { clearAll, openDatabase, type BeakerDatabase } from '../log/database';
import { createWriteQueue, type WriteQueue } from '../log/write-queue';
import { eventsOfVisits, incrementMeta, readMeta } from '../log/queries';
import { contentSettingsFor, getSettings, settingsItem, sanitizeSettings } from '../settings';
import { DEFAULT_SETTINGS, type Settings } from '../schema/settings';
import type { TabState } from '../messages';
import { targetedCount } from '../schema/events';
import { createBadgeUpdater } from './badge';
import { loadEngine, loadState, retainAtMostEvery6Hours } from './boot';
import { createReadyGate, createSettleQueue, listenToBrowserEvents, REQUEST_SETTLE_MS, type OrphanResponses, type ReadyGate, type SettleQueue } from './browser-events';
import { createDiagnostics, type BackgroundDiagnostics } from './diagnostics';
import { createTextFactsCache, loadTextClassifier, precacheTextClassifier, TEXT_CLASSIFIER_PATH } from './text-facts-cache';
import { createMessageRouter, type DropReason, type MessageSender } from './message-router';
import { createRecorder, type Recorder } from './recorder';
import { applySettingsPatch, createSettingsWriter, withSitePaused, type SettingsWriter } from './settings-writer';
import { popupDataFor } from './popup-data';
import type { TabVisits } from './tab-visits';
import type { CappedKind } from '../schema/visit';
import { createListManager, type ListManager } from '../ads/lists/list-manager';
import { listenForExportImport, type ExportImportDeps } from './export-import';
import { createHistoryHandlers } from './history';
import { listenForPrivateTabs, recordsNothingIn, type PrivateTabs } from './private-tabs';
import { createFilterListStore, listenForFilterListUploads, type FilterListStore } from './filter-list-store';
import { createPrivateVisits } from './private-visits';
import { createWriteAhead, type CopiedReport, type SessionArea, type WriteAhead } from './write-ahead';
import { BOUND_KIND_OF, createCappedCounter, createVisitBounds } from './visit-bounds';
import { createRequestLedger } from './request-ledger';
import { createRestoredLedger, flaggedBy, recordOrphan, seedRestored } from './restored-ledger';
import { deleteVisitsById } from '../log/delete-visits';

export type { BackgroundDiagnostics } from './diagnostics';

type Route = (raw: unknown, sender: MessageSender) => Promise<unknown> | undefined;
type OrphanHandler = NonNullable<OrphanResponses['handle']>;

/** How long `get-tab-state` and `get-popup-data` wait for the write queue before reading the log. */
const TAB_STATE_FLUSH_MS = 300;

/** The queue's flush, or `ms`, whichever comes first (a flush under a constant flood of events never ends). */
export function flushAtMost(queue: Pick<WriteQueue, 'flush'>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([queue.flush().catch(() => undefined), elapsed]).finally(() => clearTimeout(timer));
}

/** What the parts of the background share: the settings as last read or written, and the rest. */
interface Background {
  diagnostics: BackgroundDiagnostics;
  prefs: { current: Settings };
  lists: ListManager;
  gate: ReadyGate;
  settled: SettleQueue;
  texts: ReturnType<typeof createTextFactsCache>;
  privateTabs: PrivateTabs;
  /** Filter lists the person added (lib/background/filter-list-store.ts). */
  filterLists: FilterListStore;
  writeAhead: WriteAhead;
  /** Gives the handler of responses whose request no worker of this life was told of (once, when the ledger is seeded). */
  onOrphansReady: (handle: OrphanHandler) => void;
  /** Called once the worker is ready (diagnostics.ready). */
  onReady: () => void;
  /** Hands the log to the export and import ports (null: the start failed). */
  onPortsReady: (deps: ExportImportDeps | null) => void;
}

/**
 * Wire the browser's events to the recorder. Listeners are registered synchronously, at the top
 * level of the worker's first turn (MV3 only wakes a worker for listeners registered that way);
 * what arrives before the engine and the database are ready is queued in order, not lost. Only what
 * the first request needs is evaluated at start: the text classifier is loaded on first use.
 */
export function startBackground(): void {
  const diagnostics = createDiagnostics();
  const prefs = { current: DEFAULT_SETTINGS };
  // Fetches nothing until the setting is on (privacy: see lib/ads/lists/list-manager.ts).
  const filterLists = createFilterListStore();
  const lists = createListManager({
    enabled: () => prefs.current.lists.easylist,
    fetch: (url, init) => fetch(url, init),
    // The same download's network rules count requests too (issue #10); off again, they go.
    onDownloaded: (text) =>
      void (text === null ? filterLists.remove('easylist') : filterLists.addDownloaded(text, 'easylist')).catch((error) =>
        console.warn('[beaker] EasyList network rules not kept', error),
      ),
  });
  diagnostics.lists = lists.diagnostics;
  const gate = createReadyGate(diagnostics);
  const settled = createSettleQueue(REQUEST_SETTLE_MS);
  // Issue #10, item 4: what the worker has seen but not written is also in storage.session (in memory, gone with the browser).
  const writeAhead = createWriteAhead((browser.storage.session ?? browser.storage.local) as unknown as SessionArea);
  // Responses whose request went to an earlier worker wait, in order, until the ledger knows what that worker recorded.
  let onOrphansReady: (handle: OrphanHandler) => void = () => undefined;
  const orphanHandler = new Promise<OrphanHandler>((resolve) => (onOrphansReady = resolve));
  listenToBrowserEvents(gate, settled, diagnostics, writeAhead, { handle: (r, details) => void orphanHandler.then((handle) => handle(r, details)) });
  const privateTabs = listenForPrivateTabs();
  const classifierUrl = browser.runtime.getURL(TEXT_CLASSIFIER_PATH);
  precacheTextClassifier(classifierUrl);
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const texts = createTextFactsCache(async () => {
    // Requests first: evaluating the classifier blocks the worker for ~200 ms, so it waits until the
    // worker is ready and the requests that arrived before the question have been classified.
    await ready;
    await settled.drained();
    return loadTextClassifier(classifierUrl);
  });

  let onPortsReady: (deps: ExportImportDeps | null) => void = () => undefined;
  listenForExportImport(new Promise((resolve) => (onPortsReady = resolve)));
  let onListsReady: (store: FilterListStore | null) => void = () => undefined;
  listenForFilterListUploads(new Promise((resolve) => (onListsReady = resolve)));

  let route: Route | null = null;
  let routed: () => void = () => undefined;
  const routeReady = new Promise<void>((resolve) => (routed = resolve));
  void init({ diagnostics, prefs, lists, gate, settled, texts, privateTabs, filterLists, writeAhead, onOrphansReady, onReady, onPortsReady }, (r) => {
    route = r;
    routed();
  }).finally(() => {
    // Also when the start failed part-way: nothing waits for ever.
    routed();
    // A start that failed part-way never seeds the ledger: such responses are then ignored.
    if (diagnostics.initError !== null) onOrphansReady(() => undefined);
    onReady();
    onPortsReady(null);
    onListsReady(filterLists);
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    if (route) return route(raw, sender);
    return routeReady.then(() => route?.(raw, sender));
  });
}

async function init(bg: Background, onRoute: (route: Route) => void): Promise<void> {
  const { diagnostics, prefs, lists } = bg;
  try {
    const session = browser.storage.session ?? browser.storage.local;
    const applySettings = (next: Settings) => {
      const listsBefore = prefs.current.lists.easylist;
      prefs.current = next;
      if (prefs.current.lists.easylist !== listsBefore) void lists.sync();
    };
    // The engine and the state load at once: the engine download dominates a cold start.
    const [db, , state] = await Promise.all([
      loadEngine(),
      // Deserialised, never parsed again: milliseconds, and nothing at all without lists.
      bg.filterLists.load().catch((error) => console.error('[beaker] filter lists not loaded', error)),
      loadState(session).then((loaded) => {
        prefs.current = loaded.settings;
        settingsItem.watch((value) => applySettings(sanitizeSettings(value)));
        return loaded;
      }),
    ]);
    const { sequencer, database, tabs, restored } = state;
    // The one writer of the settings: pages ask with `update-settings` and `set-site-paused`.
    const settingsWriter = createSettingsWriter({ read: getSettings, write: (s) => settingsItem.setValue(s), onWritten: applySettings });
    const { writeAhead } = bg;
    const queued = createWriteQueue(() => openDatabase(), {
      onWritten: (batch) => {
        writeAhead.written(batch);
        // The log's meta counts what was kept out once it is on the visit's record (a replayed count too).
        const byKind = new Map<CappedKind, number>();
        for (const op of batch) if (op.op === 'capped') byKind.set(op.kind, (byKind.get(op.kind) ?? 0) + op.n);
        for (const [kind, n] of byKind) void incrementMeta(database, `capped.${BOUND_KIND_OF[kind]}`, n).catch(() => undefined);
      },
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
    const queue = writeAhead.wrap(queued);
    // What the last worker queued and did not write (stopped within its 250 ms): written now, first.
    const recovered = await writeAhead.recover();
    for (const op of recovered.ops) queue.push(op);
    diagnostics.writeAheadReplayed = recovered.ops.length;
    if (recovered.malformed > 0) console.warn(`[beaker] ${recovered.malformed} write-ahead entries were not valid records and were dropped`);
    const updateBadge = createBadgeUpdater({
      action: browser.action ?? browser.browserAction,
      current: (tabId) => {
        const visit = tabs.get(tabId)?.visit;
        return visit ? { site: visit.site, targeted: targetedCount(visit.counts) } : null;
      },
      isPaused: (site) => prefs.current.pausedSites.includes(site),
    });
    const privateVisits = createPrivateVisits();
    // What the per-visit bounds kept out: in the diagnostics at once; on the visit's record (schema 3,
    // `capped`) by one op per visit and kind a second, and then in the log's meta (`capped.<kind>`, onWritten).
    // Each op is in the write-ahead copy from its first count (issue #10, item 4): a stopped worker's counts are replayed.
    const bounds = createVisitBounds(createCappedCounter(diagnostics.capped, queue, writeAhead));
    const classifier = createClassifier(db, () => bg.filterLists.matcher());
    // Which requests the visits a previous worker left have on record (lib/background/restored-ledger.ts).
    const ledger = createRestoredLedger(createRequestLedger(), flaggedBy(classifier, tabs));
    const seeded = seedRestored(ledger, (ids) => eventsOfVisits(database, ids), restored, recovered.ops);
    const rec = createRecorder({
      classifier,
      ledger,
      queue,
      sequencer,
      tabs,
      settings: () => prefs.current,
      extensionVersion: browser.runtime.getManifest().version,
      trackerDbVersion: db.version,
      onTabChanged: (record) => updateBadge(record.tabId),
      isPrivateTab: (tabId) => recordsNothingIn(bg.privateTabs, prefs.current, tabId),
      inPrivateWindow: (tabId) => bg.privateTabs.has(tabId),
      onPrivateVisit: (visitId) => privateVisits.add(visitId),
      bounds,
    });
    // A private session's visits (recorded only with recordPrivateWindows on) end with it.
    const endPrivateSession = async () => {
      const ids = await privateVisits.ids();
      if (ids.length === 0) return;
      await flushAtMost(queue, 5000);
      const deleted = await deleteVisitsById(database, ids);
      await privateVisits.forget(ids);
      console.info(`[beaker] private session over: ${deleted} visits deleted`);
    };
    const endPrivateSessionSafely = () => void endPrivateSession().catch((error) => console.error('[beaker] private visits not deleted', error));
    bg.privateTabs.onSessionEnded(endPrivateSessionSafely);
    // Completeness (ARCHITECTURE.md, "Export and import"): a visit lost with the last worker is written, not seen from its start.
    await rec.resumeRestored(restored, async (visitId) => (await database.getKey('visits', visitId)) !== undefined);
    for (const record of restored) if (record.visit) updateBadge(record.tabId);

    onRoute(createRoute(bg, { database, queue, tabs, rec, settingsWriter, seeded }));
    bg.onPortsReady({
      database,
      queue,
      extensionVersion: browser.runtime.getManifest().version,
      trackerDbVersion: db.version,
      retentionDays: () => prefs.current.retentionDays,
    });
    // Requests the last worker had seen and not handled: handled now, through the gate like any other.
    for (const { details, token } of recovered.requests) {
      bg.gate.whenReady((r) => {
        r.onRequest(details);
        writeAhead.requestDone(token);
      });
    }
    diagnostics.writeAheadReplayed += recovered.requests.length;
    await bg.privateTabs.seed();
    // No private tab open now: what a private session left (a browser that quit with one open) goes.
    if (bg.privateTabs.size() === 0) endPrivateSessionSafely();
    await bg.gate.open(rec);
    // Resource Timing reports the last worker had received and not handled: as a new one is.
    for (const { report, token } of recovered.reports) handleReport(bg, rec, seeded, report, token);
    diagnostics.writeAheadReplayed += recovered.reports.length;
    // After the replayed requests (handled as the gate opened) and the seed: the ledger then knows
    // what earlier workers recorded, and a response whose request is not there was lost with one.
    void seeded.then(() =>
      bg.onOrphansReady((r, details) => {
        if (recordOrphan(ledger, tabs, r, details)) diagnostics.orphanResponses += 1;
      }),
    );
    // Tabs open before Beaker started (install, browser start) get a visit from now on.
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined && tab.url && !tabs.get(tab.id) && siteOf(tab.url)) {
        // No worker of this browser session knew the tab: Beaker joined its page late (a fresh
        // browser's first page, a session-restored tab), so the visit is partial.
        await rec.onCommitted({ tabId: tab.id, frameId: 0, url: tab.url, adopted: true, joinedLate: true });
        diagnostics.joinedLate += 1;
      }
    }
    diagnostics.ready = true;
    diagnostics.readyAt = performance.now();
    bg.onReady();
    // After readiness: parsing a cached list takes a few hundred ms the first requests should not wait for.
    void lists.sync();
    await retainAtMostEvery6Hours(database, prefs.current.retentionDays);
  } catch (error) {
    diagnostics.initError = String(error);
    console.error('[beaker] background failed to start', error);
  }
}

/**
 * A Resource Timing report, copied ahead until handled (issue #10, item 4). It goes through the
 * settle queue, behind the webRequest events that arrived before it: a request the browser
 * reported is noted before its entry is compared (ARCHITECTURE.md, "Requests Beaker did not see").
 * Its events and the removal of its copy are pushed in one task, so one `set` writes both.
 */
function handleReport(bg: Background, rec: Recorder, seeded: Promise<void>, copy: CopiedReport, token: object): Promise<number> {
  return seeded.then(
    () =>
      new Promise((resolve) =>
        bg.settled.push(() => {
          let accepted = 0;
          try {
            accepted = rec.onResourceTiming(copy.report, copy.tabId, copy.frameId, copy.documentId);
            bg.diagnostics.resourceTimingRecorded += accepted;
          } finally {
            bg.writeAhead.requestDone(token);
            resolve(accepted);
          }
        }),
      ),
  );
}

interface Loaded {
  database: BeakerDatabase;
  queue: WriteQueue;
  tabs: TabVisits;
  rec: Recorder;
  settingsWriter: SettingsWriter;
  /** The restored visits' seed is in the ledger (seedRestored). */
  seeded: Promise<void>;
}

/** The message handlers: content scripts report and ask about their page; extension pages ask the rest. */
function createRoute(bg: Background, { database, queue, tabs, rec, settingsWriter, seeded }: Loaded): Route {
  const { diagnostics, prefs, lists, texts, settled } = bg;
  const dropped = async (reason: DropReason) => {
    diagnostics.dropped[reason] = (diagnostics.dropped[reason] ?? 0) + 1;
    await incrementMeta(database, `dropped.${reason}`).catch(() => undefined);
  };
  const tabStateOf = async (tabId: number): Promise<TabState> => {
    // What is queued is written first, but never waited for longer than TAB_STATE_FLUSH_MS: a page
    // that keeps sending events keeps the queue busy, and the popup must answer anyway (issue #13).
    await flushAtMost(queue, TAB_STATE_FLUSH_MS);
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
      paused: site !== null && prefs.current.pausedSites.includes(site),
      private: recordsNothingIn(bg.privateTabs, prefs.current, tabId),
    };
  };
  return createMessageRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    onDropped: (reason, _from, tabId) => {
      void dropped(reason);
      // A content script's report lost whole: at least one event of the tab's visit (completeness).
      if (tabId !== undefined) rec.onDropped(tabId, 1);
    },
    content: {
      engagement: (message, tabId, frameId) => ({ accepted: rec.onEngagement(message.acts, tabId, frameId) }),
      findings: (message, tabId, frameId) => ({ accepted: rec.onFindings(message.findings, tabId, frameId) }),
      // Copied ahead, then through the settle queue (handleReport).
      'resource-timing': async (message, tabId, frameId, documentId) => {
        const copy: CopiedReport = { tabId, frameId, ...(documentId !== undefined ? { documentId } : {}), report: { entries: message.entries, capped: message.capped, overflowed: message.overflowed } };
        return { accepted: await handleReport(bg, rec, seeded, copy, bg.writeAhead.noteReport(copy)) };
      },
      'classify-urls': (message, tabId) => ({ verdicts: rec.verdicts(message.urls, tabId) }),
      // The top frame's site is its own address; a subframe's is its tab's page.
      'get-content-settings': (message, tabId, frameId) => ({
        ...contentSettingsFor(prefs.current, frameId === 0 ? siteOf(message.url) : (tabs.get(tabId)?.visit?.site ?? null)),
        ...(recordsNothingIn(bg.privateTabs, prefs.current, tabId) ? { paused: true } : {}),
      }),
      'classify-texts': async (message) => {
        try {
          return { facts: await texts(message.texts, message.lang) };
        } catch (error) {
          // The page goes on without text facts (lib/content/text-facts-client.ts) and asks again later.
          console.error('[beaker] text classifier unavailable', error);
          throw error;
        }
      },
      // Ad detection off: the page is told the list is off too, so it stops asking.
      'list-selectors': (message) => (prefs.current.detectors.ads ? lists.answer(message) : { state: 'off', selectors: [] }),
    },
    page: {
      ...createHistoryHandlers({ database, queue, tabs, rec, isPaused: (site) => prefs.current.pausedSites.includes(site) }),
      'get-tab-state': (message) => tabStateOf(message.tabId),
      'get-filter-lists': () => bg.filterLists.infos(),
      'remove-filter-list': (message) => bg.filterLists.remove(message.id),
      'get-popup-data': async (message) => popupDataFor(database, await tabStateOf(message.tabId), new Date(), prefs.current),
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
          if (record.visit) await rec.onCommitted({ tabId: record.tabId, frameId: 0, url: record.visit.url, adopted: true });
        }
        return { deleted: true };
      },
      'get-diagnostics': async () => ({ ...diagnostics, meta: await readMeta(database), pendingWrites: queue.pending() + settled.size() }),
    },
  });
}
