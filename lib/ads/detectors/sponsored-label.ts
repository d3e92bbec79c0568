import { AD_LABELS_VERSION, matchAdLabel, MAX_LABEL_TEXT_LENGTH, type AdLabelMatch } from '../ad-labels';
import type { AdFinding, DetectorContext } from '../../core/detector';
import { FindingList, isShown, shownFrameIn, type AdDetector } from '../shared/ad-detector';
import { indexOf } from '../../core/page-index';
import { append, attr, describe, isElement, isInside, parentOf, queryAll, queryFirst, tagOf } from '../../core/safe-dom';

/** Elements that can be a card: the post, result or teaser the label sits on. */
const CARD_TAGS: ReadonlySet<string> = new Set(['article', 'li', 'div', 'section', 'aside', 'a', 'figure']);
const CARD_ROLES: ReadonlySet<string> = new Set(['article', 'listitem', 'region', 'group']);
/** Text never a label: form and table labels, buttons, headings (an article's "Advertising" section). */
const NOT_LABEL_TAGS: ReadonlySet<string> = new Set([
  'a', 'button', 'label', 'legend', 'option', 'select', 'textarea', 'th', 'td', 'caption', 'title',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style', 'noscript', 'template', 'code', 'pre',
]);
/**
 * Site chrome and quotations: a label inside navigation or a menu is a menu entry ("Werbung",
 * "Reklama"); inside a quotation it is quoted text (an article quoting a one-word headline, "Ad").
 */
const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'menu', 'blockquote', 'q', 'cite']);
const CHROME_ROLES: ReadonlySet<string> = new Set(['navigation', 'menu', 'menubar', 'menuitem', 'tablist', 'contentinfo', 'banner']);
/** A card is small: beyond this it is a section or a page, not the unit the label is on. */
const MAX_CARD_TEXT = 1500;
const MAX_CARD_ELEMENTS = 400;
/** How far above the label its card may be (label span, meta row, header, card). */
const MAX_CLIMB = 6;

function roleOf(el: Element): string {
  return (attr(el, 'role') ?? '').trim().toLowerCase();
}

/** Inside page navigation, a menu, a quotation, or the page's own header or footer (not an article's). */
function inSiteChrome(el: Element): boolean {
  for (let n: Element | null = el; n !== null; n = parentOf(n)) {
    const tag = tagOf(n);
    if (CHROME_TAGS.has(tag) || CHROME_ROLES.has(roleOf(n))) return true;
    if (tag === 'header' || tag === 'footer') {
      // A page header or footer: no article, section or aside between it and <body>.
      let sectioned = false;
      for (let p = parentOf(n); p !== null && !sectioned; p = parentOf(p)) {
        const ptag = tagOf(p);
        if (ptag === 'article' || ptag === 'section' || ptag === 'aside' || ptag === 'li') sectioned = true;
      }
      if (!sectioned) return true;
    }
  }
  return false;
}

/**
 * What makes `card` an ad unit around `label`, or null: a shown frame (the card itself, when an
 * `aria-label` names the frame), or a link with an image or heading. Links, images and headings
 * inside the label do not count, unless the card is the label (an `aria-label` on the container).
 */
function cardEvidence(card: Element, label: Element): string | null {
  const tag = tagOf(card);
  if (tag === 'iframe') return 'a labelled frame';
  const frame = shownFrameIn(card);
  if (frame !== null) return `holds ${describe(frame)}`;
  const exclude = card === label ? null : label;
  const link = tag === 'a' && attr(card, 'href') !== null ? card : firstOutside(card, 'a[href]', exclude);
  if (link === null) return null;
  const media = firstOutside(card, 'img, picture, video, [role="img"]', exclude);
  const heading = media === null ? firstOutside(card, 'h1, h2, h3, h4, h5, h6, [role="heading"]', exclude) : null;
  if (media === null && heading === null) return null;
  return `link with ${media !== null ? describe(media) : describe(heading!)}`;
}

