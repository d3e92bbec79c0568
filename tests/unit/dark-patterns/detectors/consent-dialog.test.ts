// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { consentDialog } from '../../../../lib/dark-patterns/detectors/consent-dialog';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { lessProminent } from '../../../../lib/dark-patterns/support/prominence';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const ctx: DarkPatternContext = { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => 0 };
const dialog = (inner: string) => `<div role="dialog"><p>We and our partners use cookies.</p>${inner}</div>`;

function rect(el: Element, width: number, height: number) {
  el.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: width, bottom: height, width, height, toJSON: () => ({}) }) as DOMRect;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const types = () => consentDialog.detect(document, ctx).map((f) => (f as { type: string }).type);

describe('detects', () => {
  test.each<[string, string, string]>([
    ['accept and settings only', dialog('<button>Accept all</button><button>Manage preferences</button>'), 'consent-no-reject'],
    ['accept only ("OK")', dialog('<button>OK</button>'), 'consent-no-reject'],
    ['a reject hidden in the second layer', dialog('<button>Accept</button><div hidden><button>Reject all</button></div>'), 'consent-no-reject'],
    ['reject as a plain link', dialog('<button>Accept all</button><a href="#">Reject all</a>'), 'reject-less-prominent'],
    ['reject in a smaller font', dialog('<button style="font-size: 20px">Accept all</button><button style="font-size: 11px">Reject all</button>'), 'reject-less-prominent'],
    ['reject in faint text', dialog('<button style="color: #fff; background: #000">Accept all</button><button style="color: #ddd; background: #fff">Reject all</button>'), 'reject-less-prominent'],
    ['a ticked switch', dialog('<button>Accept all</button><button>Reject all</button><span id="l">Advertising</span><button role="switch" aria-checked="true" aria-labelledby="l"></button>'), 'preticked-purposes'],
  ])('%s', (_, html, type) => {
    document.body.innerHTML = html;
    expect(types()).toContain(type);
  });

  test('a reject much shorter than accept in layout', () => {
    document.body.innerHTML = dialog('<button id="a">Accept all</button><button id="r">Reject all</button>');
    rect(document.getElementById('a')!, 200, 48);
    rect(document.getElementById('r')!, 120, 24);
    expect(lessProminent(document.getElementById('r')!, document.getElementById('a')!, window)).toEqual(['reject is 24 px tall, accept 48 px']);
    expect(types()).toEqual(['reject-less-prominent']);
  });
});

describe('ignores', () => {
  test.each<[string, string]>([
    ['equal accept and reject', dialog('<button>Accept all</button><button>Reject all</button>')],
    ['one prominent reject among several', dialog('<button>Accept all</button><a href="#">Necessary only</a><button>Reject all</button>')],
    ['equal buttons of different widths', dialog('<button id="a">Accept all cookies</button><button id="r">Reject</button>')],
    ['a link-styled reject with a fill of its own', dialog('<button>Accept all</button><a href="#" style="background: #222; color: #fff">Reject all</a>')],
    ['necessary purposes ticked and disabled', dialog('<button>Accept all</button><button>Reject all</button><label><input type="checkbox" checked disabled> Strictly necessary</label>')],
    ['a dialog with no accept (a newsletter)', '<div role="dialog"><p>Cookies recipes every week</p><button>Subscribe</button></div>'],
    ['a page-sized wrapper with cookie words', `<div style="position: fixed"><p>Cookie policy</p>${'<p>Long article text. </p>'.repeat(400)}<button>OK</button></div>`],
    ['a static footer (not dialog-like)', '<footer><p>We use cookies.</p><button>OK</button></footer>'],
  ])('%s', (_, html) => {
    document.body.innerHTML = html;
    if (document.getElementById('a')) {
      rect(document.getElementById('a')!, 180, 40);
      rect(document.getElementById('r')!, 80, 40);
    }
    expect(types()).toEqual([]);
  });
});
