import type { AdFinding, DetectorContext } from '../../core/detector';
import { FindingList, isShown, shownFrameIn, type AdDetector } from '../shared/ad-detector';
import { indexOf } from '../../core/page-index';
import { attr, describe } from '../../core/safe-dom';

const NETWORK = 'Google AdSense';

/**
 * AdSense units. The publisher's tag is `<ins class="adsbygoogle" data-ad-client="ca-pub-…"
 * data-ad-slot="…">`; adsbygoogle.js fills it with `<div id="aswift_N_host"><iframe id="aswift_N">`
 * and sets `data-ad-status="filled"` or `"unfilled"` (Google's own CSS hides unfilled units, and
 * auto ads park hidden `adsbygoogle-noablate` units for anchors and vignettes). So an `<ins>` counts
 * when it is shown and filled (the status, or a shown frame inside); `aswift_N` frames count on their
 * own for rescans of the inserted frame, and merge into their `<ins>` when both are seen.
 */
export const adsense: AdDetector = {
  id: 'ads/adsense',
  version: 1,
  description: 'AdSense units: filled, shown ins.adsbygoogle elements and their aswift_N frames.',
  sources: { tags: ['ins', 'iframe'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(adsense);
    const index = indexOf(root, ctx);
    const units = index.select('ins.adsbygoogle', { tags: ['ins'] });
    for (let i = 0; i < units.length; i++) {
      const ins = units[i]!;
      const status = attr(ins, 'data-ad-status');
      if (status === 'unfilled' || !isShown(ins)) continue;
      const frame = shownFrameIn(ins);
      if (frame === null && status !== 'filled') continue;
      const slot = attr(ins, 'data-ad-slot');
      out.add(ins, NETWORK, 'ins-adsbygoogle', `ins.adsbygoogle${slot ? ` data-ad-slot=${slot}` : ''} ${frame ? `holds ${describe(frame)}` : 'data-ad-status=filled'}`);
      out.addSize(ins, frame ?? ins);
    }
    const frames = index.select('iframe[id^="aswift_"]', { tags: ['iframe'] });
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      if (!isShown(frame)) continue;
      out.add(frame, NETWORK, 'aswift-frame', `AdSense frame ${describe(frame)}`);
      out.addSize(frame, frame);
    }
    return out.findings;
  },
  examples: [
    {
      html: `<ins class="adsbygoogle" style="display:inline-block;width:336px;height:280px" data-ad-client="ca-pub-1234567890123456" data-ad-slot="9876543210" data-adsbygoogle-status="done" data-ad-status="filled"><div id="aswift_0_host" style="border:none;height:280px;width:336px"><iframe id="aswift_0" name="aswift_0" width="336" height="280" frameborder="0" src="https://googleads.g.doubleclick.net/pagead/ads?client=ca-pub-1234567890123456&amp;output=html"></iframe></div></ins>`,
      count: 1,
    },
    { html: `<div id="aswift_3_host"><iframe id="aswift_3" width="728" height="90"></iframe></div>`, count: 1 },
  ],
  counterExamples: [
    {
      html: `<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1234567890123456" data-ad-slot="1111111111" data-adsbygoogle-status="done" data-ad-status="unfilled"></ins>`,
      why: 'AdSense found no ad for the unit',
    },
    { html: `<ins class="adsbygoogle" data-ad-client="ca-pub-1234567890123456" data-ad-slot="2222222222"></ins>`, why: 'a tag adsbygoogle.js has not processed (yet)' },
    {
      html: `<ins class="adsbygoogle adsbygoogle-noablate" data-adsbygoogle-status="done" style="display: none !important;"><iframe id="aswift_9" width="320" height="50"></iframe></ins>`,
      why: 'an auto-ads anchor parked hidden',
    },
  ],
};
