import type { Classifier } from '../trackers/classify-request';
import { findTrackingParams } from '../trackers/beacon-rules';
import { contentLengthOf, mayBeTinyImagePixel, tinyImageFinding, type ResponseHeader } from '../trackers/tiny-image';
import { hostOf, isWebUrl, queryOf, siteOf } from '../trackers/url';
import { SCHEMA_VERSION, cap, MAX_URL_LENGTH, type Provenance } from '../schema/common';
import { emptyCounts, type Counts, type LogEvent, type PageVisit, type TrackerFinding } from '../schema';
import type { EngagementAct, FindingReport } from '../messages';
import type { ResourceEntry } from '../schema/content-messages';
import type { HostVerdict } from '../core/detector';
import { darkPatternMinConfidence, type Settings } from '../schema/settings';
import type { RecordOptions } from '../core/family';
import type { WriteQueue } from '../log/write-queue';
import { countedAs } from '../log/write-queue';
import { familyOf, familyOn } from '../registry';
import { RECORDS } from '../registry-records';
import { localDay } from '../log/queries';
import type { Sequencer } from './sequencer';
import type { VisitBounds } from './visit-bounds';
import type { TabRecord, TabVisit, TabVisits } from './tab-visits';
import { createRequestLedger, type RequestLedger } from './request-ledger';
import { requestTypeOf } from '../trackers/initiator-type';

/** The parts of a webRequest `onBeforeRequest` event the recorder reads (Chrome and Firefox). */
export interface RequestDetails {
  url: string;
  type: string;
  tabId: number;
  frameId: number;
  requestId?: string;
  timeStamp?: number;
  documentId?: string;
  parentDocumentId?: string;
  frameType?: string;
  documentUrl?: string;
  originUrl?: string;
  /** Chrome: the origin that caused the request (`null` string for opaque origins). */
  initiator?: string;
}

/** `webRequest.onHeadersReceived` (with `responseHeaders`) or `onErrorOccurred`. */
export interface ResponseDetails {
  requestId: string;
  tabId: number;
  statusCode?: number;
  responseHeaders?: ResponseHeader[];
}

export interface NavigationDetails {
  tabId: number;
  frameId: number;
  url: string;
  documentId?: string;
  timeStamp?: number;
  /**
   * A page already showing when Beaker took it up (a tab open at install or browser start, a visit
   * restarted by "delete all data"): its visit was not seen from its start (`seenFromStart: false`).
   */
  adopted?: boolean;
  /**
   * Beaker joined the page late (a tab open before this browser session's first worker knew it: a
   * fresh browser's first page, a session-restored tab): its visit is `partial`, and whatever its
   * Resource Timing entries show that Beaker has no record of is recovered (ARCHITECTURE.md,
   * "Requests Beaker did not see"). An adopted visit that is not joined late ("delete all data")
   * takes only entries after it began.
   */
  joinedLate?: boolean;
}

/** A `resource-timing` report of one frame (lib/schema/content-messages.ts). */
export interface ResourceTimingReport {
  entries: readonly ResourceEntry[];
  capped: number;
  overflowed: boolean;
}

export interface RecorderDeps {
  classifier: Classifier;
  queue: WriteQueue;
  sequencer: Sequencer;
  tabs: TabVisits;
  settings: () => Settings;
  extensionVersion: string;
  trackerDbVersion: string;
  /** Called whenever a tab's counts change (debounced by the caller) or its visit changes. */
  onTabChanged: (record: TabRecord) => void;
  /** A tab of a private window where nothing may be recorded (issue #9, item 5): it gets no visit. */
  isPrivateTab?: (tabId: number) => boolean;
  /** A tab of a private window at all; its visits, when recorded, are told to `onPrivateVisit` (issue #13). */
  inPrivateWindow?: (tabId: number) => boolean;
  onPrivateVisit?: (visitId: string) => void;
  /** Per-visit bounds (lib/background/visit-bounds.ts); absent: none (tests of other things). */
  bounds?: VisitBounds;
  /** The request URLs each visit has a record of (lib/background/request-ledger.ts); default: a new one. */
  ledger?: RequestLedger;
  now?: () => Date;
}

