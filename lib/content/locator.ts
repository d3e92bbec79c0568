/** Each child's step, written when its parent's children were read. */
const steps = new WeakMap<Element, string>();
/** What a parent's children looked like when they were read: their count, first and last. */
const reads = new WeakMap<Element, [number, Element | null, Element | null]>();

/**
 * `el`'s step under its parent: its tag, with `:nth-of-type(n)` when siblings share it. The first
 * step asked under a parent reads all of its children once and writes every child's step, so the
 * locators of 20,000 siblings cost one pass over them, not 20,000 (issue #13). The read serves
 * while the parent's children count, first and last child are the same (a move inside that keeps
 * all three would go unseen: the locator is a hint for researchers, never used to act).
 */
function stepOf(node: Element, parent: Element | null): string {
  if (!parent) return node.localName;
  const read = reads.get(parent);
  const fresh = read !== undefined && read[0] === parent.childElementCount && read[1] === parent.firstElementChild && read[2] === parent.lastElementChild;
  const known = fresh ? steps.get(node) : undefined;
  if (known !== undefined) return known;
  const count = new Map<string, number>();
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) count.set(sib.localName, (count.get(sib.localName) ?? 0) + 1);
  const index = new Map<string, number>();
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    const tag = sib.localName;
    const n = (index.get(tag) ?? 0) + 1;
    index.set(tag, n);
    steps.set(sib, count.get(tag)! > 1 ? `${tag}:nth-of-type(${n})` : tag);
  }
  reads.set(parent, [parent.childElementCount, parent.firstElementChild, parent.lastElementChild]);
  return steps.get(node)!;
}

/**
 * A short CSS path to an element, for the log and for researchers: ids where they look stable,
 * otherwise tag and :nth-of-type steps, at most 6 steps and 200 characters. Never page text.
 */
export function locatorOf(el: Element): string {
  const path: string[] = [];
  let node: Element | null = el;
  while (node && path.length < 6) {
    const id = node.id;
    if (id && /^[A-Za-z][\w-]{0,60}$/.test(id) && !/\d{4,}/.test(id)) {
      path.unshift(`#${id}`);
      break;
    }
    const parent: Element | null = node.parentElement;
    path.unshift(stepOf(node, parent));
    node = parent;
  }
  const joined = path.join(' > ');
  return joined.length > 200 ? joined.slice(joined.length - 200) : joined;
}
