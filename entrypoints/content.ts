import { defineContentScript } from '#imports';
import { runContentScript } from '@/lib/content/content-script';

// Firefox: the whole content script, injected as is. Chrome gets a small loader instead
// (wxt.config.ts, CONTENT_LOADER, which imports entrypoints/content-main.ts; ARCHITECTURE.md,
// "The content script's loader").
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  include: ['firefox'],
  main(ctx) {
    runContentScript(ctx);
  },
});