/** Requests of a document that has not committed yet are held this long before being attributed. */
const PENDING_DOCUMENT_MS = 3000;
const MAX_PENDING_PER_TAB = 500;
const MAX_PREVIOUS_DOCUMENTS = 3;
/** How far back a request can be given to the visit before a same-document navigation. */
const SAME_DOCUMENT_WINDOW_MS = 10_000;
const SAME_DOCUMENT_TOLERANCE_MS = 50;
/** Third-party image requests awaiting their headers (tiny-image pixels); oldest settled first. */
const MAX_HELD_IMAGES = 2000;

export interface Recorder {
  onRequest(details: RequestDetails): void;
  /** Headers of a request (or its failure, with no headers): settles held image requests. */
  onResponse(details: ResponseDetails): void;
  onCommitted(details: NavigationDetails): Promise<void>;
  onHistoryNavigation(details: NavigationDetails): Promise<void>;
  onTabRemoved(tabId: number): void;
  onEngagement(acts: EngagementAct[], tabId: number, frameId: number): number;
  /**
   * Requests a frame's Resource Timing entries show: those the visit has no record of are classified
   * and recorded (`observedBy: 'resource-timing'`); returns how many. `documentId`: the sender's.
   */
  onResourceTiming(report: ResourceTimingReport, tabId: number, frameId: number, documentId?: string): number;
  /** Ad units and dark patterns a content script found; returns how many were recorded. */
  onFindings(findings: FindingReport[], tabId: number, frameId: number): number;
  /** TrackerDB verdicts for URLs a page element loads from, judged against the tab's page. */
  verdicts(urls: string[], tabId: number): Record<string, HostVerdict | null>;
  /** Events lost before they were recorded (a malformed or oversized message from this tab): counted on its visit. */
  onDropped(tabId: number, events: number): void;
  /**
   * A restarted worker's tabs: a visit the log does not hold (the worker was killed before its
   * first write) is written now, `seenFromStart: false`, so its later events have their visit.
   */
  resumeRestored(records: readonly TabRecord[], isStored: (visitId: string) => Promise<boolean>): Promise<void>;
}

/**
 * Turns browser events into log records with provenance. Owns no storage of its own: events go to
 * the write queue, tab state to `TabVisits`. Counts shown on the badge are kept in step with what is
 * queued, and rebuilt from the log after a worker restart.
 */
