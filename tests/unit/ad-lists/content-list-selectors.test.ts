// @vitest-environment happy-dom
/**
 * The content side of the list (lib/content/list-selectors.ts): which names and links it collects,
 * what it asks the background and when, and which selectors it hands the detectors.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { collectListTokens, createListSelectorCache, type ListRequest } from '../../../lib/content/list-selectors';
import { contentMessage, parseMessage, type ListAnswer } from '../../../lib/messages';
import { MAX_LIST_HREFS_PER_MESSAGE, MAX_LIST_NAMES_PER_MESSAGE, MAX_LIST_SELECTOR_CHARS } from '../../../lib/message-limits';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('collectListTokens', () => {
  test.each([
    {
      name: 'class names, ids and http(s) links, each once',
      html: `<div class="ad-banner top" id="main"><a href="https://click.adnet.example/c?id=1" class="top">x</a><a href="https://click.adnet.example/c?id=1">again</a></div>`,
      expected: { classes: ['ad-banner', 'top'], ids: ['main'], hrefs: ['https://click.adnet.example/c?id=1'] },
    },
    {
      name: 'relative links resolved against the page',
      html: `<a href="/partner/offer">x</a>`,
      expected: { classes: [], ids: [], hrefs: [new URL('/partner/offer', document.baseURI).href] },
    },
    {
      name: 'no names a list rule cannot be indexed by (non-ASCII, escapes, punctuation), no other schemes',
      html: `<div class="реклама a:b w-[300px]" id="x.y"><a href="javascript:void(0)">x</a><a href="mailto:ads@news.example">y</a></div>`,
      expected: { classes: [], ids: [], hrefs: [] },
    },
    {
      name: 'SVG elements (className is not a string there)',
      html: `<svg class="ad-icon" id="logo"><a href="https://x.example/"><text>x</text></a></svg>`,
      expected: { classes: ['ad-icon'], ids: ['logo'], hrefs: [] },
    },
  ])('$name', ({ html, expected }) => {
    expect(collectListTokens([page(html)], new Set())).toEqual(expected);
  });

  test('the root itself counts, and only what is under the roots', () => {
    const doc = page(`<section class="outside"><div id="root" class="inside"><span class="deeper"></span></div></section>`);
    expect(collectListTokens([doc.getElementById('root')!], new Set())).toEqual({ classes: ['inside', 'deeper'], ids: ['root'], hrefs: [] });
  });

  test('what was collected before is not collected again', () => {
    const doc = page(`<div class="a b" id="c"></div>`);
    const seen = new Set<string>();
    collectListTokens([doc], seen);
    doc.body.insertAdjacentHTML('beforeend', '<div class="b d" id="c"></div>');
    expect(collectListTokens([doc], seen)).toEqual({ classes: ['d'], ids: [], hrefs: [] });
  });

  test('bounded per batch: 2,000 names of each kind and 500 links', () => {
    const many = Array.from({ length: 2500 }, (_, i) => `<a class="c${i}" id="i${i}" href="https://x.example/${i}"></a>`).join('');
    const { classes, ids, hrefs } = collectListTokens([page(many)], new Set());
    expect([classes.length, ids.length, hrefs.length]).toEqual([2000, 2000, 500]);
  });

  test('a class and an id of the same name are both collected', () => {
    expect(collectListTokens([page(`<div class="ad" id="ad"></div>`)], new Set())).toEqual({ classes: ['ad'], ids: ['ad'], hrefs: [] });
  });
});

describe('createListSelectorCache', () => {
  let asked: ListRequest[];
  let replies: ((request: ListRequest) => unknown)[];
  let ask: (request: ListRequest) => Promise<unknown>;

  beforeEach(() => {
    asked = [];
    replies = [];
    ask = async (request) => {
      asked.push(request);
      // Every request must be a valid message: the background drops the rest.
      expect(parseMessage(contentMessage, { type: 'list-selectors', ...request }).ok).toBe(true);
      const reply = replies.shift();
      return reply ? reply(request) : ({ state: 'ready', selectors: [] } satisfies ListAnswer);
    };
  });

  test('off: asks once per document, with no names, then never again', async () => {
    const doc = page(`<div class="ad-banner"></div>`);
    replies = [() => ({ state: 'off', selectors: [] })];
    const lists = createListSelectorCache(doc, ask);
    await lists.prepare([doc]);
    doc.body.insertAdjacentHTML('beforeend', '<div class="new"></div>');
    await lists.prepare([doc.body.lastElementChild!]);
    expect(asked).toEqual([{ url: doc.URL, site: true, classes: [], ids: [], hrefs: [] }]);
    expect(lists.selectors()).toEqual([]);
  });

  test('on: the site rules first, then the batch’s names; later batches ask only about new names', async () => {
    const doc = page(`<div class="ad-banner" id="sidebar-ad"></div>`);
    replies = [() => ({ state: 'ready', selectors: ['div[data-ad-slot-name]'] }), () => ({ state: 'ready', selectors: ['.ad-banner', '#sidebar-ad'] })];
    const lists = createListSelectorCache(doc, ask);
    await lists.prepare([doc]);
    expect(asked.map((r) => [r.site, r.classes, r.ids])).toEqual([
      [true, [], []],
      [false, ['ad-banner'], ['sidebar-ad']],
    ]);
    expect(lists.selectors()).toEqual(['div[data-ad-slot-name]', '.ad-banner', '#sidebar-ad']);

    doc.body.insertAdjacentHTML('beforeend', '<div class="ad-banner promo-tile"></div>');
    replies = [() => ({ state: 'ready', selectors: ['.promo-tile', '.ad-banner'] })];
    await lists.prepare([doc.body.lastElementChild!]);
    expect(asked[2]).toMatchObject({ site: false, classes: ['promo-tile'], ids: [] });
    expect(lists.selectors()).toEqual(['div[data-ad-slot-name]', '.ad-banner', '#sidebar-ad', '.promo-tile']);

    await lists.prepare([doc.body.lastElementChild!]);
    expect(asked.length).toBe(3);
  });

  test('loading or no answer: nothing more this batch; the next batch asks for the site rules again', async () => {
    const doc = page(`<div class="ad-banner"></div>`);
    replies = [() => ({ state: 'loading', selectors: [] }), () => undefined, () => Promise.reject(new Error('Extension context invalidated.'))];
    const lists = createListSelectorCache(doc, ask);
    for (let i = 0; i < 3; i++) await lists.prepare([doc]);
    expect(asked.map((r) => r.site)).toEqual([true, true, true]);
    await lists.prepare([doc]);
    expect(asked.map((r) => r.site)).toEqual([true, true, true, true, false]);
  });

  test('many names: split into messages within the caps', async () => {
    const html = Array.from({ length: 700 }, (_, i) => `<a class="c${i}" href="https://x.example/${i}"></a>`).join('');
    const doc = page(html);
    const lists = createListSelectorCache(doc, ask);
    await lists.prepare([doc]);
    const batches = asked.filter((r) => !r.site);
    expect(batches.length).toBe(5);
    for (const r of batches) {
      expect(r.classes.length).toBeLessThanOrEqual(MAX_LIST_NAMES_PER_MESSAGE);
      expect(r.hrefs.length).toBeLessThanOrEqual(MAX_LIST_HREFS_PER_MESSAGE);
    }
    expect(batches.flatMap((r) => r.classes).length).toBe(700);
    expect(batches.flatMap((r) => r.hrefs).length).toBe(500);
  });

  test('selectors this browser cannot parse are skipped and counted; junk in an answer is ignored', async () => {
    const doc = page(`<div class="ad-banner"></div>`);
    replies = [
      () => ({
        state: 'ready',
        selectors: ['.ad-banner', 'div[data-broken', '##not-css', 42, null, `div[title="${'x'.repeat(MAX_LIST_SELECTOR_CHARS)}"]`, '.ad-banner', '#sidebar-ad'],
      }),
    ];
    const lists = createListSelectorCache(doc, ask);
    await lists.prepare([doc]);
    expect(lists.selectors()).toEqual(['.ad-banner', '#sidebar-ad']);
    expect(lists.invalid()).toBe(2);
  });

  test.each([
    { name: 'not an object', reply: 'ready' },
    { name: 'one whose selectors are not an array', reply: { state: 'ready', selectors: '.ad-banner' } },
  ])('an answer that is $name counts as no answer: nothing kept, asked again next batch', async ({ reply }) => {
    const doc = page(`<div class="ad-banner"></div>`);
    replies = [() => reply];
    const lists = createListSelectorCache(doc, ask);
    await lists.prepare([doc]);
    expect(lists.selectors()).toEqual([]);
    await lists.prepare([doc]);
    expect(asked.map((r) => r.site)).toEqual([true, true, false]);
  });

  test('an answer with an unknown state counts as off: the page stops asking', async () => {
    const doc = page(`<div class="ad-banner"></div>`);
    replies = [() => ({ state: 'maybe', selectors: [] })];
    const lists = createListSelectorCache(doc, ask);
    await lists.prepare([doc]);
    await lists.prepare([doc]);
    expect(asked.length).toBe(1);
  });
});
