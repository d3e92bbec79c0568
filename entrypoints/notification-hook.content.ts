import { defineContentScript } from '#imports';
import { installNotificationHook } from '@/lib/dark-patterns/detectors/notification-hook';

// The page's own `Notification` is only reachable from its MAIN world. Chrome only: Firefox MV2
// content scripts cannot ask for the MAIN world, so Firefox goes without this hint.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  world: 'MAIN',
  include: ['chrome'],
  main() {
    installNotificationHook();
  },
});
