/**
 * Generated pages for the DOM benches (scan, dark-patterns): deterministic (seeded), built from
 * the shapes real pages have (nested sections, articles with paragraphs, links and images, lists,
 * comment threads, product cards), with ad-like and dark-pattern-like elements sprinkled in so
 * the detectors have real work and real findings. Element counts are counted, not estimated.
 */
import { rng } from './stats';

export interface GeneratedPage {
  html: string;
  /** Element nodes in the HTML (html, head and body included), as the parser will build them. */
  elements: number;
  /** What was planted, by kind (ads by stack, dark patterns by expected type). */
  planted: { ads: number; darkPatterns: number; byKind: Record<string, number> };
}

const WORDS = (
  'the a of and to in for on with as by at from city council plan budget report market shares rose fell school ' +
  'water river bridge season team coach match win loss new old local national study data weather storm sun rain ' +
  'garden kitchen recipe travel museum music film book review festival week month year people families workers'
).split(' ');
const NAMES = ['Ana Ruiz', 'Tom Becker', 'Lea Martin', 'Sam Okafor', 'Mia Chen', 'Noah Jensen', 'Ivy Kaur', 'Luca Rossi'];
const PRODUCTS = ['Enamel mug', 'Linen shirt', 'Trail shoes', 'Desk lamp', 'Wool scarf', 'Water bottle', 'Backpack', 'Chef knife', 'Ceramic bowl', 'Rain jacket'];

/** Elements an HTML fragment creates: one per start tag (our fragments have no comments or `<` in text). */
export function countElements(html: string): number {
  let n = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) n += 1;
  }
  return n;
}

type Next = () => number;

