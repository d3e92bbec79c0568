import type { AdFinding, DetectorContext } from '../../core/detector';
import { FindingList, hasCreative, isShown, type AdDetector } from '../shared/ad-detector';
import { append, attr, describe, matches, queryAll, tagOf } from '../../core/safe-dom';

/** Selectors tried in one `querySelectorAll`: one walk of the tree instead of one per selector. */
const CHUNK = 100;
/** Whole-page elements: a rule matching them names the page, not a unit. */
const PAGE_TAGS = /^(?:html|head|body)$/;
/** Elements that are a creative themselves (a link only with an address). */
const CREATIVE_TAGS = /^(?:iframe|img|video|picture|a)$/;

/** Elements under `root` matching `selector`, or null when it is not valid CSS here (the list serves many engines). */
function query(root: ParentNode, selector: string): Element[] | null {
  try {
    return queryAll(root, selector);
  } catch {
    return null;
  }
}

/**
 * Elements matching EasyList's element-hiding selectors for this page (`ctx.listSelectors`, sent by
 * the background when the person turned the list on; lib/ads/lists/). Beaker only counts them; nothing
 * is hidden. A match counts when it is shown and holds (or is) a creative: EasyList also hides
 * empty slots and their labels, which are not rendered units. Supporting evidence: last in merge
 * order, and the network stays null unless another detector names it. Quiet without selectors.
 */
export const listSelector: AdDetector = {
  id: 'ads/list-selector',
  version: 1,
  description: 'Shown creatives matching the EasyList selectors sent for the page (optional list).',
  // The one exception to "one walk" (ARCHITECTURE.md): EasyList's selectors are arbitrary CSS the
  // page walk cannot prefilter, so they run as `querySelectorAll` in chunks of 100, and only when
  // the person turned the list on and the background narrowed them to this page's ids and classes.
  sources: {},
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(listSelector);
    const selectors = ctx.listSelectors ?? [];
    const report = (el: Element, selector: string) => {
      const tag = tagOf(el);
      if (PAGE_TAGS.test(tag) || !isShown(el) || !((CREATIVE_TAGS.test(tag) && (tag !== 'a' || attr(el, 'href') !== null)) || hasCreative(el))) return;
      out.add(el, null, 'easylist', `${describe(el)} matches EasyList '${selector}'`);
    };
    for (let start = 0; start < selectors.length; start += CHUNK) {
      const chunk: string[] = [];
      let group = '';
      for (let i = start; i < selectors.length && i < start + CHUNK; i++) {
        group += `${group && ', '}${selectors[i]!}`;
        append(chunk, selectors[i]!);
      }
      const found = query(root, group);
      for (let i = 0; found !== null && i < found.length; i++) {
        // The chunk parsed as a whole, so each of its selectors does: the first that matches is the reason.
        let j = 0;
        while (j < chunk.length - 1 && !matches(found[i]!, chunk[j]!)) j++;
        report(found[i]!, chunk[j]!);
      }
      // A selector in the chunk is not valid CSS here: the others one by one, the invalid ones skipped.
      for (let j = 0; found === null && j < chunk.length; j++) {
        const one = query(root, chunk[j]!);
        for (let k = 0; one !== null && k < one.length; k++) report(one[k]!, chunk[j]!);
      }
    }
    return out.findings;
  },
  examples: [
    {
      html: `<div class="ad-banner"><a href="https://click.adnet.example/c?id=1"><img src="/banners/spring.jpg" width="728" height="90" alt=""></a></div>`,
      count: 1,
      listSelectors: ['.ad-banner'],
    },
    {
      html: `<aside id="sidebar-ad"><iframe width="300" height="250" title="advertisement"></iframe></aside><p>Article text.</p>`,
      count: 1,
      listSelectors: ['div[data-broken', '#sidebar-ad'],
    },
    {
      html: `<p>Read more: <a href="https://click.adnet.example/c?id=2">Cheap flights to Lisbon</a></p>`,
      count: 1,
      listSelectors: ['a[href^="https://click.adnet.example/"]'],
    },
  ],
  counterExamples: [
    { html: `<div class="ad-banner"><a href="/spring"><img src="/banners/spring.jpg" width="728" height="90" alt=""></a></div>`, why: 'the list is off: no selectors' },
    { html: `<div class="ad-banner"></div><div id="sidebar-ad"><span>Advertisement</span></div>`, why: 'slots the list names that hold no creative', listSelectors: ['.ad-banner', '#sidebar-ad'] },
    { html: `<div class="ad-banner" style="display:none"><img src="/banners/spring.jpg" width="728" height="90" alt=""></div>`, why: 'a slot hidden by the page', listSelectors: ['.ad-banner'] },
    { html: `<div data-broken><a href="/x"><img src="/x.jpg" width="300" height="250" alt=""></a></div>`, why: 'a selector that does not parse', listSelectors: ['div[data-broken'] },
    { html: `<div class="ad-banner-caption"><a href="/x"><img src="/x.jpg" width="300" height="250" alt=""></a></div>`, why: 'a class that only starts like one the list names', listSelectors: ['.ad-banner'] },
  ],
};
