import type { AdFinding, DetectorContext } from '../../core/detector';
import { FindingList, hasCreative, isShown, shownFrameIn, withinRoot, type AdDetector } from '../shared/ad-detector';
import { idsFromInlineScripts } from '../shared/inline-scripts';
import { indexOf } from '../../core/page-index';
import { attr, describe, documentOf, elementById, parentOf, tagOf } from '../../core/safe-dom';

const NETWORK = 'Prebid';

/**
 * `adUnits: [{ code: 'div-top', … }]` in a config that mentions `pbjs`: Prebid's ad unit code is the
 * id of the element the winning ad renders into (docs.prebid.org, "Prebid as ad server" and every
 * GPT integration example). Quotes of either kind, JSON or object-literal keys.
 */
const AD_UNIT_CODE = /["']?\bcode["']?\s*:\s*(["'])(?<id>[^"'\\\r\n]{1,200})\1/g;

/**
 * Prebid.js header bidding. Its markup is the publisher's: ad unit elements named by `code` in the
 * inline `pbjs` config; the `postbid_if…` frame of Prebid's post-bid template; and, inside a
 * creative's own frame, the Prebid Universal Creative script that renders the winning bid (then the
 * whole frame document is the unit, reported as its body). An ad unit counts once it holds a shown
 * frame or creative; a config naming an element that stays empty counts nothing.
 * Misses: configs loaded from an external file, which is common (see the report's weaknesses).
 */
export const prebid: AdDetector = {
  id: 'ads/prebid',
  version: 1,
  description: 'Prebid.js ad units (elements named by adUnits[].code in inline pbjs config), post-bid frames and Universal Creative frames that hold a shown ad.',
  sources: { tags: ['iframe', 'script'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(prebid);
    const doc = documentOf(root);
    if (doc !== null) {
      const codes = idsFromInlineScripts(root, 'pbjs', AD_UNIT_CODE);
      for (let i = 0; i < codes.length; i++) {
        const el = elementById(doc, codes[i]!);
        if (el === null || !withinRoot(el, root) || !isShown(el) || !hasCreative(el)) continue;
        const frame = shownFrameIn(el);
        out.add(el, NETWORK, 'ad-unit-code', `pbjs adUnits code '${codes[i]}' names ${describe(el)}, which holds ${frame ? describe(frame) : 'a creative'}`);
        if (frame) out.addSize(el, frame);
      }
    }
    const index = indexOf(root, ctx);
    const postbid = index.select('iframe[id^="postbid_if"]', { tags: ['iframe'] });
    for (let i = 0; i < postbid.length; i++) {
      const frame = postbid[i]!;
      if (!isShown(frame)) continue;
      out.add(frame, NETWORK, 'postbid-frame', `Prebid post-bid frame ${describe(frame)}`);
      out.addSize(frame, frame);
    }
    const creatives = index.select('script[src*="prebid-universal-creative"]', { tags: ['script'] });
    for (let i = 0; i < creatives.length; i++) {
      const script = creatives[i]!;
      const parent = parentOf(script);
      const unit = parent === null ? null : tagOf(parent) === 'head' || tagOf(parent) === 'html' ? (doc?.body ?? null) : parent;
      if (unit === null || !withinRoot(unit, root) || !isShown(unit) || !hasCreative(unit)) continue;
      out.add(unit, NETWORK, 'universal-creative', `Prebid Universal Creative ${attr(script, 'src') ?? ''} renders into ${describe(unit)}`);
    }
    return out.findings;
  },
  examples: [
    {
      html: `<script>var pbjs = pbjs || {}; pbjs.que = pbjs.que || []; var adUnits = [{ code: 'ad-rail', mediaTypes: { banner: { sizes: [[300, 600]] } }, bids: [{ bidder: 'appnexus', params: { placementId: 13144370 } }] }];</script>
<div id="ad-rail"><iframe width="300" height="600" frameborder="0" scrolling="no"></iframe></div>`,
      count: 1,
    },
    { html: `<iframe id="postbid_if" width="300" height="250" frameborder="0" scrolling="no"></iframe>`, count: 1 },
    {
      html: `<script src="https://cdn.jsdelivr.net/npm/prebid-universal-creative@latest/dist/creative.js"></script><a href="https://ad.example-dsp.test/click?id=1"><img src="https://cdn.example-dsp.test/banner.jpg" width="300" height="250"></a>`,
      count: 1,
    },
  ],
  counterExamples: [
    {
      html: `<script>var pbjs = pbjs || {}; var adUnits = [{ code: 'ad-top', mediaTypes: { banner: { sizes: [[728, 90]] } } }];</script><div id="ad-top"></div>`,
      why: 'an ad unit Prebid did not fill (no bid, or not rendered yet)',
    },
    {
      html: `<script>var promo = { code: 'promo-box' };</script><div id="promo-box"><a href="/sale"><img src="/img/sale.jpg" width="300" height="250"></a></div>`,
      why: "a `code:` key in a script that is not Prebid's (a coupon code, a shop promo)",
    },
  ],
};