function words(next: Next, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += (i ? ' ' : '') + WORDS[Math.floor(next() * WORDS.length)]!;
  return s;
}
function sentence(next: Next, n: number): string {
  const w = words(next, n);
  return `${w[0]!.toUpperCase()}${w.slice(1)}.`;
}
function pick<T>(next: Next, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}
function price(next: Next): string {
  return `€${5 + Math.floor(next() * 120)},${String(Math.floor(next() * 100)).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ ordinary content blocks

function article(next: Next, i: number): string {
  return (
    `<article class="story"><header><h2><a href="/story/${i}">${sentence(next, 7)}</a></h2>` +
    `<p class="byline">By <a href="/author/${i % 40}">${pick(next, NAMES)}</a> · <time datetime="2024-05-${10 + (i % 18)}">May ${10 + (i % 18)}</time></p></header>` +
    `<p>${sentence(next, 24)} ${sentence(next, 18)}</p>` +
    `<figure><img src="https://img.example-cdn.test/photo/${i}.jpg" width="640" height="360" alt="${words(next, 4)}"><figcaption>${sentence(next, 9)}</figcaption></figure>` +
    `<p>${sentence(next, 20)} <a href="/related/${i}">${words(next, 4)}</a> ${sentence(next, 14)}</p>` +
    `<p><em>${sentence(next, 6)}</em> ${sentence(next, 16)}</p></article>`
  );
}

function cardGrid(next: Next, i: number): string {
  let cols = '';
  for (let c = 0; c < 3; c++) {
    cols +=
      `<div class="col"><div class="card"><a class="thumb" href="/topic/${i}-${c}"><img src="https://img.example-cdn.test/thumb/${i}-${c}.jpg" width="320" height="180" alt=""></a>` +
      `<div class="card-body"><h3>${sentence(next, 5)}</h3><p>${sentence(next, 14)}</p><a class="more" href="/topic/${i}-${c}">Read more</a></div></div></div>`;
  }
  return `<section class="grid"><h2 class="section-title">${words(next, 2)}</h2><div class="row">${cols}</div></section>`;
}

function linkList(next: Next, i: number): string {
  let items = '';
  for (let k = 0; k < 6; k++) items += `<li><a href="/list/${i}/${k}">${sentence(next, 5)}</a></li>`;
  return `<aside class="most-read"><h3>Most read</h3><ol>${items}</ol></aside>`;
}

function comments(next: Next, i: number): string {
  let items = '';
  for (let k = 0; k < 3; k++) {
    items +=
      `<div class="comment"><div class="avatar"><img src="https://img.example-cdn.test/avatar/${(i + k) % 50}.png" width="32" height="32" alt=""></div>` +
      `<div class="comment-body"><p><strong>${pick(next, NAMES)}</strong> ${sentence(next, 15)}</p>` +
      `<div class="actions"><button type="button">Reply</button> <button type="button">Like</button></div></div></div>`;
  }
  return `<section class="comments"><h3>Comments</h3>${items}</section>`;
}

function productCard(next: Next, i: number, stock: string): string {
  const name = `${pick(next, PRODUCTS)} ${words(next, 1)}`;
  const reviews = 3 + Math.floor(next() * 900);
  return (
    `<li class="product-card"><a class="product-link" href="/p/${i}"><img src="https://img.example-cdn.test/p/${i}.jpg" width="240" height="240" alt="${name}"></a>` +
    `<h3 class="product-name"><a href="/p/${i}">${name}</a></h3>` +
    `<div class="price"><span class="now">${price(next)}</span> <s class="was">${price(next)}</s></div>` +
    `<div class="rating" aria-label="${(3 + next() * 2).toFixed(1)} out of 5 stars"><span class="stars">★★★★☆</span> <a href="/p/${i}#reviews">${reviews} reviews</a></div>` +
    `<p class="stock">${stock}</p><button type="button" class="add">Add to basket</button></li>`
  );
}

function productRow(next: Next, i: number): string {
  let items = '';
  for (let k = 0; k < 4; k++) items += productCard(next, i * 4 + k, pick(next, ['In stock', 'In stock', 'Ships in 2–3 days', 'Available online']));
  return `<section class="shop-teaser"><h2>From our shop</h2><ul class="product-grid">${items}</ul></section>`;
}

// ------------------------------------------------------------------ ad-like units

const AD_KINDS = ['ad:gpt-slot', 'ad:adsense', 'ad:sponsored-card', 'ad:outbrain'] as const;

function adUnit(kind: (typeof AD_KINDS)[number], i: number): string {
  switch (kind) {
    case 'ad:gpt-slot':
      return (
        `<div class="ad-slot"><p class="ad-note">Advertisement</p><div id="div-gpt-ad-17000000${i}-0" data-google-query-id="CQ${i}">` +
        `<div id="google_ads_iframe_/21700000/site/slot_${i}__container__" style="border: 0pt none;"><iframe id="google_ads_iframe_/21700000/site/slot_${i}" title="3rd party ad content" name="google_ads_iframe_/21700000/site/slot_${i}" width="300" height="250" frameborder="0" scrolling="no" aria-label="Advertisement"></iframe></div></div></div>`
      );
    case 'ad:adsense':
      return (
        `<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-2222222222222222" data-ad-slot="33333${i}" data-adsbygoogle-status="done" data-ad-status="filled">` +
        `<div id="aswift_${i}_host"><iframe id="aswift_${i}" name="aswift_${i}" width="300" height="250" frameborder="0" src="https://googleads.g.doubleclick.net/pagead/ads?client=ca-pub-2222222222222222&amp;slot=${i}"></iframe></div></ins>`
      );
    case 'ad:sponsored-card':
      return (
        `<ul class="feed"><li class="post"><div class="post-meta"><span class="author">Acme Shoes</span> <span class="promo-label">Sponsored</span></div>` +
        `<a href="https://acme-shoes.example-shop.test/?utm_source=feed&amp;n=${i}"><img src="https://img.example-cdn.test/promo/${i}.jpg" width="300" height="169" alt=""></a><p>Run further in our new trainers.</p></li></ul>`
      );
    case 'ad:outbrain':
      return (
        `<div class="OUTBRAIN" data-src="https://www.example-news.test/story/${i}" data-widget-id="AR_2"><div class="ob-widget ob-strip-layout AR_2"><div class="ob-widget-items-container">` +
        `<div class="ob-dynamic-rec-container ob-p"><a class="ob-dynamic-rec-link" href="https://paid.outbrain.com/network/redir?p=${i}" rel="nofollow"><img class="ob-rec-image" src="https://images.outbrainimg.com/transform/v3/${i}.webp" width="300" height="200" alt=""><span class="ob-rec-text">This one habit costs you money</span></a></div></div></div></div>`
      );
  }
}

