import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { parseContentSettings, startContent, type ContentPorts } from '@/lib/content/start-content';
import { CONTENT_INDEX_SPEC, FAMILY_PASSES, versionedDetectorId } from '@/lib/content/passes';
import type { HostVerdict, TextFacts } from '@/lib/core/detector';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    const ports: ContentPorts = {
      // The background answers for the page's site; nothing is scanned or sent before it has.
      settings: async () => parseContentSettings(await browser.runtime.sendMessage({ type: 'get-content-settings', url: location.href.slice(0, 2048) })),
      onSettingsChanged(listener) {
        // Reading only: the background is the one writer of the settings (`local:settings`).
        const handler = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && 'settings' in changes) listener();
        };
        browser.storage.onChanged.addListener(handler);
        return () => browser.storage.onChanged.removeListener(handler);
      },
      sendEngagement: (acts) => browser.runtime.sendMessage({ type: 'engagement', acts }),
      sendFindings: (findings) => browser.runtime.sendMessage({ type: 'findings', findings }),
      classifyUrls: async (urls) => {
        const answer = (await browser.runtime.sendMessage({ type: 'classify-urls', urls })) as { verdicts?: Record<string, HostVerdict | null> } | undefined;
        return answer?.verdicts ?? {};
      },
      classifyTexts: async (texts, lang) => {
        const answer = (await browser.runtime.sendMessage({ type: 'classify-texts', texts, lang })) as { facts?: unknown } | undefined;
        return Array.isArray(answer?.facts) && answer.facts.length === texts.length ? (answer.facts as TextFacts[]) : null;
      },
      // The background answers `{ state: 'off' }` while the EasyList setting is off (the default).
      listSelectors: (request) => browser.runtime.sendMessage({ type: 'list-selectors', ...request }),
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
    const stop = startContent({
      win: window,
      ports,
      passes: FAMILY_PASSES,
      indexSpec: CONTENT_INDEX_SPEC,
      // Engagement counts in the top frame only: a click inside an embedded frame is as likely to
      // be on an ad as on content.
      countEngagement: isTop,
      ruleIdOf: versionedDetectorId,
      // A subframe served from an ad host is itself the unit: its ads are not looked for again.
      frameIsAd: isTop
        ? undefined
        : () =>
            ports.classifyUrls([location.href]).then((verdicts) => {
              const v = verdicts[location.href];
              return v?.category === 'advertising' || v?.category === 'pornvertising';
            }),
    });
    ctx.onInvalidated(stop);
  },
});
