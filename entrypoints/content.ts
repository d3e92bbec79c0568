import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { watchEngagement } from '@/lib/engagement/watch-engagement';
import { createBatchSender } from '@/lib/engagement/batch-sender';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main(ctx) {
    const sender = createBatchSender((acts) => browser.runtime.sendMessage({ type: 'engagement', acts }));
    const stop = watchEngagement(window, { report: (act) => sender.add(act) });
    const onHide = () => sender.flush();
    window.addEventListener('pagehide', onHide);
    ctx.onInvalidated(() => {
      stop();
      sender.stop();
      window.removeEventListener('pagehide', onHide);
    });
  },
});
