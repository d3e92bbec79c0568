import { isDiscourse, normalizeText } from '../../../dark-patterns/classify-text';
import { textOf } from './dom';

/** Per-pass memo of the answer for the document and each article. */
export type DiscourseCache = Map<Element | Document, boolean>;

/**
 * Whether an element sits on a page or in an article about dark patterns (news, research, a
 * blog): the classifier's discourse guard applied to the document title and the nearest
 * article's first heading, since the paragraphs themselves often quote without saying so
 * ("Shops show messages like Only 2 left in stock").
 */
export function discourseScope(el: Element, cache: DiscourseCache): boolean {
  const doc = el.ownerDocument;
  let page = cache.get(doc);
  if (page === undefined) {
    const h1 = doc.querySelector('h1');
    page = isDiscourse(normalizeText(`${doc.title} ${h1 ? textOf(h1, { maxChars: 200 }) : ''}`));
    cache.set(doc, page);
  }
  if (page) return true;
  const article = el.closest('article');
  if (!article) return false;
  let scoped = cache.get(article);
  if (scoped === undefined) {
    const heading = article.querySelector('h1, h2, h3');
    scoped = heading ? isDiscourse(normalizeText(textOf(heading, { maxChars: 200 }))) : false;
    cache.set(article, scoped);
  }
  return scoped;
}
