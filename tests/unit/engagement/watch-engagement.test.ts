// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchEngagement, type EngagementOptions } from '../../../lib/engagement/watch-engagement';
import type { EngagementAct } from '../../../lib/messages';

/**
 * happy-dom (21) has no `isTrusted` at all: every event it creates reads `undefined`, which the
 * watcher treats as untrusted. A browser-made (trusted) event is emulated by defining `isTrusted`
 * on the event instance before dispatch. In a real browser `isTrusted` is an own unforgeable
 * property that page scripts cannot set this way; here the test stands in for the browser.
 * Synthetic events are tested both as happy-dom makes them (`undefined`) and as a browser reports
 * them (`false`).
 */
function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
function untrusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}

let acts: EngagementAct[];
let clock: number;
let stop: (() => void) | null;

function watch(options: Partial<EngagementOptions> = {}): () => void {
  stop = watchEngagement(window, { report: (act) => acts.push(act), now: () => clock, ...options });
  return stop;
}

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

const click = (el: Element) => el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
const pointerDown = (el: Element) => el.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
const keyDown = (el: Element, key = 'a') => el.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, composed: true })));
const input = (el: Element) => el.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true, data: 'a' })));
const type = (el: Element) => (keyDown(el), input(el));
const focusOut = (el: Element) => el.dispatchEvent(trusted(new FocusEvent('focusout', { bubbles: true, composed: true })));
const submit = (form: HTMLFormElement, submitter: HTMLElement | null = null) =>
  form.dispatchEvent(trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter })));
const play = (media: HTMLMediaElement) => media.dispatchEvent(trusted(new Event('play')));

const actions = () => acts.map((a) => a.action);

beforeEach(() => {
  acts = [];
  clock = 1_000_000;
  stop = null;
  document.body.innerHTML = `
    <a id="link" href="#top">Top</a>
    <div id="menu" role="button">Menu</div>
    <form id="search">
      <input id="q" type="search">
      <input id="agree" type="checkbox">
      <input id="plain">
      <input id="ro" readonly>
      <input id="volume" type="range">
      <textarea id="note"></textarea>
      <button id="go"><span id="go-label">Go</span></button>
      <button id="reset" type="button">Clear</button>
      <input id="send" type="submit" value="Send">
    </form>
    <button id="loose">Not in a form</button>
    <div id="editor" contenteditable="true"></div>
    <video id="clip"></video>
    <audio id="song"></audio>
    <div data-ad>
      <button id="ad-cta">Buy now</button>
      <input id="ad-email" type="email">
      <video id="ad-video"></video>
    </div>
    <form id="ad-form" data-ad><input id="ad-q"></form>
  `;
  // Keep happy-dom from acting on submits (a browser would navigate).
  for (const form of document.querySelectorAll('form')) form.addEventListener('submit', (e) => e.preventDefault());
});

afterEach(() => {
  stop?.();
});

describe('ignores synthetic events', () => {
  const cases: { name: string; fire: () => void }[] = [
    { name: 'el.click()', fire: () => $('#menu').click() },
    { name: 'el.click() on a submit button (and the submit it causes)', fire: () => $('#go').click() },
    { name: 'dispatchEvent(new MouseEvent("click"))', fire: () => $('#link').dispatchEvent(new MouseEvent('click', { bubbles: true })) },
    { name: 'a MouseEvent with isTrusted false', fire: () => $('#link').dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true }))) },
    {
      name: 'KeyboardEvent then InputEvent',
      fire: () => {
        $('#q').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
        $('#q').dispatchEvent(new InputEvent('input', { bubbles: true, data: 'a' }));
      },
    },
    {
      name: 'KeyboardEvent and InputEvent with isTrusted false',
      fire: () => {
        $('#q').dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true })));
        $('#q').dispatchEvent(untrusted(new InputEvent('input', { bubbles: true, data: 'a' })));
      },
    },
    { name: 'SubmitEvent', fire: () => $('#search').dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true })) },
    { name: 'SubmitEvent with isTrusted false', fire: () => $('#search').dispatchEvent(untrusted(new SubmitEvent('submit', { bubbles: true, cancelable: true }))) },
    { name: 'form.requestSubmit()', fire: () => $<HTMLFormElement>('#search').requestSubmit() },
    { name: 'Event("play")', fire: () => $('#clip').dispatchEvent(new Event('play')) },
    { name: 'Event("play") with isTrusted false', fire: () => $('#clip').dispatchEvent(untrusted(new Event('play'))) },
  ];

  test.each(cases)('$name never counts', ({ fire }) => {
    watch();
    fire();
    expect(acts).toEqual([]);
  });

  test.each(cases)('$name never counts, even right after a trusted input', ({ fire }) => {
    watch();
    pointerDown($('#link'));
    keyDown(document.body);
    fire();
    expect(acts).toEqual([]);
  });

  test('synthetic key and pointer events do not open the gesture window', () => {
    watch();
    $('#q').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    $('#q').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    // The browser's own (trusted) submit and play, caused by a script.
    submit($<HTMLFormElement>('#search'));
    play($<HTMLVideoElement>('#clip'));
    expect(acts).toEqual([]);
  });

  test('a synthetic focusout does not make one focus of a field count twice', () => {
    watch();
    type($('#q'));
    $('#q').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    type($('#q'));
    expect(actions()).toEqual(['type']);
  });
});

