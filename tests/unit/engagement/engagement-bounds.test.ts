// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MAX_ACTS_PER_MINUTE, watchEngagement } from '../../../lib/engagement/watch-engagement';
import type { EngagementAct } from '../../../lib/messages';

/**
 * Issue #13, item 2: engagement is bounded by real input. A trusted event is emulated as in
 * watch-engagement.test.ts (happy-dom has no `isTrusted`); what a script causes in a browser
 * (`requestSubmit()`, `play()`, `execCommand('insertText')`, `focus()`/`blur()`) arrives trusted too.
 */
const trusted = <T extends Event>(event: T): T => Object.defineProperty(event, 'isTrusted', { value: true });
const $ = <T extends Element = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const pointerDown = (el: Element) => el.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
const click = (el: Element) => (pointerDown(el), el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true }))));
const keyDown = (el: Element, key = 'a') => el.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, composed: true })));
// What the browser fires for execCommand('insertText'), requestSubmit(), play(), blur()/focus().
const scriptInput = (el: Element) => el.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true, data: 'x' })));
const scriptSubmit = (form: Element) => form.dispatchEvent(trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true })));
const scriptPlay = (media: Element) => media.dispatchEvent(trusted(new Event('play')));
const scriptBlurFocus = (el: Element) => {
  el.dispatchEvent(trusted(new FocusEvent('focusout', { bubbles: true, composed: true })));
  el.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
};

let acts: EngagementAct[];
let clock: number;
let stop: () => void;
const counts = () => {
  const by: Record<string, number> = {};
  for (const a of acts) by[a.action] = (by[a.action] ?? 0) + 1;
  return by;
};

beforeEach(() => {
  acts = [];
  clock = 1_000_000;
  document.body.innerHTML = `
    <form id="f"><input id="field"><button id="inside" type="button">Check</button><button id="send">Send</button></form>
    <form id="other"><input id="other-field"></form>
    <button id="outside" form="f">Send from outside</button>
    <button id="elsewhere" type="button">Elsewhere</button>
    <div id="player"><video id="v"></video><button id="play-button" type="button">Play</button></div>
    <video id="w"></video>
    <div id="editor" contenteditable="true"></div>`;
  for (const form of document.querySelectorAll('form')) form.addEventListener('submit', (e) => e.preventDefault());
  stop = watchEngagement(window, { report: (act) => acts.push(act), now: () => clock });
});
afterEach(() => stop());

describe('the amplification page: one real click, then a script within the gesture window', () => {
  test.each(['#elsewhere', '#inside', '#v'])('a click on %s and 50 submits, 20 insertText with blur/focus, 10 play(): at most one act per kind', (where) => {
    click($(where));
    for (let i = 0; i < 50; i++) scriptSubmit($('#f'));
    for (let i = 0; i < 20; i++) {
      scriptInput($('#field'));
      scriptInput($('#editor'));
      scriptBlurFocus($('#field'));
    }
    for (let i = 0; i < 10; i++) {
      scriptPlay($('#v'));
      scriptPlay($('#w'));
    }
    const c = counts();
    for (const n of Object.values(c)) expect(n).toBe(1);
    // What may count: the click itself (not on a video), a submit when the click was inside the
    // form, the video when the click was on it. Typing never (no key was pressed).
    expect(c).toEqual(where === '#elsewhere' ? { click: 1 } : where === '#inside' ? { click: 1, submit: 1 } : { media: 1 });
  });

  test('execCommand("insertText") right after a real key aimed elsewhere does not count as typing', () => {
    keyDown($('#elsewhere'), 'Enter');
    scriptInput($('#field'));
    expect(acts).toEqual([]);
  });

  test('one real key, then a script types into 20 fields: at most one typing act', () => {
    keyDown($('#field'));
    scriptInput($('#field'));
    for (let i = 0; i < 20; i++) (scriptBlurFocus($('#field')), scriptInput($('#other-field')), scriptInput($('#editor')));
    expect(counts()).toEqual({ type: 1 });
  });
});

describe('a submit or a play counts for a gesture aimed at it', () => {
  test.each([
    { name: 'a key in a field of the form', gesture: () => keyDown($('#field'), 'Enter'), counts: true },
    { name: 'its submit button', gesture: () => click($('#send')), counts: true },
    { name: 'a button it owns through form=', gesture: () => click($('#outside')), counts: true },
    { name: 'a key in a field of another form', gesture: () => keyDown($('#other-field'), 'Enter'), counts: false },
    { name: 'a button outside it', gesture: () => click($('#elsewhere')), counts: false },
  ])('submit after $name: $counts', ({ gesture, counts: expected }) => {
    gesture();
    scriptSubmit($('#f'));
    expect(acts.some((a) => a.action === 'submit')).toBe(expected);
  });

  test.each([
    { name: 'the video', gesture: () => click($('#v')), counts: true },
    { name: 'a key on the video', gesture: () => keyDown($('#v'), ' '), counts: true },
    { name: 'another video', gesture: () => click($('#w')), counts: false },
    { name: 'a play button beside it (counted as its click)', gesture: () => click($('#play-button')), counts: false },
  ])('play after a gesture on $name: $counts', ({ gesture, counts: expected }) => {
    gesture();
    scriptPlay($('#v'));
    expect(acts.some((a) => a.action === 'media')).toBe(expected);
  });
});

describe('a rate bound per kind', () => {
  test(`at most ${MAX_ACTS_PER_MINUTE} clicks a minute; the next minute counts again`, () => {
    for (let i = 0; i < 100; i++) {
      click($('#elsewhere'));
      clock += 10;
    }
    expect(counts()).toEqual({ click: MAX_ACTS_PER_MINUTE });
    clock += 60_000;
    for (let i = 0; i < 100; i++) click($('#elsewhere'));
    expect(counts()).toEqual({ click: 2 * MAX_ACTS_PER_MINUTE });
  });

  test('one kind spent leaves the others', () => {
    for (let i = 0; i < 100; i++) click($('#elsewhere'));
    keyDown($('#field'));
    scriptInput($('#field'));
    expect(counts()).toEqual({ click: MAX_ACTS_PER_MINUTE, type: 1 });
  });

  test('a person clicking once every 2 s is never limited', () => {
    for (let i = 0; i < 120; i++) {
      click($('#elsewhere'));
      clock += 2_000;
    }
    expect(counts()).toEqual({ click: 120 });
  });
});
