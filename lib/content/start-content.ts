import type { ContentSettings, EngagementAct, FindingReport } from '../messages';
import type { HostVerdict, TextFacts } from '../core/detector';
import { createTextFactsClient } from './text-facts-client';
import { createBatchSender, type BatchSender } from '../engagement/batch-sender';
import { watchEngagement } from '../engagement/watch-engagement';
import type { Highlighter } from './highlight';
import type { Pass, PassResult, ScanContext } from '../core/detector';
import type { FamilySettingsKey } from '../core/family';
import { createScanner } from './scanner';
import type { IndexSpec } from '../core/page-index';
import { watchImpressions } from './viewability';
import { createFindingsReporter } from './findings-reporter';
import { watchCountdowns, type CountdownWatcher } from './watch-countdowns';
import { createVerdictCache } from './verdicts';
import type { createListSelectorCache, ListRequest } from './list-selectors';
import { watchResourceTiming, type ResourceTimingReport } from './resource-timing';

export type { ContentSettings };

/** What the content script needs from the extension API (tests pass a fake). */
export interface ContentPorts {
  /**
   * What this frame may do (`get-content-settings`: paused site, detector families), for the page's
   * site as the background sees it; null when it gave no answer Beaker understands.
   */
  settings(): Promise<ContentSettings | null>;
  /** Call `listener` whenever the stored settings change (the script then asks `settings()` again). */
  onSettingsChanged(listener: () => void): () => void;
  sendEngagement(acts: EngagementAct[]): Promise<unknown>;
  sendFindings(findings: FindingReport[]): Promise<unknown>;
  /** Requests this document's Resource Timing entries show (`resource-timing`); absent: not watched. */
  sendResourceTiming?(report: ResourceTimingReport): Promise<unknown>;
  classifyUrls(urls: string[]): Promise<Record<string, HostVerdict | null>>;
  /** Text-classifier facts, in order; null when the background did not answer. */
  classifyTexts(texts: string[], lang: string | null): Promise<TextFacts[] | null>;
  /** EasyList selectors for the page (an unvalidated `ListAnswer`); absent: no list. */
  listSelectors?(request: ListRequest): Promise<unknown>;
  /** Subscribe to "show on page" requests; returns an unsubscribe function. */
  onHighlight(listener: (items: { unitId: string; label: string }[] | null) => void): () => void;
  /**
   * The "Show on page" highlighter, loaded on the first request to show something: what every
   * frame runs does not carry it (ARCHITECTURE.md, "The content script's loader").
   */
  loadHighlighter(): Promise<(doc: Document) => Highlighter>;
  /** EasyList's element rules on the page side, loaded when they are first turned on (off by default). */
  loadListSelectors(): Promise<typeof createListSelectorCache>;
}

/** The settings family a detector pass belongs to (`detectors.ads`, `detectors.darkPatterns`). */
export type ScanFamily = Exclude<FamilySettingsKey, 'trackers'>;

export interface FamilyPass {
  family: ScanFamily;
  pass: Pass;
}

export interface ContentOptions {
  win: Window;
  ports: ContentPorts;
  passes: readonly FamilyPass[];
  /** What the scanner's one walk per root files for the passes' detectors (lib/content/passes.ts). */
  indexSpec?: IndexSpec;
  /** The rule id a detector's findings are logged under (`<id>@<version>`). */
  ruleIdOf?: (detectorId: string) => string;
  /** Whether engagement counts in this frame (every frame; in a subframe only once `frameIsAd` said no). */
  countEngagement: boolean;
  /** The scanner's main-thread time a second in this frame (subframes; lib/content/scanner.ts). */
  maxMsPerSecond?: number;
  /**
   * A subframe: whether it is itself served from an ad host. Such a frame is the ad unit, counted by
   * its parent frame; looking for ads inside it again would count the creative twice, so its ads
   * family stays off. Asked once, when ads are first to be looked for.
   */
  frameIsAd?: () => Promise<boolean>;
}

