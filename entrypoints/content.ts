import { defineContentScript } from '#imports';
import { runContentScript } from '@/lib/content/content-script';

// Firefox: the whole content script, injected as is. Chrome gets a small loader instead
// (entrypoints/content-loader.content.ts; ARCHITECTURE.md, "The content script's loader").
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  include: ['firefox'],
  main(ctx) {
    runContentScript(ctx);
  },
});
