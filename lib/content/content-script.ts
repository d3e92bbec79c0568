import { browser } from 'wxt/browser';
import { parseContentSettings, startContent, type ContentPorts } from './start-content';
import { CONTENT_INDEX_SPEC, FAMILY_PASSES, versionedDetectorId } from './passes';
import type { HostVerdict, TextFacts } from '../core/detector';

/** Scanner time a subframe may use a second (three 8 ms slices). */
const SUBFRAME_SCAN_MS_PER_SECOND = 24;

/**
 * The content script's body, the same in both browsers: the extension API wired to
 * `startContent`. Firefox runs it as the content script itself (entrypoints/content.ts); Chrome
 * runs it from the module its small loader imports (entrypoints/content-main.ts,
 * ARCHITECTURE.md "The content script's loader"). It owns its lifecycle: nothing the page can
 * send or dispatch stops it (no WXT handshake), only the extension going away.
 */
export function runContentScript(options: Pick<ContentPorts, 'loadHighlighter' | 'loadListSelectors'>): void {
  let stop: (() => void) | null = null;
  let invalidated = false;
  const invalidate = () => {
    if (invalidated) return;
    invalidated = true;
    stop?.();
  };
  // After the extension is updated, disabled or removed, this script is orphaned: the API is gone
  // (`runtime.id` reads undefined) and every message fails. Then it stops observing the page.
  const send = (message: unknown): Promise<unknown> =>
    browser.runtime.sendMessage(message).catch((error: unknown) => {
      if (browser.runtime?.id == null) invalidate();
      throw error;
    });
  const ports: ContentPorts = {
    loadHighlighter: options.loadHighlighter,
    loadListSelectors: options.loadListSelectors,
    // The background answers for the page's site; nothing is scanned or sent before it has.
    settings: async () => parseContentSettings(await send({ type: 'get-content-settings', url: location.href.slice(0, 2048) })),
    onSettingsChanged(listener) {
      // Reading only: the background is the one writer of the settings (`local:settings`).
      const handler = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && 'settings' in changes) listener();
      };
      browser.storage.onChanged.addListener(handler);
      return () => browser.storage.onChanged.removeListener(handler);
    },
    sendEngagement: (acts) => send({ type: 'engagement', acts }),
    sendFindings: (findings) => send({ type: 'findings', findings }),
    sendResourceTiming: (report) => send({ type: 'resource-timing', ...report }),
    classifyUrls: async (urls) => {
      const answer = (await send({ type: 'classify-urls', urls })) as { verdicts?: Record<string, HostVerdict | null> } | undefined;
      return answer?.verdicts ?? {};
    },
    classifyTexts: async (texts, lang) => {
      const answer = (await send({ type: 'classify-texts', texts, lang })) as { facts?: unknown } | undefined;
      return Array.isArray(answer?.facts) && answer.facts.length === texts.length ? (answer.facts as TextFacts[]) : null;
    },
    // Asked only while EasyList is on (the `get-content-settings` answer says; off by default).
    listSelectors: (request) => send({ type: 'list-selectors', ...request }),
    onHighlight(listener) {
      // Only the extension's own pages may ask (no `sender.tab`: not another content script).
      const handler = (message: unknown, sender: { id?: string; tab?: unknown }) => {
        if (sender.id !== browser.runtime.id || sender.tab) return;
        const m = message as { type?: unknown; items?: unknown };
        if (m?.type !== 'highlight') return;
        if (m.items === null) return listener(null);
        if (!Array.isArray(m.items)) return;
        listener(
          m.items
            .slice(0, 200)
            .filter((i): i is { unitId: string; label: string } => typeof i?.unitId === 'string' && typeof i?.label === 'string')
            .map((i) => ({ unitId: i.unitId.slice(0, 80), label: i.label.slice(0, 120) })),
        );
      };
      browser.runtime.onMessage.addListener(handler);
      return () => browser.runtime.onMessage.removeListener(handler);
    },
  };
  const isTop = window.top === window;
  const start = () => (stop = startContent({
    win: window,
    ports,
    passes: FAMILY_PASSES,
    indexSpec: CONTENT_INDEX_SPEC,
    // Engagement counts in every frame (a comment form or a video in an iframe is the person's too,
    // issue #10 item 3), attributed by the background to the tab's top-level visit; a subframe
    // served from an ad host does not count (frameIsAd, asked before engagement starts there).
    countEngagement: true,
    // A subframe's scan has a rate budget: a page of 1,000 frames costs each no more than its own.
    maxMsPerSecond: isTop ? undefined : SUBFRAME_SCAN_MS_PER_SECOND,
    ruleIdOf: versionedDetectorId,
    // A subframe served from an ad host is itself the unit: its ads are not looked for again.
    frameIsAd: isTop
      ? undefined
      : () =>
          ports.classifyUrls([location.href]).then((verdicts) => {
            const v = verdicts[location.href];
            return v?.category === 'advertising' || v?.category === 'pornvertising';
          }),
  }));
  // A subframe starts in a task of its own: Chromium starts the content scripts of frames it
  // committed together in one task, and a page adding 1,000 frames would get them all at once.
  if (isTop) start();
  else setTimeout(() => invalidated || start(), 0);
}