/** The first descendant of `card` matching `selector` that is not inside `exclude`. */
function firstOutside(card: Element, selector: string, exclude: Element | null): Element | null {
  const first = queryFirst(card, selector);
  if (first === null || exclude === null || !isInside(first, exclude)) return first;
  const all = queryAll(card, selector, false);
  for (let i = 0; i < all.length; i++) if (!isInside(all[i]!, exclude)) return all[i]!;
  return null;
}

function cardSized(card: Element): boolean {
  // Text first: it is the cheaper test, and it rules out page-sized ancestors before counting them.
  const text = card.textContent ?? '';
  return text.length <= MAX_CARD_TEXT && queryAll(card, '*', false).length <= MAX_CARD_ELEMENTS;
}

/**
 * A candidate that fails here ends the climb: an article, section, aside or list item is the unit
 * the label belongs to, and when it is not an ad card, no larger ancestor is either (a one-word
 * "Ad" in a long read's section must not make the whole article a card). Plain divs are wrappers
 * and do not end it.
 */
function isCardBoundary(el: Element): boolean {
  const tag = tagOf(el);
  const role = roleOf(el);
  return tag === 'article' || tag === 'section' || tag === 'aside' || tag === 'li' || role === 'article' || role === 'listitem';
}

function isCardCandidate(el: Element, label: Element): boolean {
  // A frame is a card only when it carries the label itself: `<iframe aria-label="Advertisement">`.
  return CARD_TAGS.has(tagOf(el)) || CARD_ROLES.has(roleOf(el)) || (el === label && tagOf(el) === 'iframe' && isShown(el));
}

/** The smallest card around `label` (itself included when `selfCan`), without leaving `root`. */
function cardFor(label: Element, root: ParentNode, selfCan: boolean): { card: Element; evidence: string } | null {
  let n: Element | null = selfCan ? label : parentOf(label);
  for (let depth = 0; n !== null && depth <= MAX_CLIMB; depth++, n = parentOf(n)) {
    if (isCardCandidate(n, label)) {
      if (!cardSized(n)) return null;
      const evidence = cardEvidence(n, label);
      if (evidence !== null) return { card: n, evidence };
      if (isCardBoundary(n)) return null;
    }
    if (n === (root as Node)) return null;
    const tag = tagOf(n);
    if (tag === 'body' || tag === 'main' || tag === 'html') return null;
  }
  return null;
}

/**
 * The label is the whole name of a link or button around it (`<a href="/werbung"><img> Werbung</a>`):
 * a menu entry or a control named "Werbung", not a label printed on a card. Whole-card links, whose
 * text also holds the card's title, are not affected; nor are links that go nowhere (no href, `#`,
 * `javascript:`), which are the popover triggers shops put on their "Sponsored" labels.
 */
function namesALinkOrButton(label: Element, pageLang: string | null): boolean {
  let n: Element | null = label;
  for (let i = 0; i <= 3 && n !== null; i++, n = parentOf(n)) {
    const tag = tagOf(n);
    if (tag !== 'a' && tag !== 'button') continue;
    if (matchAdLabel(n.textContent ?? '', pageLang) === null) continue;
    if (tag === 'a' && !navigates(n)) continue;
    return true;
  }
  return false;
}

function navigates(link: Element): boolean {
  const href = (attr(link, 'href') ?? '').trim().toLowerCase();
  return href !== '' && href !== '#' && !href.startsWith('#') && !href.startsWith('javascript:');
}

/** Nodes looked at to tell whether an element's text is longer than a label can be. */
const MAX_MEASURED_NODES = 64;

/**
 * Whether `el.textContent` is longer than `limit`, found without building it: text lengths summed
 * in document order until past the limit. Unsure after MAX_MEASURED_NODES nodes: false (then the
 * caller reads `textContent`, as it always did).
 */
function textLongerThan(el: Element, limit: number): boolean {
  try {
    return measureText(el, limit);
  } catch {
    // A DOM whose sibling pointers fail (happy-dom's use a replaceable Array method): just read it.
    return false;
  }
}

