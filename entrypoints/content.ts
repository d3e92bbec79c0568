import { defineContentScript } from '#imports';
import { runContentScript } from '@/lib/content/content-script';
import { createHighlighter } from '@/lib/content/highlight';
import { createListSelectorCache } from '@/lib/content/list-selectors';

// Firefox: the whole content script, injected as is. Chrome gets a small loader instead
// (wxt.config.ts, CONTENT_LOADER, which imports entrypoints/content-main.ts; ARCHITECTURE.md,
// "The content script's loader"). WXT's context is an empty class here (wxt.config.ts,
// NO_HANDSHAKE_CONTEXT): the script owns its lifecycle, so a page cannot stop it.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // Consent platforms draw their dialog in frames, some of them about:blank (issue #11).
  matchAboutBlank: true,
  runAt: 'document_start',
  include: ['firefox'],
  main() {
    // One bundle in Firefox (no loader): what Chrome imports on demand (lib/content/on-demand.ts) is in it.
    runContentScript({ loadHighlighter: async () => createHighlighter, loadListSelectors: async () => createListSelectorCache });
  },
});
