/**
 * "Show on page": outline elements with a small label, in a closed shadow root on top of the page.
 * The overlay is `position: fixed` with `pointer-events: none`, so it neither shifts layout nor
 * catches clicks; labels are set with `textContent` (never HTML); `clear()` removes every trace.
 */
export interface Highlighter {
  show(items: readonly { element: Element; label: string }[]): void;
  clear(): void;
}

const HOST_STYLE = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647;contain:strict;';
const BOX_STYLE =
  'position:fixed;box-sizing:border-box;border:3px solid #d9480f;border-radius:4px;background:rgba(217,72,15,.08);pointer-events:none;';
const LABEL_STYLE =
  'position:absolute;left:-3px;top:-22px;max-width:320px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;' +
  'font:600 12px/18px system-ui,sans-serif;color:#fff;background:#d9480f;padding:0 6px;border-radius:3px;';

export function createHighlighter(doc: Document): Highlighter {
  let host: HTMLElement | null = null;
  let items: { element: Element; box: HTMLElement }[] = [];
  let frame = 0;
  const win = doc.defaultView!;

  const place = () => {
    frame = 0;
    for (const { element, box } of items) {
      const r = element.getBoundingClientRect();
      box.style.display = r.width === 0 && r.height === 0 ? 'none' : 'block';
      box.style.left = `${r.left}px`;
      box.style.top = `${r.top}px`;
      box.style.width = `${r.width}px`;
      box.style.height = `${r.height}px`;
    }
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
        tag.textContent = label;
        box.append(tag);
        root.append(box);
        items.push({ element, box });
      }
      doc.documentElement.append(host);
      place();
      list[0]?.element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      win.addEventListener('scroll', schedule, { capture: true, passive: true });
      win.addEventListener('resize', schedule, { passive: true });
    },
    clear,
  };
}