describe('counts clicks', () => {
  test.each([
    { selector: '#menu', target: { tag: 'div', role: 'button' } },
    { selector: '#link', target: { tag: 'a', role: null } },
    { selector: '#reset', target: { tag: 'button', role: null } },
    { selector: '#loose', target: { tag: 'button', role: null } },
    { selector: '#agree', target: { tag: 'input', role: null } },
  ])('a trusted click on $selector counts once as $target.tag', ({ selector, target }) => {
    watch();
    click($(selector));
    expect(acts).toEqual([{ action: 'click', at: clock, target }]);
  });

  test('each trusted click counts', () => {
    watch();
    click($('#menu'));
    clock += 50;
    click($('#menu'));
    expect(acts.map((a) => a.at)).toEqual([1_000_000, 1_000_050]);
  });

  test('a click the page stops from propagating still counts (capture on the window)', () => {
    $('#menu').addEventListener('click', (e) => e.stopImmediatePropagation(), { capture: true });
    document.addEventListener('click', (e) => e.stopPropagation(), { capture: true });
    watch();
    click($('#menu'));
    expect(actions()).toEqual(['click']);
  });
});

describe('counts typing', () => {
  test.each([
    { selector: '#q', tag: 'input' },
    { selector: '#plain', tag: 'input' },
    { selector: '#note', tag: 'textarea' },
    { selector: '#editor', tag: 'div' },
  ])('once per focus of $selector: two inputs in the same focus count once', ({ selector, tag }) => {
    watch();
    type($(selector));
    type($(selector));
    type($(selector));
    expect(acts).toEqual([{ action: 'type', at: clock, target: { tag, role: null } }]);
  });

  // Issue #13: a trusted focusout is what a script's blur() fires too, so it no longer starts a new
  // focus; the person pointing somewhere (or pressing Tab) does.
  test('a trusted focusout alone (a script\'s blur()) does not make the field count again', () => {
    watch();
    type($('#q'));
    focusOut($('#q'));
    $('#q').dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
    type($('#q'));
    expect(actions()).toEqual(['type']);
  });

  test.each([
    { name: 'a pointerdown elsewhere', between: () => pointerDown($('#link')) },
    { name: 'Tab', between: () => keyDown($('#q'), 'Tab') },
  ])('after $name, typing in the field again counts again', ({ between }) => {
    watch();
    type($('#q'));
    type($('#q'));
    focusOut($('#q'));
    between();
    type($('#q'));
    expect(actions()).toEqual(['type', 'type']);
  });

  test('a pointerdown inside the field being typed in (moving the caret) is not a new focus', () => {
    watch();
    type($('#q'));
    pointerDown($('#q'));
    type($('#q'));
    expect(actions()).toEqual(['type']);
  });

  test('typing in two fields counts once each', () => {
    watch();
    type($('#q'));
    type($('#note'));
    type($('#q'));
    expect(acts.map((a) => a.target.tag)).toEqual(['input', 'textarea']);
  });

  test('input a script caused (no trusted key or pointer input in the last second) does not count', () => {
    watch();
    keyDown($('#q'));
    clock += 1_001;
    input($('#q'));
    expect(acts).toEqual([]);
  });
});

describe('ignores input that is not typing', () => {
  test.each([
    { name: 'a checkbox', selector: '#agree' },
    { name: 'a read-only field', selector: '#ro' },
    { name: 'a range slider', selector: '#volume' },
  ])('input in $name', ({ selector }) => {
    watch();
    keyDown($(selector), ' ');
    input($(selector));
    expect(actions()).not.toContain('type');
  });

  test('input in a disabled field', () => {
    $<HTMLInputElement>('#plain').disabled = true;
    watch();
    type($('#plain'));
    expect(acts).toEqual([]);
  });
});

