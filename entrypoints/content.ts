import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { startContent, type ContentPorts } from '@/lib/content/start-content';
import { passesForFrame, versionedDetectorId } from '@/lib/content/passes';
import type { HostVerdict, TextFacts } from '@/lib/core/detector';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    const ports: ContentPorts = {
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
    const begin = (frameIsAd: boolean) => {
      // Engagement counts in the top frame only: a click inside an embedded frame is as likely to
      // be on an ad as on content.
      const stop = startContent({ win: window, ports, passes: passesForFrame(frameIsAd), countEngagement: isTop, ruleIdOf: versionedDetectorId });
      ctx.onInvalidated(stop);
    };
    if (isTop) begin(false);
    else {
      // A subframe asks first whether it is itself served from an ad host.
      void ports
        .classifyUrls([location.href])
        .then((verdicts) => {
          const v = verdicts[location.href];
          return v?.category === 'advertising' || v?.category === 'pornvertising';
        })
        .catch(() => false)
        .then((frameIsAd) => {
          if (!ctx.isInvalid) begin(frameIsAd);
        });
    }
  },
});
