import type { EngagementAct } from '../schema/content-messages';
import type { EngagementAction } from '../schema/events';

export interface EngagementOptions {
  /** Receives each counted act, at once; the caller batches. */
  report: (act: EngagementAct) => void;
  /** Elements whose interactions are not the person's own choice to engage (ads, prompts). */
  isExcluded?: (element: Element) => boolean;
  now?: () => number;
}

/**
 * Some events are trusted although a script caused them: `play` after `video.play()`, `submit`
 * after `form.requestSubmit()` or a scripted click on a submit button, `input` after
 * `document.execCommand('insertText')`, focus and blur after `el.focus()`. Those count only as
 * part of a trusted gesture (a key or pointer input) this recent, and aimed at them.
 */
const GESTURE_WINDOW_MS = 1000;
/** Per kind, per document: at most this many acts a minute. */
export const MAX_ACTS_PER_MINUTE = 30;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

function isTextField(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return el instanceof HTMLElement && el.isContentEditable;
}

function describe(el: Element): EngagementAct['target'] {
  return { tag: el.localName.slice(0, 32), role: el.getAttribute('role')?.slice(0, 32) ?? null };
}

function isSubmitControl(el: Element): boolean {
  const control = el.closest('button, input');
  if (!control) return false;
  if (control instanceof HTMLButtonElement) return control.type === 'submit' && control.form !== null;
  return control instanceof HTMLInputElement && (control.type === 'submit' || control.type === 'image') && control.form !== null;
}

/** One trusted key or pointer input: when, what it was aimed at, and whether it was a key. */
interface Gesture {
  at: number;
  target: Element | null;
  key: boolean;
}

/** `el` is `target` or holds it (a shadow host holds what is inside its tree, as composedPath says). */
function aimsAt(gesture: Gesture, el: Element): boolean {
  const t = gesture.target;
  return t !== null && (t === el || el.contains(t));
}

/**
 * Count the person's deliberate acts: trusted clicks, typing (once per field until the person
 * points elsewhere or presses Tab, and only on trusted key input), form submits and media they
 * started. Events a page script dispatches have `isTrusted === false` and never count; events the
 * browser fires on a script's behalf count only as part of a trusted gesture aimed at them (see
 * GESTURE_WINDOW_MS). At most one act per gesture per kind, and MAX_ACTS_PER_MINUTE per kind.
 * Returns a function that removes every listener.
 */
export function watchEngagement(win: Window, options: EngagementOptions): () => void {
  const now = options.now ?? (() => Date.now());
  const excluded = options.isExcluded ?? (() => false);
  // Fields typed in since the person last pointed somewhere or pressed Tab. A script's focus() and
  // blur() change nothing here.
  let typed = new WeakSet<Element>();
  let gesture: Gesture = { at: Number.NEGATIVE_INFINITY, target: null, key: false };
  // The gesture each kind last counted in: one act per gesture per kind.
  const countedIn = new Map<EngagementAction, Gesture>();
  // Rate bound: acts per kind in the current minute (a window from its first act).
  const minutes = new Map<EngagementAction, [number, number]>();
  const take = (action: EngagementAction, at: number): boolean => {
    let w = minutes.get(action);
    if (!w || at - w[0] >= 60_000) minutes.set(action, (w = [at, 0]));
    return w[1]++ < MAX_ACTS_PER_MINUTE;
  };
  const emit = (action: EngagementAction, el: Element) => {
    if (excluded(el) || countedIn.get(action) === gesture) return;
    const at = now();
    if (!take(action, at)) return;
    countedIn.set(action, gesture);
    options.report({ action, at, target: describe(el) });
  };
  const targetOf = (event: Event): Element | null => {
    const path = event.composedPath();
    const first = path[0];
    return first instanceof Element ? first : event.target instanceof Element ? event.target : null;
  };
  const begin = (event: Event, key: boolean) => {
    gesture = { at: now(), target: targetOf(event), key };
  };
  const recent = () => now() - gesture.at <= GESTURE_WINDOW_MS;

  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    // A click is a gesture of its own (a pointerdown came first, unless it was a key's click).
    begin(event, false);
    const el = gesture.target;
    if (!el) return;
    // One act, one count: a submit button's click is counted as the submit, a click on a media
    // element's own controls as the media it starts.
    if (isSubmitControl(el) || el.closest('video, audio')) return;
    emit('click', el);
  };
  const onPointerDown = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    begin(event, false);
    // Pointing into a field already typed in keeps it (moving the caret is not a new focus).
    const field = gesture.target?.closest('input, textarea, [contenteditable]');
    const keep = field && typed.has(field);
    typed = new WeakSet();
    if (keep) typed.add(field);
  };
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    begin(event, true);
    if (event.key === 'Tab') typed = new WeakSet();
  };
  const onInput = (event: Event) => {
    // Typing is a trusted key, aimed at this field, and the input it caused: not execCommand after
    // a click, not a script's focus() between two of them.
    if (!event.isTrusted || !recent() || !gesture.key) return;
    const el = targetOf(event);
    if (!el || !isTextField(el) || typed.has(el) || !aimsAt(gesture, el)) return;
    typed.add(el);
    emit('type', el);
  };
  const onSubmit = (event: SubmitEvent) => {
    if (!event.isTrusted || !recent()) return;
    const form = targetOf(event);
    if (!form) return;
    // The gesture was aimed at this form: a field or button inside it, or a button it owns (`form=`).
    const t = gesture.target;
    const owned = t !== null && (aimsAt(gesture, form) || (t.closest('button, input') as HTMLButtonElement | HTMLInputElement | null)?.form === form);
    if (owned) emit('submit', form);
  };
  const onPlay = (event: Event) => {
    if (!event.isTrusted || !recent()) return;
    const el = targetOf(event);
    if (el && aimsAt(gesture, el)) emit('media', el);
  };

  const listeners: [string, EventListener][] = [
    ['click', onClick as EventListener],
    ['keydown', onKey as EventListener],
    ['pointerdown', onPointerDown as EventListener],
    ['input', onInput],
    ['submit', onSubmit as EventListener],
    ['play', onPlay],
  ];
  // Capture phase on the window: pages cannot hide acts from us with stopPropagation, and `play`
  // and `submit` (which do not bubble through every tree the same way) are all seen.
  for (const [type, fn] of listeners) win.addEventListener(type, fn, { capture: true, passive: true });
  return () => {
    for (const [type, fn] of listeners) win.removeEventListener(type, fn, { capture: true });
  };
}
