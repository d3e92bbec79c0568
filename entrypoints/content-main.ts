import { defineUnlistedScript } from '#imports';
import { browser } from 'wxt/browser';
import { runContentScript } from '@/lib/content/content-script';
import type { Highlighter } from '@/lib/content/highlight';
import type { createListSelectorCache } from '@/lib/content/list-selectors';
import { importOnDemand, type OnDemandPath } from '@/lib/content/on-demand';

// Chrome: the content script's body, imported by the loader (wxt.config.ts, CONTENT_LOADER) into
// the content script's isolated world of every frame. Not WXT's content-script context (4 KB for
// every frame): the script stops itself when it finds the extension gone (lib/content/content-script.ts).
// "Show on page" and EasyList's element rules are modules of their own, imported on first use.
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    const getURL = (path: OnDemandPath) => browser.runtime.getURL(path);
    runContentScript({
      loadHighlighter: () => importOnDemand<(doc: Document) => Highlighter>('highlight', getURL),
      loadListSelectors: () => importOnDemand<typeof createListSelectorCache>('lists', getURL),
    });
  },
});
