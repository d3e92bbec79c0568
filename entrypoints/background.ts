import { defineBackground } from '#imports';
import { startBackground } from '@/lib/background/start';

// A classic script, not `type: 'module'`: a service worker may not `import()` (HTML spec; Chrome
// throws), while a classic one may `importScripts` what it imported at install, which is how the
// text classifier is loaded on first use (lib/background/text-facts-cache.ts).
export default defineBackground(() => {
  startBackground();
});
