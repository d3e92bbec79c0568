/**
 * "Show on page": outline elements with a small label, in a closed shadow root on top of the page.
 * The overlay is `position: fixed` with `pointer-events: none`, so it neither shifts layout nor
 * catches clicks; labels are set with `textContent` (never HTML); `clear()` removes every trace.
 * The first unit is scrolled into view at once (a smooth scroll waits for frames a hidden tab does
 * not draw). A unit the page covers with another element (an overlay over a countdown) or shows
 * with no size is said so on its label, in the browser's language, instead of an empty box.
 */
export interface Highlighter {
  show(items: readonly { element: Element; label: string }[]): void;
  clear(): void;
}

/** What the label adds for a unit that is covered or has no size (the extension's messages). */
export interface HighlightWords {
  covered: string;
  hidden: string;
}

type Translate = { i18n?: { getMessage(key: string): string } };

function wordsFromBrowser(): HighlightWords {
  const api = (globalThis as { browser?: Translate; chrome?: Translate }).browser ?? (globalThis as { chrome?: Translate }).chrome;
  const get = (key: string, english: string) => {
    try {
      return api?.i18n?.getMessage(key) || english;
    } catch {
      return english;
    }
  };
  return { covered: get('highlight_covered', 'covered by another layer of the page'), hidden: get('highlight_hidden', 'not visible on the page right now') };
}

const HOST_STYLE = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647;contain:strict;';
const BOX_STYLE =
  'position:fixed;box-sizing:border-box;border:3px solid #d9480f;border-radius:4px;background:rgba(217,72,15,.08);pointer-events:none;';
const LABEL_STYLE =
  'position:absolute;left:-3px;top:-22px;max-width:360px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;' +
  'font:600 13px/18px system-ui,sans-serif;color:#fff;background:#d9480f;padding:0 6px;border-radius:3px;';

type State = 'shown' | 'covered' | 'hidden';

/** Whether another element is on top of `element` at the centre of its visible part. */
function stateOf(doc: Document, element: Element, r: DOMRect, win: Window): State {
  if (r.width === 0 || r.height === 0) return 'hidden';
  const x = Math.min(Math.max((Math.max(r.left, 0) + Math.min(r.right, win.innerWidth)) / 2, 0), win.innerWidth - 1);
  const y = Math.min(Math.max((Math.max(r.top, 0) + Math.min(r.bottom, win.innerHeight)) / 2, 0), win.innerHeight - 1);
  if (r.bottom <= 0 || r.top >= win.innerHeight || r.right <= 0 || r.left >= win.innerWidth) return 'shown'; // off screen: nothing to test
  const hit = doc.elementFromPoint?.(x, y) ?? null;
  return hit && hit !== element && !element.contains(hit) && !hit.contains(element) ? 'covered' : 'shown';
}

export function createHighlighter(doc: Document, words: () => HighlightWords = wordsFromBrowser): Highlighter {
  let host: HTMLElement | null = null;
  let items: { element: Element; box: HTMLElement; tag: HTMLElement; label: string }[] = [];
  let frame = 0;
  const win = doc.defaultView!;
  let said: HighlightWords | null = null;

  const place = () => {
    frame = 0;
    const states: State[] = [];
    for (const { element, box, tag, label } of items) {
      const r = element.getBoundingClientRect();
      const state = stateOf(doc, element, r, win);
      states.push(state);
      said ??= state === 'shown' ? null : words();
      if (state === 'hidden') {
        // Nothing to outline: the label alone, at the top of the window, says so.
        box.style.cssText = `${BOX_STYLE}border:0;background:none;left:8px;top:30px;width:0;height:0;display:block;`;
        tag.textContent = `${label} — ${said!.hidden}`;
        continue;
      }
      box.style.cssText = `${BOX_STYLE}left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;display:block;${state === 'covered' ? 'border-style:dashed;' : ''}`;
      tag.textContent = state === 'covered' ? `${label} — ${said!.covered}` : label;
    }
    host?.setAttribute('data-state', states.join(' '));
  };
  const schedule = () => {
    if (frame === 0) frame = win.requestAnimationFrame(place);
  };

  function clear(): void {
    win.removeEventListener('scroll', schedule, true);
    win.removeEventListener('resize', schedule);
    if (frame !== 0) win.cancelAnimationFrame(frame);
    frame = 0;
    host?.remove();
    host = null;
    items = [];
  }

  return {
    show(list) {
      clear();
      if (list.length === 0) return;
      host = doc.createElement('beaker-highlight');
      host.setAttribute('style', HOST_STYLE);
      const root = host.attachShadow({ mode: 'closed' });
      for (const { element, label } of list) {
        const box = doc.createElement('div');
        box.setAttribute('style', BOX_STYLE);
        const tag = doc.createElement('span');
        tag.setAttribute('style', LABEL_STYLE);
        tag.setAttribute('dir', 'auto');
        tag.textContent = label;
        box.append(tag);
        root.append(box);
        items.push({ element, box, tag, label });
      }
      doc.documentElement.append(host);
      list[0]?.element.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'instant' });
      place();
      win.addEventListener('scroll', schedule, { capture: true, passive: true });
      win.addEventListener('resize', schedule, { passive: true });
    },
    clear,
  };
}
