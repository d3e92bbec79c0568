import { defineUnlistedScript } from '#imports';
import { createHighlighter } from '@/lib/content/highlight';
import { defineOnDemand } from '@/lib/content/on-demand';

// Chrome: "Show on page", imported by the content script on the first request to show one of a
// frame's units (lib/content/on-demand.ts).
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    defineOnDemand('highlight', createHighlighter);
  },
});