/** What runs in this frame: each family on or off, and EasyList's selectors (part of the ads family). */
interface Active {
  ads: boolean;
  darkPatterns: boolean;
  engagement: boolean;
  lists: boolean;
}

const NOTHING: Active = { ads: false, darkPatterns: false, engagement: false, lists: false };
/** Waits before asking again when the background gave no answer (a worker still starting, or gone). */
const SETTINGS_RETRY_MS = [1000, 5000];

/** Check a `get-content-settings` answer by hand (the content script bundles no zod). */
export function parseContentSettings(raw: unknown): ContentSettings | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { paused, families, lists } = raw as { paused?: unknown; families?: unknown; lists?: unknown };
  if (typeof paused !== 'boolean' || typeof families !== 'object' || families === null) return null;
  const { ads, darkPatterns, engagement } = families as Record<string, unknown>;
  if (typeof ads !== 'boolean' || typeof darkPatterns !== 'boolean' || typeof engagement !== 'boolean') return null;
  return { paused, families: { ads, darkPatterns, engagement }, ...(typeof lists === 'boolean' ? { lists } : {}) };
}

/**
 * The content script's one job: observe, as the settings allow. It first asks what this frame may
 * do and does nothing before the answer: on a paused site, or with every family off, it scans
 * nothing, watches nothing and sends nothing. A family off is not run at all. When the settings
 * change it asks again and starts or stops what changed. Returns a teardown.
 */
export function startContent(options: ContentOptions): () => void {
  const { ports } = options;
  let runtime: Runtime | null = null;
  let stopped = false;
  let ticket = 0;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  // From the start (document_start): what loaded before the settings answer is sent after it, unless paused.
  const sendTimings = ports.sendResourceTiming?.bind(ports);
  const timings = sendTimings ? watchResourceTiming(options.win, sendTimings) : null;
  const onHide = () => timings?.flush();
  if (timings) options.win.addEventListener('pagehide', onHide);

  const apply = (settings: ContentSettings) => {
    const on = !settings.paused;
    if (on) timings?.enable();
    else timings?.disable();
    const wanted: Active = {
      ads: on && settings.families.ads,
      darkPatterns: on && settings.families.darkPatterns,
      engagement: on && settings.families.engagement && options.countEngagement,
      // Without the flag (an older background), ask as before: the first answer says whether the list is on.
      lists: on && settings.families.ads && settings.lists !== false,
    };
    if (!runtime && !wanted.ads && !wanted.darkPatterns && !wanted.engagement) return;
    runtime ??= createRuntime(options);
    runtime.configure(wanted);
  };

  const ask = () => {
    const mine = ++ticket;
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    void Promise.resolve()
      .then(() => ports.settings())
      .catch(() => null)
      .then((settings) => {
        if (stopped || mine !== ticket) return;
        if (settings) {
          retries = 0;
          apply(settings);
        } else if (retries < SETTINGS_RETRY_MS.length) {
          retryTimer = setTimeout(ask, SETTINGS_RETRY_MS[retries++]);
        }
      });
  };
  const unsubscribe = ports.onSettingsChanged(() => {
    retries = 0;
    ask();
  });
  ask();

  return () => {
    stopped = true;
    if (retryTimer !== null) clearTimeout(retryTimer);
    unsubscribe();
    timings?.stop();
    options.win.removeEventListener('pagehide', onHide);
    runtime?.stop();
  };
}

interface Runtime {
  configure(wanted: Active): void;
  stop(): void;
}

