import type { AdFinding, DetectorContext } from '../../core/detector';
import { FindingList, isShown, shownFrameIn, type AdDetector } from '../shared/ad-detector';
import { indexOf, type Source } from '../../core/page-index';
import { attr, describe } from '../../core/safe-dom';

const NETWORK = 'Google Ad Manager';

/**
 * Google Publisher Tag slot markup. GPT renders a slot `<div id="div-gpt-ad-…">` (the id the
 * publisher passed to `googletag.defineSlot`) as
 * `<div id="google_ads_iframe_/<network>/<unit>_0__container__"><iframe id="google_ads_iframe_…">`
 * and stamps `data-google-query-id` on the slot when it requests an ad; publishers with their own
 * slot ids (`#ad-top`) are found by that stamp. A slot counts once it holds a shown frame: an empty
 * placeholder or a slot GPT collapsed (`display:none`, `collapseEmptyDivs`) shows no ad.
 */
const RULES: readonly { rule: string; selector: string; from: Source; what: string }[] = [
  { rule: 'slot-div', selector: 'div[id^="div-gpt-ad"]', from: { attrs: ['id'] }, what: 'GPT slot div' },
  { rule: 'query-id', selector: '[data-google-query-id]', from: { attrs: ['data-google-query-id'] }, what: 'slot stamped with data-google-query-id' },
  { rule: 'iframe-container', selector: 'div[id^="google_ads_iframe_"][id$="__container__"]', from: { attrs: ['id'] }, what: 'GPT iframe container' },
];

export const gptSlot: AdDetector = {
  id: 'ads/gpt-slot',
  version: 1,
  description: 'Google Publisher Tag / Ad Manager slots (div-gpt-ad, data-google-query-id, google_ads_iframe containers) that hold a shown ad frame.',
  sources: { attrs: ['id', 'data-google-query-id'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(gptSlot);
    const index = indexOf(root, ctx);
    for (let r = 0; r < RULES.length; r++) {
      const rule = RULES[r]!;
      const candidates = index.select(rule.selector, rule.from);
      for (let i = 0; i < candidates.length; i++) {
        const slot = candidates[i]!;
        if (!isShown(slot)) continue;
        const frame = shownFrameIn(slot);
        if (frame === null) continue;
        const queryId = attr(slot, 'data-google-query-id');
        let detail = `${rule.what} ${describe(slot)} holds ${describe(frame)}`;
        if (queryId !== null && rule.rule !== 'query-id') detail += ' (data-google-query-id set)';
        out.add(slot, NETWORK, rule.rule, detail);
        out.addSize(slot, frame);
      }
    }
    return out.findings;
  },
  examples: [
    {
      html: `<div id="div-gpt-ad-1234567-0" data-google-query-id="CKbX2Jq3"><div id="google_ads_iframe_/1234/home/top_0__container__" style="border: 0pt none;"><iframe id="google_ads_iframe_/1234/home/top_0" name="google_ads_iframe_/1234/home/top_0" title="3rd party ad content" width="728" height="90" frameborder="0" src="https://securepubads.g.doubleclick.net/static/container.html"></iframe></div></div>`,
      count: 1,
    },
    {
      html: `<div id="ad-sidebar" data-google-query-id="CNv0"><iframe id="google_ads_iframe_/1234/side_0" width="300" height="250"></iframe></div>`,
      count: 1,
    },
  ],
  counterExamples: [
    { html: `<div id="div-gpt-ad-1234567-1"></div>`, why: 'a defined slot GPT has not filled (yet)' },
    {
      html: `<div id="div-gpt-ad-1234567-2" data-google-query-id="CKx" style="display: none;"><div id="google_ads_iframe_/1234/home/mid_0__container__"><iframe id="google_ads_iframe_/1234/home/mid_0" width="300" height="250"></iframe></div></div>`,
      why: 'a slot GPT collapsed because no ad came back (collapseEmptyDivs)',
    },
    { html: `<div id="div-gpt-ad-9-0"><iframe width="0" height="0" style="display:none"></iframe></div>`, why: 'only a hidden helper frame inside' },
  ],
};
