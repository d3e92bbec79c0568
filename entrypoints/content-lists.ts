import { defineUnlistedScript } from '#imports';
import { createListSelectorCache } from '@/lib/content/list-selectors';
import { defineOnDemand } from '@/lib/content/on-demand';

// Chrome: EasyList's element rules on the page side, imported by the content script when the person
// turned them on in the settings (lib/content/on-demand.ts).
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    defineOnDemand('lists', createListSelectorCache);
  },
});