function measureText(el: Element, limit: number): boolean {
  let total = 0;
  let seen = 0;
  let node: Node | null = el.firstChild;
  while (node !== null && node !== el) {
    if (++seen > MAX_MEASURED_NODES) return false;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      total += (node as CharacterData).data.length;
      if (total > limit) return true;
    }
    if (type === 1 && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== el && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === el) break;
    node = node.nextSibling;
  }
  return false;
}

function labelElementFor(text: Text): Element | null {
  const parent = parentOf(text);
  if (parent === null || NOT_LABEL_TAGS.has(tagOf(parent))) return null;
  return parent;
}

/**
 * Sponsored and promoted cards in feeds and search results, found by their label: a card-like
 * element (article, li, div … with a link and an image or heading, or with an ad frame) carrying a
 * small element whose whole text (or `aria-label`) is one of the labels in `lib/ads/ad-labels.ts`,
 * in en, de, fr, es, it, nl, pt or pl. Whole-text matching keeps out "Ad settings" and "Sponsored
 * by our readers"; labels in navigation, menus, page headers and footers, headings, and text that
 * is the whole name of a link or button are menu entries and titles, not labels ("Ads" in a nav
 * menu, a footer "Werbung" link, an article's "Advertising" heading). CSS `::before` labels are out
 * of scope, and so are labels that are the whole text of a link that navigates (Facebook's
 * "Sponsored" links to its ad explanation: indistinguishable from a menu entry by markup).
 * The version follows the label table's, so a new label shows in every reason's rule id.
 */
