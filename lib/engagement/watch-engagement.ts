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
 * `document.execCommand('insertText')`. Those count only when a trusted key or pointer input came
 * this recently before them.
 */
const GESTURE_WINDOW_MS = 1000;

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

/**
 * Count the person's deliberate acts: trusted clicks, typing (once per focus of a field, not per
 * key), form submits and media they started. Events a page script dispatches have
 * `isTrusted === false` and never count; events the browser fires on a script's behalf count only
 * right after a trusted input (see GESTURE_WINDOW_MS). Returns a function that removes every listener.
 */
export function watchEngagement(win: Window, options: EngagementOptions): () => void {
  const now = options.now ?? (() => Date.now());
  const excluded = options.isExcluded ?? (() => false);
  const typedThisFocus = new WeakSet<Element>();
  let lastTrustedInput = Number.NEGATIVE_INFINITY;

  const emit = (action: EngagementAction, el: Element) => {
    if (excluded(el)) return;
    options.report({ action, at: now(), target: describe(el) });
  };
  const targetOf = (event: Event): Element | null => {
    const path = event.composedPath();
    const first = path[0];
    return first instanceof Element ? first : event.target instanceof Element ? event.target : null;
  };

  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    lastTrustedInput = now();
    const el = targetOf(event);
    if (!el) return;
    // One act, one count: a submit button's click is counted as the submit, a click on a media
    // element's own controls as the media it starts.
    if (isSubmitControl(el) || el.closest('video, audio')) return;
    emit('click', el);
  };
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    lastTrustedInput = now();
  };
  const recentGesture = () => now() - lastTrustedInput <= GESTURE_WINDOW_MS;
  const onInput = (event: Event) => {
    if (!event.isTrusted || !recentGesture()) return;
    const el = targetOf(event);
    if (!el || !isTextField(el) || typedThisFocus.has(el)) return;
    typedThisFocus.add(el);
    emit('type', el);
  };
  const onFocusOut = (event: FocusEvent) => {
    // A page's own focusout must not reset the field, or every keystroke could count as typing.
    if (!event.isTrusted) return;
    const el = targetOf(event);
    if (el) typedThisFocus.delete(el);
  };
  const onSubmit = (event: SubmitEvent) => {
    if (!event.isTrusted || !recentGesture()) return;
    const el = targetOf(event);
    if (el) emit('submit', el);
  };
  const onPlay = (event: Event) => {
    if (!event.isTrusted) return;
    const el = targetOf(event);
    if (!el || !recentGesture()) return;
    emit('media', el);
  };

  const listeners: [string, EventListener][] = [
    ['click', onClick as EventListener],
    ['keydown', onKey as EventListener],
    ['pointerdown', onKey as unknown as EventListener],
    ['input', onInput],
    ['focusout', onFocusOut as EventListener],
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