/** Everything that observes the page, created once something is on; families start and stop in it. */
function createRuntime({ win, ports, passes, indexSpec, ruleIdOf, frameIsAd, maxMsPerSecond }: ContentOptions): Runtime {
  const doc = win.document;
  let active: Active = { ...NOTHING };
  let wanted: Active = { ...NOTHING };
  let stopped = false;
  // Whether this frame is itself an ad: unknown until asked, and asked only when ads are wanted.
  let adFrame: boolean | null = frameIsAd ? null : false;
  let askingAdFrame = false;

  const verdicts = createVerdictCache((urls) => ports.classifyUrls(urls), { now: () => win.performance.now() });
  const askList = ports.listSelectors?.bind(ports);
  // Made when EasyList is first on: while it is off (the default) nothing is collected or asked.
  let lists: ReturnType<typeof createListSelectorCache> | null = null;
  let loadingLists = false;
  // Reports of a family turned off (or a site paused) since they were queued are not sent.
  const reporter = createFindingsReporter((findings) => {
    const allowed = findings.filter((f) => (f.kind === 'ad' ? active.ads : active.darkPatterns));
    return allowed.length > 0 ? ports.sendFindings(allowed) : Promise.resolve();
  }, ruleIdOf);
  const impressions = watchImpressions(win, (el) => reporter.impression(el));
  const lang = (doc.documentElement.getAttribute('lang') ?? '').slice(0, 2).toLowerCase() || null;
  const loadedAt = Math.round(win.performance.timeOrigin);
  // Trusted key and pointer input only: tells a prompt the person opened from one that jumped out.
  let lastUserGestureAt: number | null = null;
  const onGesture = (event: Event) => {
    if (event.isTrusted) lastUserGestureAt = Date.now();
  };
  for (const type of ['pointerdown', 'keydown']) win.addEventListener(type, onGesture, { capture: true, passive: true });
  let countdowns: CountdownWatcher | null = null;
  const texts = createTextFactsClient((list) => ports.classifyTexts(list, lang));
  const context = async (roots: readonly ParentNode[]): Promise<ScanContext> => {
    // Frame sources and list rules serve ad detectors only.
    if (active.ads) await Promise.all([verdicts.prepare(roots), active.lists ? lists?.prepare(roots) : undefined]);
    return {
      win,
      lang,
      verdict: verdicts.verdict,
      text: texts.lookup,
      settle: texts.settle,
      misses: texts.misses,
      now: () => Date.now(),
      loadedAt,
      lastUserGestureAt,
      countdowns: countdowns?.readout,
      listSelectors: active.ads && active.lists ? lists?.selectors() : undefined,
    };
  };
  const idle = (): PassResult => ({ findings: [], errors: [] });
  const scanner = createScanner({
    win,
    passes: passes.map(({ family, pass }): Pass => (root, ctx) => (active[family] ? pass(root, ctx) : idle())),
    indexSpec,
    context,
    maxMsPerSecond,
    onFindings: (findings) => {
      for (const { finding } of reporter.add(findings)) if (finding.kind === 'ad') impressions.observe(finding.element);
    },
    onError: (detectorId, error) => console.warn(`[beaker] detector ${detectorId} failed`, error),
  });

  let sender: BatchSender | null = null;
  let stopEngagement: (() => void) | null = null;

  // Loaded on the first request; requests are applied in the order they came, after the load. A
  // failed load is logged (its error names the module, lib/content/on-demand.ts) and tried again.
  let highlighter: Promise<Highlighter | null> | null = null;
  const stopHighlight = ports.onHighlight((items) => {
    // Every frame of the tab hears the request: one that holds none of the units loads nothing.
    if (!highlighter && !items?.some(({ unitId }) => reporter.lookup(unitId)?.isConnected)) return;
    highlighter ??= ports.loadHighlighter().then(
      (create) => create(doc),
      (error: unknown) => {
        console.warn('[beaker]', error);
        highlighter = null;
        return null;
      },
    );
    void highlighter.then((h) => {
      if (!h) return;
      // Stopped meanwhile: a clear still clears, nothing new is shown.
      if (!items || stopped) return h.clear();
      const shown: { element: Element; label: string }[] = [];
      for (const { unitId, label } of items) {
        const element = reporter.lookup(unitId);
        if (element?.isConnected) shown.push({ element, label });
      }
      h.show(shown);
    });
  });

  const onHide = () => {
    sender?.flush();
    reporter.flush();
  };
  win.addEventListener('pagehide', onHide);
  let domReady = doc.readyState !== 'loading';
  const onReady = () => {
    domReady = true;
    if (stopped) return;
    syncCountdowns();
    if (active.ads || active.darkPatterns) scanner.start();
  };

  /**
   * The countdown watcher runs while dark patterns are wanted, from DOM ready on: before that, the
   * parser's every insertion is a mutation (the content script starts at document_start), and a
   * timer is only confirmed by watching it tick for a while anyway. Measured on the demo news page
   * (`npx tsx scripts/bench/profile-page.ts`): the watcher's look-ups during parsing were about a
   * quarter of Beaker's script time there.
   */
  function syncCountdowns(): void {
    if (active.darkPatterns && domReady && !countdowns) countdowns = watchCountdowns(win, { onCountdown: (sighting) => scanner.rescan(sighting.element) });
    else if (!active.darkPatterns && countdowns) {
      countdowns.stop();
      countdowns = null;
    }
  }
  if (!domReady) doc.addEventListener('DOMContentLoaded', onReady, { once: true });

  /** Make what runs match `next`. */
  function enact(next: Active): void {
    const before = active;
    active = next;
    if (next.lists && !lists && !loadingLists && askList) {
      // Loaded on first use; then a full pass, as when the rules are turned on (below).
      loadingLists = true;
      ports.loadListSelectors().then(
        (create) => {
          lists = create(doc, askList);
          if (stopped || !active.ads || !active.lists) return;
          scanner.stop();
          if (domReady) scanner.start();
        },
        (error: unknown) => {
          loadingLists = false;
          console.warn('[beaker]', error);
        },
      );
    }
    if (next.engagement && !stopEngagement) {
      const batch = createBatchSender((acts) => ports.sendEngagement(acts));
      sender = batch;
      stopEngagement = watchEngagement(win, { report: (act) => batch.add(act), isExcluded: (el) => scanner.isInsideFinding(el) });
    } else if (!next.engagement && stopEngagement) {
      stopEngagement();
      sender?.stop();
      stopEngagement = null;
      sender = null;
    }
    syncCountdowns();
    const scanning = next.ads || next.darkPatterns;
    // EasyList turned on adds rules to the ads family: a full pass for them too.
    const gained = (next.ads && !before.ads) || (next.darkPatterns && !before.darkPatterns) || (next.ads && next.lists && !before.lists);
    if (!scanning) scanner.stop();
    else if (gained) {
      // A family turned on: a full pass over the page for it. Elements reported already are not
      // reported again (the scanner remembers them across a stop).
      scanner.stop();
      if (domReady) scanner.start();
    }
  }

  return {
    configure(next) {
      wanted = next;
      if (stopped) return;
      // An ad frame's own ads are its parent's unit, and clicks in it are on an ad, not engagement.
      if ((next.ads || next.engagement) && adFrame === null && frameIsAd) {
        if (!askingAdFrame) {
          askingAdFrame = true;
          void frameIsAd()
            .catch(() => false)
            .then((isAd) => {
              adFrame = isAd;
              if (!stopped) enact({ ...wanted, ads: wanted.ads && !isAd, engagement: wanted.engagement && !isAd });
            });
        }
        enact({ ...next, ads: false, engagement: false });
        return;
      }
      enact({ ...next, ads: next.ads && adFrame === false, engagement: next.engagement && adFrame === false });
    },
    stop() {
      stopped = true;
      active = { ...NOTHING };
      scanner.stop();
      countdowns?.stop();
      for (const type of ['pointerdown', 'keydown']) win.removeEventListener(type, onGesture, { capture: true });
      doc.removeEventListener('DOMContentLoaded', onReady);
      impressions.disconnect();
      stopEngagement?.();
      sender?.stop();
      reporter.stop();
      stopHighlight();
      void highlighter?.then((h) => h?.clear());
      win.removeEventListener('pagehide', onHide);
    },
  };
}