export const sponsoredLabel: AdDetector = {
  id: 'ads/sponsored-label',
  version: AD_LABELS_VERSION,
  description: 'Cards in feeds and search results labelled as ads ("Sponsored", "Anzeige", "Publicité", "Patrocinado", "Reklama" …, from lib/ads/ad-labels.ts).',
  sources: { attrs: ['aria-label'] },
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[] {
    const out = new FindingList(sponsoredLabel);
    const index = indexOf(root, ctx);
    const labels: { el: Element; match: AdLabelMatch; selfCan: boolean; via: string }[] = [];
    const seen = new Set<Element>();
    const texts = index.texts;
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t]!;
      const data = text.data;
      if (data.length === 0 || data.length > MAX_LABEL_TEXT_LENGTH * 2) continue;
      const el = labelElementFor(text);
      if (el === null || seen.has(el)) continue;
      seen.add(el);
      // The label element's whole text must be the label: "Sponsored" in "<p>Sponsored by our
      // readers</p>" is one text node of a longer paragraph.
      // Measured before it is read: a whitespace node under <main> would otherwise copy the text of
      // the whole page (most of this detector's time on the 10k bench page).
      if (textLongerThan(el, MAX_LABEL_TEXT_LENGTH * 2)) continue;
      const whole = el.textContent ?? '';
      if (whole.length > MAX_LABEL_TEXT_LENGTH * 2) continue;
      const match = matchAdLabel(whole, ctx.lang);
      if (match !== null) append(labels, { el, match, selfCan: false, via: 'text' });
    }
    const labelled = index.select('[aria-label]', { attrs: ['aria-label'] });
    for (let i = 0; i < labelled.length; i++) {
      const el = labelled[i]!;
      const match = matchAdLabel(attr(el, 'aria-label') ?? '', ctx.lang);
      // An aria-label on a link is fine (whole-card links); on a heading or a button it names that.
      if (match === null || (NOT_LABEL_TAGS.has(tagOf(el)) && tagOf(el) !== 'a')) continue;
      append(labels, { el, match, selfCan: true, via: 'aria-label' });
    }
    for (let i = 0; i < labels.length; i++) {
      const { el, match, selfCan, via } = labels[i]!;
      if (!isElement(el) || inSiteChrome(el) || !isShown(el)) continue;
      if (via === 'text' && namesALinkOrButton(el, ctx.lang)) continue;
      const found = cardFor(el, root, selfCan);
      if (found === null || !isShown(found.card)) continue;
      out.add(found.card, null, `label/${match.lang}`, `"${match.label}" (${via}, ${match.lang}) on ${describe(found.card)}: ${found.evidence}`);
    }
    return out.findings;
  },
  examples: [
    {
      html: `<ul class="feed"><li class="post"><div class="post-meta"><span class="author">Acme Shoes</span> <span class="promo-label">Sponsored</span></div><a href="https://acme-shoes.example-shop.test/?utm_source=feed"><img src="/media/shoes.jpg" alt=""></a><p>Run further in our new trainers.</p></li><li class="post"><a href="/p/1"><img src="/media/cat.jpg" alt=""></a><p>My cat.</p></li></ul>`,
      count: 1,
    },
    {
      html: `<div class="result"><div class="result-head"><span>Anzeige</span> · <cite>www.beispiel-shop.test</cite></div><a href="https://www.googleadservices.com/pagead/aclk?sa=L&amp;ai=abc"><h3>Laufschuhe im Sale</h3></a><div>Jetzt bis zu 50 % sparen.</div></div>`,
      count: 1,
      pageUrl: 'https://www.suche.example-search.test/search?q=laufschuhe',
    },
    {
      // A shop's search result: the label is a popover trigger, a link that goes nowhere.
      html: `<div class="s-result-item" data-component-type="s-search-result"><div class="a-row"><span class="a-declarative"><a class="puis-label-popover puis-sponsored-label-text" role="button" href="javascript:void(0)"><span class="puis-label-popover-default"><span class="a-color-secondary">Sponsored</span></span></a></span></div><h2><a href="/sspa/click?ie=UTF8&amp;spc=abc&amp;url=%2Fdp%2FB0X"><span>Trail running shoes</span></a></h2><a href="/sspa/click?ie=UTF8&amp;spc=abc"><img class="s-image" src="https://m.media-amazon.com/images/I/71x.jpg" alt=""></a></div>`,
      count: 1,
      pageUrl: 'https://www.example-shop.test/s?k=shoes',
    },
    {
      html: `<aside aria-label="Advertisement" class="ad-wrap"><iframe width="300" height="250" src="https://ads.example-first-party.test/serve?slot=rail"></iframe></aside>`,
      count: 1,
    },
  ],
  counterExamples: [
    { html: `<nav><ul><li><a href="/ads"><img src="/i/ads.svg" alt="">Ads</a></li><li><a href="/werbung"><img src="/i/w.svg" alt=""><span>Werbung</span></a></li></ul></nav>`, why: '"Ads" and "Werbung" as nav menu entries' },
    { html: `<div class="card"><a href="/settings/ads"><img src="/i/gear.svg" alt="">Ad settings</a><h3>Privacy</h3></div>`, why: 'an "Ad settings" link' },
    { html: `<article><h2>Advertisement</h2><p>How the 1950s invented the modern <a href="/history">advertisement</a>.</p><img src="/img/poster.jpg" width="300" height="250"></article>`, why: 'a heading in an article about advertising' },
    { html: `<article><p>Sponsored by our readers</p><a href="/support"><img src="/img/heart.png"></a></article>`, why: 'editorial funding note' },
    {
      html: `<article><a href="/more"><img src="/img/a.jpg"></a><section><h2>Headlines</h2><p>Ad</p><p>The shortest headline.</p></section></article>`,
      why: 'a one-word "Ad" in an article section that is not a card: the climb ends at the section',
    },
    { html: `<div class="story"><blockquote><p>Advertisement</p></blockquote><a href="/x"><img src="/img/x.jpg"></a></div>`, why: 'quoted text' },
    { html: `<div class="form-row"><label for="n">Ad</label><input id="n"><a href="/privacy"><img src="/i/lock.svg"></a></div>`, why: 'a form label (Turkish "Ad" = name)' },
    { html: `<div class="slot"><span>Advertisement</span><div id="empty-slot"></div></div>`, why: 'a label over an empty slot: no ad shown' },
    { html: `<ul class="links"><li><a href="/werbung"><img src="/i/w.svg" alt=""><span>Werbung</span></a></li></ul>`, why: 'a link named "Werbung" outside a nav element: a menu entry' },
  ],
};