// ------------------------------------------------------------------ dark-pattern-like elements

const DP_KINDS = ['dp:low-stock', 'dp:limited-time', 'dp:activity', 'dp:high-demand', 'dp:confirmshaming', 'dp:preticked'] as const;

function darkPattern(kind: (typeof DP_KINDS)[number], i: number): string {
  switch (kind) {
    case 'dp:low-stock':
      return `<div class="product-note"><p>Hand-dipped enamel, dishwasher safe. <strong class="stock-alert">Only ${2 + (i % 4)} left in stock - order soon.</strong></p></div>`;
    case 'dp:limited-time':
      return `<div class="promo-banner"><p>Limited time offer: ${10 + (i % 5) * 5}% off all mugs</p></div>`;
    case 'dp:activity':
      return `<p class="viewers"><span>${12 + (i % 30)}</span> people are looking at this right now</p>`;
    case 'dp:high-demand':
      return `<div class="badges"><span class="badge">Selling fast!</span></div>`;
    case 'dp:confirmshaming':
      return `<div class="upsell"><p>Protect your order for €3,99?</p><button type="button">Yes, protect my order</button> <a href="#" class="decline">No thanks, I'd rather pay full price</a></div>`;
    case 'dp:preticked':
      return `<form class="extras" action="/basket"><p><label><input type="checkbox" name="news${i}" checked> Email me special offers and travel deals</label></p><button type="submit">Continue</button></form>`;
  }
}

// One each per page, at the end of <body>: a cookie banner without a reject, and a newsletter
// modal that opened by itself, with a shaming decline.
const CONSENT_BANNER =
  `<div id="cookie-banner" role="dialog" aria-label="Cookie consent" style="position: fixed; left: 0; right: 0; bottom: 0; background: #fff; padding: 16px">` +
  `<p>We and our 143 partners use cookies to personalise content and ads and to analyse our traffic.</p>` +
  `<button id="cookie-accept" style="font-size: 18px; padding: 10px 24px">Accept all cookies</button> <a href="#" id="cookie-settings" style="font-size: 11px">Manage settings</a></div>`;
const NEWSLETTER_MODAL =
  `<div id="newsletter-modal" role="dialog" aria-modal="true" style="position: fixed; top: 10vh; left: 10vw; width: 80vw; height: 70vh; background: #fff">` +
  `<h2>Get 10% off your first order</h2><p>Join our newsletter for deals and news from the harbour.</p>` +
  `<form><input type="email" aria-label="E-mail"> <button type="submit">Sign me up</button></form>` +
  `<p><a href="#" id="decline">No thanks, I'd rather pay full price</a></p></div>`;

