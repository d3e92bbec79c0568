import type { AdFinding, DetectorContext } from '../../core/detector';
import { baseUrlOf, creativeImageUnit, FindingList, hasCreative, isShown, shownFrameIn, sourceHostUnder, withinRoot, type AdDetector } from '../shared/ad-detector';
import { idsFromInlineScripts } from '../shared/inline-scripts';
import { indexOf } from '../../core/page-index';
import { attr, describe, documentOf, elementById } from '../../core/safe-dom';

const NETWORK = 'Criteo';

/**
 * Criteo's publisher tag names its container `crt-<zone id>` (numeric, sometimes `-<n>` for a
 * repeat); `crt-monitor-specs` and `crt-2024-buyers-guide` are not zone containers.
 */
const ZONE_CONTAINER_ID = /^crt-\d{4,}(?:-\d{1,3})?$/;
/** `Criteo.DisplayAd({ "zoneid": 123, "containerid": "crt-123" })`, quotes of either kind. */
const DISPLAY_AD_CONTAINER = /["']?containerid["']?\s*:\s*(["'])(?<id>[^"'\\\r\n]{1,200})\1/g;
const CRITEO_HOSTS = ['criteo.com', 'criteo.net'];

/**
 * Criteo Publisher Tag units: the `crt-<zone>` container (or whatever `containerid` an inline
 * `Criteo.DisplayAd` names) once it holds a shown creative, and shown frames or linked images served
 * from criteo.com / criteo.net. Links to criteo.com alone (a sponsor logo, a job ad) are not units,
 * nor are Criteo's hidden sync frames (`gum.criteo.com/syncframe`).
 */
export const criteo: AdDetector = {
  id: 'ads/criteo',
  version: 1,
  description: 'Criteo Publisher Tag containers (crt-<zone id>, Criteo.DisplayAd containerid) holding a shown creative, and shown creatives served from criteo.com/.net.',
  sources: { attrs: ['id'], tags: ['iframe', 'img'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(criteo);
    const index = indexOf(root, ctx);
    const containers = index.select('[id^="crt-"]', { attrs: ['id'] });
    for (let i = 0; i < containers.length; i++) {
      const el = containers[i]!;
      const id = attr(el, 'id') ?? '';
      if (!ZONE_CONTAINER_ID.test(id) || !isShown(el) || !hasCreative(el)) continue;
      out.add(el, NETWORK, 'zone-container', `Criteo zone container ${describe(el)} holds a creative`);
      const frame = shownFrameIn(el);
      if (frame) out.addSize(el, frame);
    }
    const doc = documentOf(root);
    if (doc !== null) {
      const ids = idsFromInlineScripts(root, 'Criteo', DISPLAY_AD_CONTAINER);
      for (let i = 0; i < ids.length; i++) {
        const el = elementById(doc, ids[i]!);
        if (el === null || !withinRoot(el, root) || !isShown(el) || !hasCreative(el)) continue;
        out.add(el, NETWORK, 'display-ad-container', `Criteo.DisplayAd containerid '${ids[i]}' holds a creative`);
      }
    }
    const base = baseUrlOf(root);
    const media = index.select('iframe[src], img[src]', { tags: ['iframe', 'img'] });
    for (let i = 0; i < media.length; i++) {
      const el = media[i]!;
      const host = sourceHostUnder(el, CRITEO_HOSTS, base);
      if (host === null || !isShown(el)) continue;
      const unit = el.localName === 'img' ? creativeImageUnit(el, root) : el;
      if (unit === null) continue;
      out.add(unit, NETWORK, 'criteo-creative', `${el.localName === 'img' ? 'image' : 'frame'} from ${host}`);
      out.addSize(unit, el);
    }
    return out.findings;
  },
  examples: [
    {
      html: `<div id="crt-1234567" style="width:300px;height:250px;"><iframe id="crt-1234567-frame" width="300" height="250" frameborder="0" scrolling="no" src="https://cas.criteo.com/delivery/afr.php?zoneid=1234567"></iframe></div>`,
      count: 1,
    },
    {
      html: `<script>Criteo.events.push(function() { Criteo.DisplayAd({ "zoneid": 998877, "containerid": "sidebar-criteo", "async": true }); });</script><div id="sidebar-criteo"><iframe width="160" height="600" frameborder="0"></iframe></div>`,
      count: 1,
    },
  ],
  counterExamples: [
    { html: `<section id="crt-monitor-specs"><h2>CRT monitors</h2><a href="/crt"><img src="/img/crt.jpg" width="300" height="250"></a></section>`, why: 'an article id that starts with crt-' },
    { html: `<a href="https://www.criteo.com/careers/"><img src="/logos/criteo.svg" alt="Criteo" width="160" height="60"></a>`, why: 'a sponsor logo linking to criteo.com' },
    { html: `<iframe src="https://gum.criteo.com/syncframe?topUrl=example.test" width="0" height="0" style="display:none"></iframe>`, why: 'hidden cookie-sync frame' },
    { html: `<div id="crt-7654321"></div>`, why: 'a zone container Criteo has not filled' },
    { html: `<div id="crt-2024-buyers-guide"><iframe src="https://www.youtube.com/embed/crt" width="560" height="315"></iframe></div>`, why: 'a year-numbered article id that starts with crt-' },
  ],
};