export function createRecorder(deps: RecorderDeps): Recorder {
  const now = deps.now ?? (() => new Date());
  const ledger = deps.ledger ?? createRequestLedger(() => now().getTime());
  // `overflow`: requests beyond MAX_PENDING_PER_TAB, counted as dropped on the visit they would have gone to.
  const pendingByDocument = new Map<string, { tabId: number; details: RequestDetails[]; overflow: number; timer: ReturnType<typeof setTimeout> }>();
  const heldImages = new Map<string, { details: RequestDetails; visit: TabVisit; thirdParty: boolean; host: string; finding: TrackerFinding | null }>();

  function provenance(visit: TabVisit, tabId: number, frameId: number, ruleId: string): Provenance {
    const seq = deps.sequencer.next();
    return {
      id: `${deps.sequencer.sessionId}:${seq}`,
      schemaVersion: SCHEMA_VERSION,
      extensionVersion: deps.extensionVersion,
      trackerDbVersion: deps.trackerDbVersion,
      ruleId: cap(ruleId, 120),
      visitId: visit.visitId,
      tabId,
      frameId,
      topUrl: visit.url,
      site: visit.site,
      time: now().toISOString(),
      sessionId: deps.sequencer.sessionId,
      seq,
    };
  }

  function bump(record: TabRecord, name: keyof Counts, by = 1): void {
    if (!record.visit) return;
    record.visit.counts[name] += by;
    deps.onTabChanged(record);
  }

  function append(record: TabRecord, event: LogEvent): void {
    deps.queue.push({ op: 'event', event });
    const name = countedAs(event);
    if (name) bump(record, name);
  }

  /** What the settings decide about a record now (a dark pattern below the threshold is `possible`). */
  function recordOptions(): RecordOptions {
    return { darkPatternMinConfidence: darkPatternMinConfidence(deps.settings()) };
  }

  function isPaused(site: string): boolean {
    return deps.settings().pausedSites.includes(site);
  }

  /** Whether the family that writes `kind` is switched on (the registry names its switch). */
  function recording(kind: LogEvent['kind']): boolean {
    return familyOn(deps.settings(), familyOf(kind));
  }

  function visitForRequest(record: TabRecord, details: RequestDetails): { visit: TabVisit | null; hold: boolean } {
    const visit = record.visit;
    const docId = details.frameId === 0 ? details.documentId : details.parentDocumentId;
    if (!visit) return { visit, hold: false };
    if (!docId || !visit.documentId || docId === visit.documentId) {
      // The same document: a single-page app changes visits without a new document, so time
      // decides. A request made clearly before this visit started belongs to the visit current
      // then. "Clearly": Chrome stamps onHistoryStateUpdated when it handles it, which can be a few
      // ms after the request a page sent right after pushState (5.6 ms seen), so within the
      // tolerance the request goes to the new visit.
      const ts = details.timeStamp;
      if (ts !== undefined && ts < visit.startedTs - SAME_DOCUMENT_TOLERANCE_MS && visit.startedTs - ts < SAME_DOCUMENT_WINDOW_MS) {
        const earlier = visit.previous.find((p) => p.startedTs <= ts && (p.documentId === null || !docId || p.documentId === docId));
        if (earlier) return { visit: { ...visit, visitId: earlier.visitId, url: earlier.url, site: earlier.site }, hold: false };
      }
      return { visit, hold: false };
    }
    const earlier = visit.previous.find((p) => p.documentId === docId);
    if (earlier) {
      // A late request of an earlier document (an unload beacon): it belongs to that visit.
      return { visit: { ...visit, visitId: earlier.visitId, url: earlier.url, site: earlier.site }, hold: false };
    }
    // A document this tab has not committed yet: hold its requests until it does.
    return { visit: null, hold: details.frameId === 0 };
  }

  function holdRequest(docId: string, details: RequestDetails): void {
    const entry = pendingByDocument.get(docId);
    if (entry) {
      if (entry.details.length < MAX_PENDING_PER_TAB) entry.details.push(details);
      else entry.overflow += 1;
      return;
    }
    const timer = setTimeout(() => {
      // Never committed (or the commit was missed): attribute to whatever the tab shows now.
      const held = pendingByDocument.get(docId);
      pendingByDocument.delete(docId);
      for (const d of held?.details ?? []) record(d, true);
      if (held?.overflow) noteDropped(held.tabId, held.overflow);
    }, PENDING_DOCUMENT_MS);
    pendingByDocument.set(docId, { tabId: details.tabId, details: [details], overflow: 0, timer });
  }

  /** The visit's log record, with its completeness (ARCHITECTURE.md, "Export and import"). */
  function queueVisit(visit: TabVisit, tabId: number, seenFromStart: boolean, partial = false): void {
    const { visitId: id, url, site, startedAt, day } = visit;
    const arrivalParams = findTrackingParams(queryOf(url)).slice(0, 32);
    const { sessionId } = deps.sequencer;
    const navigation = visit.navigation ?? 'load';
    const record: Omit<PageVisit, 'counts' | 'seenFromStart' | 'droppedEvents'> = { id, schemaVersion: SCHEMA_VERSION, sessionId, tabId, url, site, navigation, startedAt, day, arrivalParams };
    deps.queue.push({ op: 'visit', visit: { ...record, counts: emptyCounts(), seenFromStart, droppedEvents: 0, ...(partial ? { partial } : {}) } });
  }

  /** Completeness (ARCHITECTURE.md, "Export and import"): what was lost is counted on the tab's visit. */
  function noteDropped(tabId: number, events: number): void {
    const visit = deps.tabs.get(tabId)?.visit;
    if (!visit || events <= 0 || isPaused(visit.site)) return;
    deps.queue.push({ op: 'dropped', visitId: visit.visitId, events });
  }

  /** `observed`: a Resource Timing entry, recorded only when the visit has no record of its URL. Returns whether it was. */
  function record(details: RequestDetails, force = false, observed = false): boolean {
    if (details.type === 'main_frame') return false;
    if (details.tabId < 0) return recordTabless(details);
    const tab = deps.tabs.get(details.tabId);
    if (!tab || !tab.visit) return false;
    let { visit, hold } = force ? { visit: tab.visit, hold: false } : visitForRequest(tab, details);
    if (hold && details.documentId) {
      // An entry of a document this tab has not committed is not guessed at.
      if (!observed) holdRequest(details.documentId, details);
      return false;
    }
    visit ??= tab.visit;
    if (isPaused(visit.site) || !recording('tracker')) return false;
    if (!isWebUrl(details.url)) return false;
    if (!observed) ledger.note(visit.visitId, details.url);
    else {
      // Seen under an earlier visit of the tab (a request that began before a single-page app's
      // navigation and ended after it): not new either.
      if (tab.visit.previous.some((p) => ledger.has(p.visitId, details.url)) || (visit !== tab.visit && ledger.has(tab.visit.visitId, details.url))) return false;
      if (ledger.take(visit.visitId, details.url, details.timeStamp ?? 0) !== 'new') return false;
      if (deps.bounds && !deps.bounds.admitObserved(visit.visitId)) return false;
    }

    // `siteOf`, as for the visit: hosts without a registrable domain (localhost, IPs) are their own site.
    const thirdParty = siteOf(details.url) !== visit.site;
    const current = visit.visitId === tab.visit.visitId;
    deps.queue.push({ op: 'requests', visitId: visit.visitId, total: 1, thirdParty: thirdParty ? 1 : 0 });
    if (current) {
      tab.visit.counts.requests += 1;
      if (thirdParty) tab.visit.counts.thirdPartyRequests += 1;
    }
    const finding = deps.classifier.classify({ url: details.url, type: details.type, documentUrl: visit.url, frameType: details.frameType });
    if (!finding?.targeting && details.requestId && mayBeTinyImagePixel(details.type, details.url, thirdParty)) {
      // Decided when the response headers say how big the image is (see onResponse).
      if (heldImages.size >= MAX_HELD_IMAGES) settleHeldImage(heldImages.keys().next().value!, null);
      heldImages.set(details.requestId, { details, visit, thirdParty, host: hostOf(details.url) ?? '', finding });
      return true;
    }
    if (finding) logFinding(details, visit, finding, observed);
    return true;
  }

  // Requests of a site no tab shows, one `background` visit per site and local day (ARCHITECTURE.md, "Every frame").
  const backgroundVisits = new Map<string, TabVisit>();

  /**
   * A request with no tab (a page's service worker, a prefetch): the page whose origin the browser
   * names as its initiator (Chrome `initiator`, Firefox `documentUrl`/`originUrl`) gets it, the most
   * recent visit of that origin; when no tab shows that origin, the site's `background` visit. No
   * web initiator (the browser's own, an extension's): not recorded.
   */
  function recordTabless(details: RequestDetails): boolean {
    const origin = webOrigin(details.initiator) ?? webOrigin(details.documentUrl) ?? webOrigin(details.originUrl);
    if (!origin || !isWebUrl(details.url) || !recording('tracker')) return false;
    let owner: TabRecord | null = null;
    for (const tab of deps.tabs.all()) {
      if (tab.visit && webOrigin(tab.visit.url) === origin && (!owner || tab.visit.startedTs > owner.visit!.startedTs)) owner = tab;
    }
    if (owner) return record({ ...details, tabId: owner.tabId, documentId: undefined, parentDocumentId: undefined }, true);
    const site = siteOf(origin);
    if (!site || isPaused(site)) return false;
    const started = now();
    const key = `${site}\u0000${localDay(started)}`;
    let visit = backgroundVisits.get(key);
    if (!visit) {
      const seq = deps.sequencer.next();
      visit = { visitId: `${deps.sequencer.sessionId}:v${seq}`, url: origin, site, startedAt: started.toISOString(), day: localDay(started), documentId: null, previous: [], startedTs: started.getTime(), counts: emptyCounts(), navigation: 'background' };
      if (backgroundVisits.size >= 256) backgroundVisits.delete(backgroundVisits.keys().next().value!);
      backgroundVisits.set(key, visit);
      queueVisit(visit, -1, true);
    }
    const thirdParty = siteOf(details.url) !== site;
    deps.queue.push({ op: 'requests', visitId: visit.visitId, total: 1, thirdParty: thirdParty ? 1 : 0 });
    ledger.note(visit.visitId, details.url);
    const finding = deps.classifier.classify({ url: details.url, type: details.type, documentUrl: origin });
    if (finding) deps.queue.push({ op: 'event', event: RECORDS.trackers.toEvent(finding, provenance(visit, -1, details.frameId, finding.ruleId), recordOptions()) });
    return true;
  }

  function logFinding(details: RequestDetails, visit: TabVisit, finding: TrackerFinding, observed = false): void {
    const base = RECORDS.trackers.toEvent(finding, provenance(visit, details.tabId, details.frameId, finding.ruleId), recordOptions());
    const event = observed ? { ...base, observedBy: 'resource-timing' as const } : base;
    const tab = deps.tabs.get(details.tabId);
    if (tab?.visit?.visitId === visit.visitId) append(tab, event);
    else deps.queue.push({ op: 'event', event });
  }

  function settleHeldImage(requestId: string, contentLength: number | null): void {
    const held = heldImages.get(requestId);
    if (!held) return;
    heldImages.delete(requestId);
    const { details, visit, thirdParty, host, finding } = held;
    const tiny = tinyImageFinding({ url: details.url, host, type: details.type, thirdParty }, finding, contentLength);
    const settled = tiny ?? finding;
    if (settled) logFinding(details, visit, settled);
  }

  async function startVisit(details: NavigationDetails, navigation: PageVisit['navigation']): Promise<void> {
    const old = deps.tabs.get(details.tabId);
    const site = siteOf(details.url);
    if (!site || deps.isPrivateTab?.(details.tabId)) {
      const tabRecord: TabRecord = { tabId: details.tabId, visit: null, restricted: true, url: cap(details.url, MAX_URL_LENGTH) };
      deps.tabs.set(tabRecord);
      deps.onTabChanged(tabRecord);
      return;
    }
    const started = now();
    const seq = deps.sequencer.next();
    const visitId = `${deps.sequencer.sessionId}:v${seq}`;
    const url = details.url.slice(0, MAX_URL_LENGTH);
    const previous = old?.visit
      ? [
          { documentId: old.visit.documentId, visitId: old.visit.visitId, url: old.visit.url, site: old.visit.site, startedTs: old.visit.startedTs },
          ...old.visit.previous,
        ].slice(0, MAX_PREVIOUS_DOCUMENTS)
      : [];
    const visit: TabVisit = {
      visitId,
      url,
      site,
      startedAt: started.toISOString(),
      day: localDay(started),
      documentId: details.documentId ?? (navigation === 'history' ? (old?.visit?.documentId ?? null) : null),
      previous,
      startedTs: details.timeStamp ?? started.getTime(),
      counts: emptyCounts(),
      navigation,
    };
    const tabRecord: TabRecord = { tabId: details.tabId, visit, restricted: false, url };
    deps.tabs.set(tabRecord);
    // Which Resource Timing entries the visit takes: all it has no record of, but after "delete all
    // data" only those after now (what came before was deleted, not missed).
    ledger.begin(visitId, details.adopted && !details.joinedLate ? started.getTime() : -Infinity);
    if (!isPaused(site)) {
      // A navigation the browser reported is seen from its start: its requests before the commit
      // are held for it (see holdRequest). An adopted page is not.
      queueVisit(visit, details.tabId, details.adopted !== true, details.joinedLate === true);
      if (deps.inPrivateWindow?.(details.tabId)) deps.onPrivateVisit?.(visitId);
    }
    deps.onTabChanged(tabRecord);
    await deps.tabs.persist();
    // Requests of this document that arrived before its commit.
    if (details.documentId) {
      const pending = pendingByDocument.get(details.documentId);
      if (pending) {
        clearTimeout(pending.timer);
        pendingByDocument.delete(details.documentId);
        for (const d of pending.details) record(d);
        if (pending.overflow) noteDropped(details.tabId, pending.overflow);
      }
    }
  }

  return {
    onRequest: (details) => record(details),
    onResponse(details) {
      const ok = details.statusCode !== undefined && details.statusCode >= 200 && details.statusCode < 300;
      settleHeldImage(details.requestId, ok ? contentLengthOf(details.responseHeaders) : null);
    },
    onCommitted: async (details) => {
      if (details.frameId !== 0 || details.tabId < 0) return;
      await startVisit(details, 'load');
    },
    onHistoryNavigation: async (details) => {
      if (details.frameId !== 0 || details.tabId < 0) return;
      const current = deps.tabs.get(details.tabId)?.visit;
      // Same document URL (a replaceState that changed nothing, a plain #anchor): not a new page.
      if (current && stripHash(current.url) === stripHash(details.url) && !isRouteHash(details.url)) return;
      if (current && current.url === details.url) return;
      await startVisit(details, 'history');
    },
    onTabRemoved(tabId) {
      deps.tabs.delete(tabId);
      for (const [docId, entry] of pendingByDocument) {
        if (entry.tabId === tabId) {
          clearTimeout(entry.timer);
          pendingByDocument.delete(docId);
        }
      }
    },
    onEngagement(acts, tabId, frameId) {
      const tab = deps.tabs.get(tabId);
      if (!tab?.visit || isPaused(tab.visit.site) || !recording('engagement')) return 0;
      let recorded = 0;
      const options = recordOptions();
      for (const act of acts) {
        if (deps.bounds && !deps.bounds.admitAct(tab.visit.visitId)) continue;
        append(tab, RECORDS.engagement.toEvent(act, provenance(tab.visit, tabId, frameId, `engagement@1/${act.action}`), options));
        recorded += 1;
      }
      return recorded;
    },
    onFindings(findings, tabId, frameId) {
      const tab = deps.tabs.get(tabId);
      if (!tab?.visit || isPaused(tab.visit.site)) return 0;
      let recorded = 0;
      // Read once per message: whether a dark pattern is `possible` is decided as it is recorded.
      const options = recordOptions();
      for (const f of findings) {
        if (!recording(f.kind)) continue;
        if (deps.bounds && !deps.bounds.admitFinding(tab.visit.visitId, f)) continue;
        const base = provenance(tab.visit, tabId, frameId, f.detectorId);
        append(tab, f.kind === 'ad' ? RECORDS.ads.toEvent(f, base, options) : RECORDS['dark-patterns'].toEvent(f, base, options));
        recorded += 1;
      }
      return recorded;
    },
    onDropped: noteDropped,
    onResourceTiming(report, tabId, frameId, documentId) {
      const tab = deps.tabs.get(tabId);
      if (!tab?.visit || isPaused(tab.visit.site)) return 0;
      if (report.capped > 0) deps.bounds?.noteCapped(tab.visit.visitId, 'resource-timing', report.capped);
      let recorded = 0;
      for (const entry of report.entries) {
        const details: RequestDetails = { url: entry.url, type: requestTypeOf(entry.initiator, entry.url), tabId, frameId, timeStamp: entry.at };
        // The top frame's document tells its visit; a subframe's goes by time (its parent is not known here).
        if (frameId === 0 && documentId) details.documentId = documentId;
        if (record(details, false, true)) recorded += 1;
      }
      return recorded;
    },
    async resumeRestored(records, isStored) {
      for (const { tabId, visit } of records) {
        if (!visit || isPaused(visit.site) || (await isStored(visit.visitId))) continue;
        queueVisit(visit, tabId, false);
      }
    },
    verdicts(urls, tabId) {
      const documentUrl = deps.tabs.get(tabId)?.visit?.url ?? '';
      const out: Record<string, HostVerdict | null> = {};
      for (const url of urls) {
        const finding = deps.classifier.classify({ url, type: 'sub_frame', documentUrl });
        out[url] = finding?.tracker
          ? { category: finding.tracker.category, organization: finding.tracker.organization?.name ?? null, targeting: finding.targeting }
          : null;
      }
      return out;
    },
  };
}

/** `https://host[:port]` of a web URL, or null (opaque `null`, extension and browser URLs, garbage). */
function webOrigin(url: string | undefined): string | null {
  if (!url || !isWebUrl(url)) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** Hash routers (`#/inbox`, `#!/page`) change pages with the fragment. */
function isRouteHash(url: string): boolean {
  const i = url.indexOf('#');
  return i !== -1 && (url[i + 1] === '/' || url[i + 1] === '!');
}
