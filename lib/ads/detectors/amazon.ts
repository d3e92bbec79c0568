import type { AdFinding, DetectorContext } from '../../core/detector';
import { baseUrlOf, creativeImageUnit, FindingList, hasCreative, isShown, sourceHostUnder, type AdDetector } from '../shared/ad-detector';
import { indexOf } from '../../core/page-index';
import { describe } from '../../core/safe-dom';

const NETWORK = 'Amazon';

/**
 * Amazon's ad markup, precisely. Not `[id^="amzn-"]`: Amazon Pay (`#amzn-pay-button`), captcha and
 * sign-in widgets use that prefix too (negative fixture `widget-lookalikes`). Instead:
 * - Native Shopping Ads: the placeholder `<div id="amzn-assoc-ad-<uuid>">` that Amazon's onejs
 *   script fills (older tags: `amzn_assoc_ad_div_…`), once filled;
 * - creatives served from amazon-adsystem.com: Associates banners (`rcm-*.amazon-adsystem.com`
 *   frames), Associates image links (`ws-*.amazon-adsystem.com` images inside a link) and TAM/UAM
 *   frames (`aax*.amazon-adsystem.com`). The 1×1 `ir-*` pixel next to them and hidden sync frames
 *   are not units.
 * TAM/UAM bids that win in Google Ad Manager render inside GPT slots, found by `ads/gpt-slot`.
 */
const PLACEHOLDERS = 'div[id^="amzn-assoc-ad-"], div[id^="amzn_assoc_ad_div_"]';
const AD_SYSTEM = ['amazon-adsystem.com'];

export const amazon: AdDetector = {
  id: 'ads/amazon',
  version: 1,
  description: 'Amazon ads: filled Native Shopping Ads placeholders and shown frames or linked images served from amazon-adsystem.com.',
  sources: { attrs: ['id'], tags: ['iframe', 'img'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(amazon);
    const index = indexOf(root, ctx);
    const placeholders = index.select(PLACEHOLDERS, { attrs: ['id'] });
    for (let i = 0; i < placeholders.length; i++) {
      const el = placeholders[i]!;
      if (!isShown(el) || !hasCreative(el)) continue;
      out.add(el, NETWORK, 'native-shopping-ad', `Native Shopping Ads placeholder ${describe(el)}, filled`);
    }
    const base = baseUrlOf(root);
    const media = index.select('iframe[src], img[src]', { tags: ['iframe', 'img'] });
    for (let i = 0; i < media.length; i++) {
      const el = media[i]!;
      const host = sourceHostUnder(el, AD_SYSTEM, base);
      if (host === null || !isShown(el)) continue;
      if (el.localName === 'img') {
        const unit = creativeImageUnit(el, root);
        if (unit === null) continue;
        out.add(unit, NETWORK, 'adsystem-image', `image from ${host}${unit !== el ? ' inside a link' : ''}`);
        out.addSize(unit, el);
        continue;
      }
      out.add(el, NETWORK, 'adsystem-frame', `frame from ${host}`);
      out.addSize(el, el);
    }
    return out.findings;
  },
  examples: [
    {
      html: `<div id="amzn-assoc-ad-0a1b2c3d-4e5f-6789-abcd-ef0123456789"><div class="amzn-native-container"><a href="https://www.amazon.com/dp/B000000001?tag=site-20"><img src="https://m.media-amazon.com/images/I/41abc.jpg" alt=""></a></div></div>`,
      count: 1,
    },
    {
      html: `<iframe sandbox="allow-popups allow-scripts allow-modals allow-forms allow-same-origin" style="width:120px;height:240px;" marginwidth="0" marginheight="0" scrolling="no" frameborder="0" src="//ws-na.amazon-adsystem.com/widgets/q?ServiceVersion=20070822&amp;OneJS=1&amp;Operation=GetAdHtml&amp;MarketPlace=US&amp;ad_type=product_link&amp;tracking_id=site-20&amp;asins=B000000001"></iframe>`,
      count: 1,
      pageUrl: 'https://blog.example-news.test/',
    },
    {
      html: `<a target="_blank" href="https://www.amazon.com/dp/B000000002?tag=site-20"><img border="0" src="//ws-na.amazon-adsystem.com/widgets/q?_encoding=UTF8&amp;ASIN=B000000002&amp;Format=_SL250_&amp;ID=AsinImage&amp;MarketPlace=US&amp;ServiceVersion=20070822&amp;WS=1&amp;tag=site-20"></a><img src="https://ir-na.amazon-adsystem.com/e/ir?t=site-20&amp;l=am2&amp;o=1&amp;a=B000000002" width="1" height="1" border="0" alt="" style="border:none !important; margin:0px !important;">`,
      count: 1,
    },
  ],
  counterExamples: [
    { html: `<div id="amzn-pay-button"><button>Pay with Amazon</button></div>`, why: 'Amazon Pay checkout button shares the amzn- prefix' },
    { html: `<div id="amzn-assoc-ad-11111111-2222-3333-4444-555555555555"></div>`, why: 'a Native Shopping Ads placeholder the script has not filled' },
    { html: `<img src="https://ir-na.amazon-adsystem.com/e/ir?t=site-20&amp;o=1" width="1" height="1" alt="">`, why: 'Associates impression pixel' },
    { html: `<p>Buy it <a href="https://www.amazon.com/dp/B000000003?tag=site-20">on Amazon</a>.</p>`, why: 'an affiliate text link in editorial copy, not an ad unit' },
  ],
};