describe('counts submits', () => {
  test('a trusted submit right after a trusted keydown (Enter) counts, as the form', () => {
    watch();
    keyDown($('#q'), 'Enter');
    clock += 5;
    submit($<HTMLFormElement>('#search'));
    expect(acts).toEqual([{ action: 'submit', at: clock, target: { tag: 'form', role: null } }]);
  });

  test.each([
    { delay: 0, counts: true },
    { delay: 1_000, counts: true },
    { delay: 1_001, counts: false },
    { delay: 60_000, counts: false },
  ])('a trusted submit $delay ms after the gesture counts: $counts', ({ delay, counts }) => {
    watch();
    keyDown($('#q'), 'Enter');
    clock += delay;
    submit($<HTMLFormElement>('#search'));
    expect(actions()).toEqual(counts ? ['submit'] : []);
  });

  test('a trusted submit with no gesture at all (form.requestSubmit() from a timer) does not count', () => {
    watch();
    submit($<HTMLFormElement>('#search'));
    expect(acts).toEqual([]);
  });

  test.each([
    { name: 'a submit button', selector: '#go' },
    { name: 'the label inside a submit button', selector: '#go-label' },
    { name: 'an input type=submit', selector: '#send' },
  ])('a click on $name is not counted as a click; its submit counts once', ({ selector }) => {
    watch();
    click($(selector));
    expect(acts).toEqual([]);
    submit($<HTMLFormElement>('#search'), $('#go'));
    expect(actions()).toEqual(['submit']);
  });
});

describe('counts media', () => {
  test.each([
    { name: 'a pointerdown', gesture: () => pointerDown($('#clip')) },
    { name: 'a click on the video', gesture: () => click($('#clip')) },
    { name: 'a keydown (space)', gesture: () => keyDown($('#clip'), ' ') },
  ])('play within 1 s of $name counts once, as media', ({ gesture }) => {
    watch();
    gesture();
    clock += 1_000;
    play($<HTMLVideoElement>('#clip'));
    expect(acts).toEqual([{ action: 'media', at: clock, target: { tag: 'video', role: null } }]);
  });

  test.each([
    { name: 'with no input at all (autoplay)', gap: null },
    { name: '1001 ms after a trusted input', gap: 1_001 },
    { name: 'a minute after a trusted input', gap: 60_000 },
  ])('play $name does not count', ({ gap }) => {
    watch();
    if (gap !== null) {
      pointerDown($('#link'));
      clock += gap;
    }
    play($<HTMLAudioElement>('#song'));
    expect(acts).toEqual([]);
  });

  test('a click on a video is not counted as a click', () => {
    watch();
    click($('#clip'));
    expect(acts).toEqual([]);
  });
});

describe('ignores excluded elements', () => {
  const isExcluded = (el: Element) => el.closest('[data-ad]') !== null;

  test.each([
    { name: 'a click', act: () => click($('#ad-cta')) },
    { name: 'typing', act: () => type($('#ad-email')) },
    { name: 'a submit', act: () => (keyDown($('#ad-q'), 'Enter'), submit($<HTMLFormElement>('#ad-form'))) },
    { name: 'media', act: () => (pointerDown($('#ad-video')), play($<HTMLVideoElement>('#ad-video'))) },
  ])('$name on an excluded element never counts', ({ act }) => {
    watch({ isExcluded });
    act();
    expect(acts).toEqual([]);
  });

  test('the same acts outside the excluded element count', () => {
    watch({ isExcluded });
    click($('#menu'));
    type($('#q'));
    keyDown($('#q'), 'Enter');
    submit($<HTMLFormElement>('#search'));
    // Media counts for a gesture aimed at it (issue #13), so the person points at the clip first.
    pointerDown($('#clip'));
    play($<HTMLVideoElement>('#clip'));
    expect(actions()).toEqual(['click', 'type', 'submit', 'media']);
  });
});

describe('stop', () => {
  test('removes every listener it added', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const off = watch();
    const addedTypes = added.mock.calls.map(([type, fn]) => [type, fn]);
    expect(addedTypes.length).toBeGreaterThan(0);
    off();
    expect(removed.mock.calls.map(([type, fn]) => [type, fn])).toEqual(addedTypes);
    for (const call of removed.mock.calls) expect(call[2]).toMatchObject({ capture: true });
    added.mockRestore();
    removed.mockRestore();
  });

  test('after stop, no act counts', () => {
    const off = watch();
    off();
    click($('#menu'));
    type($('#q'));
    keyDown($('#q'), 'Enter');
    submit($<HTMLFormElement>('#search'));
    pointerDown($('#clip'));
    play($<HTMLVideoElement>('#clip'));
    expect(acts).toEqual([]);
  });
});
