import type { AdFinding, DetectorContext, HostVerdict } from '../../core/detector';
import { absoluteUrl, baseUrlOf, creativeImageUnit, FindingList, hostOf, isShown, type AdDetector } from '../shared/ad-detector';
import { indexOf } from '../../core/page-index';
import { attr, describe } from '../../core/safe-dom';

/** TrackerDB categories whose hosts serve ads (TrackerDB's "advertising" and "adult advertising"). */
const AD_CATEGORIES: ReadonlySet<string> = new Set(['advertising', 'pornvertising']);

/** GPT names its frames `google_ads_iframe_/<network>/<unit>_<n>`, whatever their src (often none). */
const GPT_FRAME = 'iframe[id^="google_ads_iframe_"], iframe[name^="google_ads_iframe_"]';

function adVerdict(ctx: DetectorContext, url: string | null): HostVerdict | null {
  if (url === null) return null;
  const verdict = ctx.verdict(url);
  return verdict !== null && AD_CATEGORIES.has(verdict.category) ? verdict : null;
}

function verdictDetail(kind: string, url: string, verdict: HostVerdict): string {
  return `${kind} from ${hostOf(url) ?? url}: TrackerDB ${verdict.category}${verdict.organization ? ` (${verdict.organization})` : ''}`;
}

/**
 * Frames and creatives served from advertising hosts, by the TrackerDB verdict the background
 * already makes on each URL (`ctx.verdict`). Ad-tech hosts also load things that are not ad units:
 * 1×1 pixels, zero-size or hidden cookie-sync frames, AdChoices icons, and unlinked images of
 * unknown size (pixels nobody sized), so a frame must be shown and not tiny, and an image must be a
 * creative by `creativeImageUnit`: in a click-through link or at least 50×50, never under 50 px. Also GPT's own frames by their `google_ads_iframe_` id or
 * name, which usually have no src to classify.
 */
export const adHostFrame: AdDetector = {
  id: 'ads/ad-host-frame',
  version: 1,
  description: 'Shown iframes, objects and linked or banner-sized images whose source TrackerDB classes as advertising, and GPT google_ads_iframe_ frames.',
  sources: { tags: ['iframe', 'frame', 'embed', 'object', 'img'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(adHostFrame);
    const index = indexOf(root, ctx);
    const base = baseUrlOf(root);
    const frames = index.select('iframe[src], frame[src], embed[src], object[data]', { tags: ['iframe', 'frame', 'embed', 'object'] });
    for (let i = 0; i < frames.length; i++) {
      const el = frames[i]!;
      const url = absoluteUrl(attr(el, el.localName === 'object' ? 'data' : 'src'), base);
      const verdict = adVerdict(ctx, url);
      if (verdict === null || url === null || !isShown(el)) continue;
      out.add(el, verdict.organization, 'ad-host-frame', verdictDetail(el.localName, url, verdict));
      out.addSize(el, el);
    }
    const gptFrames = index.select(GPT_FRAME, { tags: ['iframe'] });
    for (let i = 0; i < gptFrames.length; i++) {
      const el = gptFrames[i]!;
      if (!isShown(el)) continue;
      out.add(el, 'Google Ad Manager', 'gpt-frame-name', `GPT frame ${describe(el)}`);
      out.addSize(el, el);
    }
    const images = index.select('img[src]', { tags: ['img'] });
    for (let i = 0; i < images.length; i++) {
      const img = images[i]!;
      const url = absoluteUrl(attr(img, 'src'), base);
      const verdict = adVerdict(ctx, url);
      if (verdict === null || url === null || !isShown(img)) continue;
      const unit = creativeImageUnit(img, root);
      if (unit === null) continue;
      out.add(unit, verdict.organization, 'ad-host-image', verdictDetail(unit !== img ? 'linked image' : 'image', url, verdict));
      out.addSize(unit, img);
    }
    return out.findings;
  },
  examples: [
    { html: `<iframe src="https://ib.adnxs.com/tt?id=12345678&amp;size=300x250" width="300" height="250" frameborder="0" scrolling="no"></iframe>`, count: 1 },
    { html: `<iframe id="google_ads_iframe_/1234/home_0" title="3rd party ad content" width="970" height="250"></iframe>`, count: 1 },
    {
      html: `<a href="https://ad.doubleclick.net/ddm/trackclk/N1234.5678/B9;dc_trk_aid=1"><img src="https://s0.2mdn.net/simgad/1234567890123456789" width="728" height="90" alt="Advertisement"></a>`,
      count: 1,
    },
  ],
  counterExamples: [
    { html: `<img src="https://ad.doubleclick.net/ddm/trackimp/N1234.5678/B9;ord=1" width="1" height="1" alt="">`, why: 'impression pixel' },
    { html: `<iframe src="https://acdn.adnxs.com/dmp/async_usersync.html" width="0" height="0" style="display:none"></iframe>`, why: 'hidden cookie-sync frame' },
    { html: `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>`, why: 'video player: TrackerDB audio_video_player, not advertising' },
    { html: `<img src="https://cdn.example-shop.test/products/kettle-300x250.jpg" width="300" height="250" alt="Kettle">`, why: 'a 300×250 product photo from a non-ad host' },
    { html: `<img src="https://secure.adnxs.com/seg?add=123&amp;t=2">`, why: 'unsized, unlinked image from an ad host: a pixel' },
    {
      html: `<a href="https://adssettings.google.com/whythisad?source=display"><img src="https://tpc.googlesyndication.com/pagead/images/adchoices/icon.png" width="19" height="15" alt="AdChoices"></a>`,
      why: 'the AdChoices icon of an ad: part of the unit, never a unit of its own',
    },
  ],
};
