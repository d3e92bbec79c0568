import { defineUnlistedScript } from '#imports';
import { runContentScript } from '@/lib/content/content-script';

// Chrome: the content script's body, imported by the loader (wxt.config.ts, CONTENT_LOADER) into
// the content script's isolated world of every frame. Not WXT's content-script context (4 KB for
// every frame): the script stops itself when it finds the extension gone (lib/content/content-script.ts).
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    runContentScript();
  },
});
