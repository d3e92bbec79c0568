/**
 * A short CSS path to an element, for the log and for researchers: ids where they look stable,
 * otherwise tag and :nth-of-type steps, at most 6 steps and 200 characters. Never page text.
 */
export function locatorOf(el: Element): string {
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
