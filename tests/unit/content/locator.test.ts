// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { locatorOf } from '../../../lib/content/locator';
import { createReportedSet, MAX_REPORTED } from '../../../lib/content/reported-set';
import type { Finding } from '../../../lib/core/detector';

/** The locator before issue #13 (a walk over the siblings of every step), as the reference. */
function referenceLocator(el: Element): string {
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && steps.length < 6) {
    const id = node.id;
    if (id && /^[A-Za-z][\w-]{0,60}$/.test(id) && !/\d{4,}/.test(id)) {
      steps.unshift(`#${id}`);
      break;
    }
    let step = node.localName;
    const parent: Element | null = node.parentElement;
    if (parent) {
      let index = 0;
      let same = 0;
      for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
        if (sib.localName === node.localName) {
          same += 1;
          if (sib === node) index = same;
        }
      }
      if (same > 1) step += `:nth-of-type(${index})`;
    }
    steps.unshift(step);
    node = parent;
  }
  const path = steps.join(' > ');
  return path.length > 200 ? path.slice(path.length - 200) : path;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('locatorOf (issue #13: linear in siblings)', () => {
  test('the same locators as the sibling walk, on a mixed tree', () => {
    document.body.innerHTML = `<main><section><p>a</p><div><span>x</span><span>y</span><p>b</p></div><p>c</p></section>
      <section id="keep"><ul><li>1</li><li>2</li><li><a>3</a></li></ul></section><div id="ad-12345"><i></i></div></main>`;
    for (const el of document.body.querySelectorAll('*')) expect(locatorOf(el)).toBe(referenceLocator(el));
  });

  test('a change among the children is seen (count, first or last child), without waiting', () => {
    document.body.innerHTML = '<div id="list"><p>a</p><p>b</p><p>c</p></div>';
    const list = document.getElementById('list')!;
    const c = list.children[2]!;
    expect(locatorOf(c)).toBe('#list > p:nth-of-type(3)');
    list.prepend(document.createElement('p'));
    expect(locatorOf(c)).toBe('#list > p:nth-of-type(4)');
    list.firstElementChild!.replaceWith(document.createElement('span'));
    expect(locatorOf(c)).toBe('#list > p:nth-of-type(3)');
    list.lastElementChild!.remove();
    expect(locatorOf(list.lastElementChild!)).toBe('#list > p:nth-of-type(2)');
  });

  test('20,000 siblings: every locator right, and far less work than a walk per finding', () => {
    const list = document.createElement('div');
    list.id = 'list';
    for (let i = 0; i < 20_000; i++) list.appendChild(document.createElement(i % 3 ? 'p' : 'span'));
    document.body.appendChild(list);
    const started = performance.now();
    const locators = Array.from(list.children, (el) => locatorOf(el));
    const took = performance.now() - started;
    // Spot checks against the reference (which walks 20,000 siblings for each).
    for (const i of [0, 1, 2, 3, 9_999, 19_998, 19_999]) expect(locators[i]).toBe(referenceLocator(list.children[i]!));
    expect(new Set(locators).size).toBe(20_000);
    // Quadratic was ~4e8 sibling steps (minutes here); linear is a few hundred ms under happy-dom.
    expect(took).toBeLessThan(5_000);
  });
});

describe('the reported set stays cheap with many findings', () => {
  const ad = (element: Element) => ({ kind: 'ad', element }) as unknown as Finding;

  test('an ad inside, or around, a reported ad is not reported again; others are', () => {
    document.body.innerHTML = '<div id="outer"><div id="unit"><div id="inner"></div></div></div><div id="other"></div>';
    const set = createReportedSet();
    const $ = (id: string) => document.getElementById(id)!;
    expect(set.accept([ad($('unit'))])).toHaveLength(1);
    expect(set.accept([ad($('inner')), ad($('outer'))])).toEqual([]);
    expect(set.accept([ad($('other'))])).toHaveLength(1);
    // A former ancestor that no longer holds the unit is reported (the list decides).
    document.body.appendChild($('unit'));
    expect(set.accept([ad($('outer'))])).toHaveLength(1);
  });

  test('20,000 sibling ads accepted in 20,000 calls: linear, and memory pruned past MAX_REPORTED', () => {
    const list = document.createElement('div');
    for (let i = 0; i < 20_000; i++) list.appendChild(document.createElement('div'));
    document.body.appendChild(list);
    const set = createReportedSet();
    const started = performance.now();
    let fresh = 0;
    for (const el of list.children) fresh += set.accept([ad(el)]).length;
    expect(fresh).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Connected elements are kept; once they leave, the next prune forgets them.
    list.remove();
    for (let i = 0; i < MAX_REPORTED * 2 + 10; i++) set.accept([ad(document.body.appendChild(document.createElement('b')))]);
    expect(set.list().length).toBe(MAX_REPORTED * 2 + 10);
    expect(set.list().every((el) => el.isConnected)).toBe(true);
  });
});
