import type { EngagementAct, FindingReport } from '../messages';
import type { HostVerdict, TextFacts } from '../core/detector';
import { createTextFactsClient } from './text-facts-client';
import { createBatchSender } from '../engagement/batch-sender';
import { watchEngagement } from '../engagement/watch-engagement';
import { createHighlighter } from './highlight';
import { createScanner, type Pass, type ScanContext } from './scanner';
import { watchImpressions } from './viewability';
import { createFindingsReporter } from './findings-reporter';
import { watchCountdowns } from './watch-countdowns';
import { notificationFinding, readNotificationHookMessage } from '../dark-patterns/detectors/notification-hook';
import { createVerdictCache } from './verdicts';
import { createListSelectorCache, type ListRequest } from './list-selectors';

/** What the content script needs from the extension API (tests pass a fake). */
export interface ContentPorts {
  sendEngagement(acts: EngagementAct[]): Promise<unknown>;
  sendFindings(findings: FindingReport[]): Promise<unknown>;
  classifyUrls(urls: string[]): Promise<Record<string, HostVerdict | null>>;
  /** Text-classifier facts, in order; null when the background did not answer. */
  classifyTexts(texts: string[], lang: string | null): Promise<TextFacts[] | null>;
  /** EasyList selectors for the page (an unvalidated `ListAnswer`); absent: no list. */
  listSelectors?(request: ListRequest): Promise<unknown>;
  /** Subscribe to "show on page" requests; returns an unsubscribe function. */
  onHighlight(listener: (items: { unitId: string; label: string }[] | null) => void): () => void;
}

export interface ContentOptions {
  win: Window;
  ports: ContentPorts;
  passes: readonly Pass[];
  /** The rule id a detector's findings are logged under (`<id>@<version>`). */
  ruleIdOf?: (detectorId: string) => string;
  /** Top frame, or a frame that is not itself an ad: where engagement counts. */
  countEngagement: boolean;
}

/**
 * The content script's one job: observe. Counts the person's own acts, runs the detectors in idle
 * slices, reports findings and impressions, and outlines units on request. Returns a teardown.
 */
export function startContent({ win, ports, passes, countEngagement, ruleIdOf }: ContentOptions): () => void {
  const doc = win.document;
  const verdicts = createVerdictCache((urls) => ports.classifyUrls(urls));
  const ask = ports.listSelectors?.bind(ports);
  const lists = ask ? createListSelectorCache(doc, ask) : null;
  const reporter = createFindingsReporter((findings) => ports.sendFindings(findings), ruleIdOf);
  const impressions = watchImpressions(win, (el) => reporter.impression(el));
  const lang = (doc.documentElement.getAttribute('lang') ?? '').slice(0, 2).toLowerCase() || null;
  const loadedAt = Math.round(win.performance.timeOrigin);
  // Trusted key and pointer input only: tells a prompt the person opened from one that jumped out.
  let lastUserGestureAt: number | null = null;
  const onGesture = (event: Event) => {
    if (event.isTrusted) lastUserGestureAt = Date.now();
  };
  for (const type of ['pointerdown', 'keydown']) win.addEventListener(type, onGesture, { capture: true, passive: true });
  const countdowns = watchCountdowns(win, { onCountdown: (sighting) => scanner.rescan(sighting.element) });
  const texts = createTextFactsClient((list) => ports.classifyTexts(list, lang));
  const context = async (roots: readonly ParentNode[]): Promise<ScanContext> => {
    await Promise.all([verdicts.prepare(roots), lists?.prepare(roots)]);
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
      countdowns: countdowns.readout,
      listSelectors: lists?.selectors(),
    };
  };
  const scanner = createScanner({
    win,
    passes,
    context,
    onFindings: (findings) => {
      for (const { finding } of reporter.add(findings)) if (finding.kind === 'ad') impressions.observe(finding.element);
    },
    onError: (detectorId, error) => console.warn(`[beaker] detector ${detectorId} failed`, error),
  });

  const sender = createBatchSender((acts) => ports.sendEngagement(acts));
  const stopEngagement = countEngagement
    ? watchEngagement(win, { report: (act) => sender.add(act), isExcluded: (el) => scanner.isInsideFinding(el) })
    : () => undefined;

  const highlighter = createHighlighter(doc);
  const stopHighlight = ports.onHighlight((items) => {
    if (!items) return highlighter.clear();
    const shown: { element: Element; label: string }[] = [];
    for (const { unitId, label } of items) {
      const element = reporter.lookup(unitId);
      if (element?.isConnected) shown.push({ element, label });
    }
    highlighter.show(shown);
  });

  // Reports from the page-world notification hook: hints only (the page could forge them).
  const onPageMessage = (event: MessageEvent) => {
    if (event.source !== win) return;
    const report = readNotificationHookMessage(event.data);
    if (!report) return;
    const finding = notificationFinding(report, doc, { lastUserGestureAt });
    if (finding) scanner.offer([finding]);
  };
  win.addEventListener('message', onPageMessage);

  const onHide = () => {
    sender.flush();
    reporter.flush();
  };
  win.addEventListener('pagehide', onHide);
  const begin = () => scanner.start();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', begin, { once: true });
  else begin();

  return () => {
    scanner.stop();
    countdowns.stop();
    win.removeEventListener('message', onPageMessage);
    for (const type of ['pointerdown', 'keydown']) win.removeEventListener(type, onGesture, { capture: true });
    impressions.disconnect();
    stopEngagement();
    sender.stop();
    reporter.stop();
    stopHighlight();
    highlighter.clear();
    win.removeEventListener('pagehide', onHide);
  };
}
