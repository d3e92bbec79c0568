import type { DetectorContext } from '../../core/detector';
import { textOf } from './dom';

/** Per-pass memo of the answer for the document and each article. */
export type DiscourseCache = Map<Element | Document, boolean>;

/**
 * Whether an element sits on a page or in an article about dark patterns (news, research, a
 * blog): the classifier's discourse guard applied to the document title and the nearest
 * article's first heading, since the paragraphs themselves often quote without saying so
 * ("Shops show messages like Only 2 left in stock").
 */
export function discourseScope(el: Element, cache: DiscourseCache, ctx: DetectorContext): boolean {
  const doc = el.ownerDocument;
  let page = cache.get(doc);
  if (page === undefined) {
    const h1 = doc.querySelector('h1');
    page = ctx.text(`${doc.title} ${h1 ? textOf(h1, { maxChars: 200 }) : ''}`).discourse;
    cache.set(doc, page);
  }
  if (page) return true;
  const article = el.closest('article');
  if (!article) return false;
  let scoped = cache.get(article);
  if (scoped === undefined) {
    const heading = article.querySelector('h1, h2, h3');
    scoped = heading ? ctx.text(textOf(heading, { maxChars: 200 })).discourse : false;
    cache.set(article, scoped);
  }
  return scoped;
}
