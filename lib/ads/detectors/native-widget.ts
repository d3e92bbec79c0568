import type { AdFinding, DetectorContext } from '../../core/detector';
import { FindingList, isShown, type AdDetector } from '../shared/ad-detector';
import { indexOf, type Source } from '../../core/page-index';
import { describe, queryFirst } from '../../core/safe-dom';

/**
 * Content-recommendation widgets ("Around the web", "Recommended by"): one widget is one unit, mixed
 * sponsored and organic links included, as the networks sell them. Each rule: the container the
 * publisher places, and the markup the network's script renders into it; a container counts only
 * once rendered (an empty `#taboola-below-article` shows nothing).
 * `[data-widget-id]` alone is not Outbrain: Trustpilot, weather and chat embeds use it too
 * (negative fixture `widget-lookalikes`); it counts only on `.OUTBRAIN` or with `data-ob-template`.
 */
const WIDGETS: readonly { network: string; rule: string; container: string; from: Source; rendered: string }[] = [
  {
    network: 'Taboola',
    rule: 'taboola-container',
    // `_taboola.push({ container: 'taboola-below-article-thumbnails', … })`
    container: 'div[id^="taboola-"]',
    from: { attrs: ['id'] },
    rendered: '.trc_rbox_container, .trc_related_container, .videoCube, .tbl-feed-card',
  },
  {
    network: 'Taboola',
    rule: 'taboola-rbox',
    // The rendered box on its own, for containers with other ids and rescans of the inserted box.
    container: '.trc_rbox_container, .trc_related_container',
    from: { words: true },
    rendered: 'a[href]',
  },
  {
    network: 'Outbrain',
    rule: 'outbrain-container',
    // `<div class="OUTBRAIN" data-src="…" data-widget-id="AR_1" data-ob-template="…">`
    container: '.OUTBRAIN, [data-widget-id][data-ob-template]',
    from: { words: true, attrs: ['data-widget-id'] },
    rendered: '.ob-widget, .ob-widget-items-container, .ob-dynamic-rec-container, .ob-dynamic-rec-link',
  },
  {
    network: 'Outbrain',
    rule: 'outbrain-widget',
    container: '.ob-widget, .ob-smartfeed-wrapper',
    from: { words: true },
    rendered: 'a[href]',
  },
];

export const nativeWidget: AdDetector = {
  id: 'ads/native-widget',
  version: 1,
  description: 'Rendered Taboola and Outbrain recommendation widgets (#taboola-*, .trc_related_container, .OUTBRAIN, .ob-widget), one unit per widget.',
  sources: { attrs: ['id', 'data-widget-id'], words: ['taboola-', 'trc_rbox_container', 'trc_related_container', 'outbrain', 'ob-widget', 'ob-smartfeed-wrapper'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(nativeWidget);
    const index = indexOf(root, ctx);
    for (let r = 0; r < WIDGETS.length; r++) {
      const widget = WIDGETS[r]!;
      const containers = index.select(widget.container, widget.from);
      for (let i = 0; i < containers.length; i++) {
        const el = containers[i]!;
        if (!isShown(el)) continue;
        const rendered = queryFirst(el, widget.rendered);
        if (rendered === null) continue;
        out.add(el, widget.network, widget.rule, `${widget.network} widget ${describe(el)} rendered ${describe(rendered)}`);
      }
    }
    return out.findings;
  },
  examples: [
    {
      html: `<div id="taboola-below-article-thumbnails" class="tbl-trecs-container"><div class="trc_rbox_container"><div class="trc_rbox thumbnails-a"><div class="trc_rbox_header"><span class="trc_rbox_header_span">You May Like</span><a class="trc_attribution_position_after logoDiv" href="https://popup.taboola.com/en/?template=colorbox">Sponsored Links by Taboola</a></div><div class="trc_related_container"><div class="videoCube syndicatedItem"><a href="https://advertiser.example-shop.test/offer?utm_source=taboola" class="item-thumbnail-href"><img src="https://images.taboola.com/taboola/image/fetch/f_jpg/a.jpg"><span class="video-title">This gadget is selling out fast</span></a></div></div></div></div></div>`,
      count: 1,
    },
    {
      html: `<div class="OUTBRAIN" data-src="https://www.example-news.test/world/story" data-widget-id="AR_1" data-ob-template="ExampleNews"><div class="ob-widget ob-feed-layout AR_1"><div class="ob-widget-header"><span class="ob_what"><a href="https://www.outbrain.com/what-is/">Recommended by</a></span></div><div class="ob-widget-items-container"><a class="ob-dynamic-rec-link" href="https://paid.outbrain.com/network/redir?p=abc"><img class="ob-rec-image" src="https://images.outbrainimg.com/transform/v3/eyJ.jpg"><span class="ob-rec-text">Doctors stunned by this trick</span></a></div></div></div>`,
      count: 1,
    },
  ],
  counterExamples: [
    { html: `<div id="taboola-below-article-thumbnails"></div>`, why: 'a Taboola container the script has not rendered' },
    { html: `<div class="OUTBRAIN" data-src="https://www.example-news.test/a" data-widget-id="AR_1"></div>`, why: 'an Outbrain container the script has not rendered' },
    { html: `<div class="weather-widget" data-widget-id="forecast-berlin"><a href="/weather/berlin"><img src="/icons/sun.svg"> 21°</a></div>`, why: 'data-widget-id on a weather embed' },
    { html: `<section id="taboola-review"><h2>Is Taboola worth it?</h2><p>Our review.</p><a href="/ads/taboola">Read</a></section>`, why: 'an article section about Taboola' },
  ],
};