function shell(title: string, lang: string, head: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

const SITE_HEADER =
  `<header class="masthead"><a href="/" class="logo"><img src="https://img.example-cdn.test/logo.svg" width="120" height="32" alt="Example"></a>` +
  `<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/shop">Shop</a></li><li><a href="/about">About</a></li></ul></nav>` +
  `<form class="search" action="/search"><input type="search" name="q" aria-label="Search"><button type="submit">Search</button></form></header>`;
const SITE_FOOTER =
  `<footer><ul><li><a href="/advertise">Advertise with us</a></li><li><a href="/ad-choices">Ad choices</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul><p>© 2024 Example Media</p></footer>`;

/**
 * A portal page (news, feed and shop teasers) of about `target` elements: nested sections,
 * articles, card grids, lists, comment threads, product rows; one ad-like unit per ~1,500
 * elements (GPT slot, AdSense, sponsored card, Outbrain, in turn) and one dark-pattern-like
 * element per ~1,500 (low stock, limited time, activity, high demand, confirmshaming, pre-ticked
 * box, in turn), plus a cookie banner without reject and a newsletter modal.
 */
export function portalPage(target: number, seed = 7): GeneratedPage {
  const next = rng(seed + target);
  const byKind: Record<string, number> = {};
  const plant = (kind: string) => (byKind[kind] = (byKind[kind] ?? 0) + 1);
  const head = '<meta name="viewport" content="width=device-width"><style>.grid .row{display:flex}.col{flex:1}.ad-slot{min-height:250px}</style>';
  const fixed = shell('', 'en', head, SITE_HEADER + '<main></main>' + SITE_FOOTER + CONSENT_BANNER + NEWSLETTER_MODAL);
  plant('dp:consent-no-reject');
  plant('dp:nagging-overlay');
  plant('dp:confirmshaming');
  let elements = countElements(fixed);
  const every = Math.max(200, Math.min(1500, Math.floor(target / 4)));
  let sinceAd = Math.floor(every / 2);
  let sinceDp = 0;
  let ads = 0;
  let dps = 0;
  const sections: string[] = [];
  let section: string[] = [];
  let sectionElements = 0;
  const closeSection = (i: number) => {
    if (section.length === 0) return;
    sections.push(`<section class="region region-${i % 5}"><div class="container"><div class="inner">${section.join('')}</div></div></section>`);
    section = [];
    sectionElements = 0;
  };
  const builders = [article, cardGrid, linkList, article, comments, productRow, article, cardGrid];
  for (let i = 0; elements < target; i++) {
    let block: string;
    if (sinceAd >= every) {
      const kind = AD_KINDS[ads % AD_KINDS.length]!;
      block = adUnit(kind, i);
      plant(kind);
      ads += 1;
      sinceAd = 0;
    } else if (sinceDp >= every) {
      const kind = DP_KINDS[dps % DP_KINDS.length]!;
      block = darkPattern(kind, i);
      plant(kind);
      dps += 1;
      sinceDp = 0;
    } else {
      block = builders[i % builders.length]!(next, i);
    }
    const n = countElements(block);
    if (elements + n > target + 40 && elements > target - 40) break;
    if (sectionElements === 0) elements += 3; // the section > div > div wrapper
    section.push(block);
    sectionElements += n;
    elements += n;
    sinceAd += n;
    sinceDp += n;
    if (sectionElements > 120) closeSection(i);
  }
  closeSection(sections.length);
  const html = fixed.replace('<main></main>', `<main>${sections.join('')}</main>`).replace('<title></title>', `<title>Example portal (${target} elements)</title>`);
  return { html, elements: countElements(html), planted: { ads, darkPatterns: dps + 3, byKind } };
}

/** One of 100 small subtrees inserted after the first pass: a feed item, 1 in 10 an ad, 1 in 10 a stock message. */
export function insertedSubtree(i: number): string {
  if (i % 10 === 3) return adUnit('ad:sponsored-card', 90_000 + i);
  if (i % 10 === 7) return `<div class="feed-item">${darkPattern('dp:low-stock', i)}</div>`;
  return (
    `<div class="feed-item"><a href="/feed/${i}"><img src="https://img.example-cdn.test/feed/${i}.jpg" width="120" height="80" alt=""></a>` +
    `<div class="feed-text"><h4><a href="/feed/${i}">Update ${i}: new bridge opens</a></h4><p>The city council said the river crossing opens next week.</p><span class="when">2 min ago</span></div></div>`
  );
}

/** Id of the countdown on the shop page (boxes: minutes, seconds, hundredths). */
export const SHOP_TIMER_IDS = { minutes: 'deal-m', seconds: 'deal-s', hundredths: 'deal-cs' };

/**
 * A shop category page of about `target` elements: header and category navigation, a product grid
 * (prices, struck prices, ratings, stock lines, some "Only 2 left in stock!"), a deal of the day
 * with a static countdown display, a reviews section, a consent banner without reject, a newsletter
 * modal with a shaming decline, pre-ticked extras, and a footer.
 */
export function shopPage(target: number, seed = 11): GeneratedPage {
  const next = rng(seed + target);
  const byKind: Record<string, number> = {};
  const plant = (kind: string) => (byKind[kind] = (byKind[kind] ?? 0) + 1);
  let categories = '';
  for (let k = 0; k < 24; k++) categories += `<li><a href="/c/${k}">${words(next, 2)}</a></li>`;
  const deal =
    `<section class="deal-of-the-day"><h2>Deal of the day</h2><p class="deal-line">Limited time offer: 30% off all mugs</p>` +
    `<div id="deal-timer" class="timer"><div><span id="${SHOP_TIMER_IDS.minutes}">04</span><small>min</small></div><div><span id="${SHOP_TIMER_IDS.seconds}">59</span><small>sec</small></div><div><span id="${SHOP_TIMER_IDS.hundredths}">99</span></div></div></section>`;
  plant('dp:limited-time');
  const extras = darkPattern('dp:preticked', 0);
  plant('dp:preticked');
  const head = '<meta name="viewport" content="width=device-width"><style>.product-grid{display:grid;grid-template-columns:repeat(4,1fr)}.timer div{display:inline-block}</style>';
  const fixed = shell(
    '',
    'en',
    head,
    `${SITE_HEADER}<nav class="categories"><ul>${categories}</ul></nav><main><h1>Kitchen and home</h1>${deal}<ul class="product-grid"></ul><section id="reviews"><h2>Customer reviews</h2></section>${extras}</main>${SITE_FOOTER}${CONSENT_BANNER}${NEWSLETTER_MODAL}`,
  );
  plant('dp:consent-no-reject');
  plant('dp:nagging-overlay');
  plant('dp:confirmshaming');
  let elements = countElements(fixed);
  const cards: string[] = [];
  const reviews: string[] = [];
  for (let i = 0; elements < target; i++) {
    let block: string;
    if (i % 4 === 3) {
      block =
        `<div class="review"><div class="review-head"><span class="stars" aria-label="${1 + (i % 5)} out of 5 stars">★★★★☆</span> <strong>${sentence(next, 4)}</strong></div>` +
        `<p class="review-by">${pick(next, NAMES)} · Verified purchase</p><p>${sentence(next, 22)}</p><div class="helpful"><button type="button">Helpful</button> <button type="button">Report</button></div></div>`;
      reviews.push(block);
    } else {
      const low = i % 37 === 5;
      const stock = low ? `Only ${1 + (i % 3)} left in stock!` : pick(next, ['In stock', 'In stock', 'In stock', 'Ships in 2–3 days', 'Out of stock', 'Available online']);
      if (low) plant('dp:low-stock');
      block = productCard(next, i, stock);
      if (i % 53 === 9) {
        block = block.replace('</li>', `<div class="badges"><span class="badge">Selling fast!</span></div></li>`);
        plant('dp:high-demand');
      }
      cards.push(block);
    }
    elements += countElements(block);
  }
  const html = fixed
    .replace('<ul class="product-grid"></ul>', `<ul class="product-grid">${cards.join('')}</ul>`)
    .replace('<h2>Customer reviews</h2></section>', `<h2>Customer reviews</h2>${reviews.join('')}</section>`)
    .replace('<title></title>', `<title>Kitchen and home (${target} elements)</title>`);
  const darkPatterns = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { html, elements: countElements(html), planted: { ads: 0, darkPatterns, byKind } };
}
