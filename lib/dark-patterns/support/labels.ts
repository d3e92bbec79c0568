import { labelledByText, normalize, textOf } from './dom';

const MAX_LABEL = 200;

/** The label a person reads for a control, and whether it is a real label or nearby text. */
export function labelOf(el: Element): { text: string; label: Element | null; source: 'label' | 'aria' | 'nearby' } | null {
  const aria = labelledByText(el, MAX_LABEL) || normalize(el.getAttribute('aria-label') ?? '');
  if (aria) return { text: aria.slice(0, MAX_LABEL), label: null, source: 'aria' };
  const labels = (el as HTMLInputElement).labels;
  const found: Element[] = labels ? Array.from(labels).slice(0, 3) : [];
  const wrapping = el.closest('label');
  if (wrapping && !found.includes(wrapping)) found.push(wrapping);
  const text = normalize(found.map((l) => textOf(l, { maxChars: MAX_LABEL, maxNodes: 200 })).join(' '));
  if (text) return { text: text.slice(0, MAX_LABEL), label: found[0] ?? null, source: 'label' };
  if (el.localName !== 'input') {
    const own = textOf(el, { maxChars: MAX_LABEL, maxNodes: 200 });
    if (own) return { text: own, label: null, source: 'label' };
  }
  // No label: the text right next to the box, if its parent is small (a row, not a form).
  const parent = el.parentElement;
  if (!parent) return null;
  const nearby = textOf(parent, { maxChars: MAX_LABEL + 1, maxNodes: 200 });
  if (!nearby || nearby.length > MAX_LABEL) return null;
  return { text: nearby, label: null, source: 'nearby' };
}
