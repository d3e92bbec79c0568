import type { ListAnswer } from '../messages';
import {
  LIST_NAME,
  MAX_LIST_HREF_CHARS,
  MAX_LIST_HREFS_PER_MESSAGE,
  MAX_LIST_NAMES_PER_MESSAGE,
  MAX_LIST_SELECTOR_CHARS,
  MAX_LIST_SELECTORS,
} from '../message-limits';

/** New class names and ids collected per batch, and link addresses (fewer: they are longer). */
const MAX_NEW_NAMES = 2000;
const MAX_NEW_HREFS = 500;
/** Names and addresses remembered per document: an endless feed of hashed class names stops here. */
const MAX_SEEN = 20_000;
const MAX_KEPT = 2 * MAX_LIST_SELECTORS;
/** A resolved http(s) link with nothing JSON must escape (`a.href` percent-encodes the rest). */
const WEB_HREF = /^https?:\/\/[^\s"\\]+$/;

export interface ListTokens {
  classes: string[];
  ids: string[];
  hrefs: string[];
}

export interface ListRequest extends ListTokens {
  url: string;
  site: boolean;
}

/**
 * Class names, ids and link addresses in `roots` (and the roots themselves) not yet in `seen`, which
 * they are added to; bounded per call and per document. Only names a list rule can be indexed by
 * (LIST_NAME) are collected.
 */
export function collectListTokens(roots: readonly ParentNode[], seen: Set<string>): ListTokens {
  const out: ListTokens = { classes: [], ids: [], hrefs: [] };
  const add = (list: string[], max: number, key: string, value: string) => {
    if (list.length < max && !seen.has(key)) {
      seen.add(key);
      list.push(value);
    }
  };
  const visit = (el: Element) => {
    for (const name of (el.getAttribute('class') ?? '').split(/\s+/)) if (LIST_NAME.test(name)) add(out.classes, MAX_NEW_NAMES, `.${name}`, name);
    const id = el.getAttribute('id') ?? '';
    if (LIST_NAME.test(id)) add(out.ids, MAX_NEW_NAMES, `#${id}`, id);
    const href = (el as HTMLAnchorElement).href;
    if (el.localName === 'a' && typeof href === 'string' && WEB_HREF.test(href)) {
      const cut = href.slice(0, MAX_LIST_HREF_CHARS);
      add(out.hrefs, MAX_NEW_HREFS, cut, cut);
    }
  };
  for (const root of roots) {
    if ((root as Node).nodeType === 1) visit(root as Element);
    const list = root.querySelectorAll('[class], [id], a[href]');
    for (let i = 0; i < list.length && seen.size < MAX_SEEN; i++) visit(list[i]!);
  }
  return out;
}

/**
 * The content side of `ctx.listSelectors`: asks the background which EasyList selectors may match
 * the page (lib/ads/lists/), once per document for the site's rules, then per scan batch for the names
 * and links that batch brought; keeps the selectors this browser can parse and counts the others.
 * When the list is off, the first answer says so and nothing more is collected or asked.
 */
export function createListSelectorCache(doc: Document, ask: (request: ListRequest) => Promise<unknown>) {
  const seen = new Set<string>();
  const known = new Set<string>();
  const selectors: string[] = [];
  const probe = doc.createElement('div');
  let phase: 'site' | 'names' | 'off' = 'site';
  let invalid = 0;

  const keep = (raw: unknown): ListAnswer['state'] | null => {
    const answer = raw as Partial<ListAnswer> | null | undefined;
    if (!answer || !Array.isArray(answer.selectors)) return null;
    for (const s of answer.selectors) {
      if (typeof s !== 'string' || s.length > MAX_LIST_SELECTOR_CHARS || known.has(s) || known.size >= MAX_KEPT) continue;
      known.add(s);
      try {
        probe.matches(s);
        selectors.push(s);
      } catch {
        invalid += 1;
      }
    }
    return answer.state === 'ready' || answer.state === 'loading' ? answer.state : 'off';
  };
  const request = (site: boolean, tokens: ListTokens) => ask({ url: doc.URL.slice(0, 2048), site, ...tokens }).then(keep, () => null);

  return {
    /** Ask about what `roots` hold that was not asked about. Failures leave the list as it was. */
    async prepare(roots: readonly ParentNode[]): Promise<void> {
      if (phase === 'site') {
        const state = await request(true, { classes: [], ids: [], hrefs: [] });
        if (state === 'off') phase = 'off';
        // No answer, or the list is still loading: the next batch asks again.
        if (state !== 'ready') return;
        phase = 'names';
      }
      if (phase === 'off') return;
      const { classes, ids, hrefs } = collectListTokens(roots, seen);
      const messages = Math.max(Math.ceil(classes.length / MAX_LIST_NAMES_PER_MESSAGE), Math.ceil(ids.length / MAX_LIST_NAMES_PER_MESSAGE), Math.ceil(hrefs.length / MAX_LIST_HREFS_PER_MESSAGE));
      const asks: Promise<unknown>[] = [];
      for (let i = 0; i < messages; i++) {
        const names = (list: string[]) => list.slice(i * MAX_LIST_NAMES_PER_MESSAGE, (i + 1) * MAX_LIST_NAMES_PER_MESSAGE);
        asks.push(request(false, { classes: names(classes), ids: names(ids), hrefs: hrefs.slice(i * MAX_LIST_HREFS_PER_MESSAGE, (i + 1) * MAX_LIST_HREFS_PER_MESSAGE) }));
      }
      await Promise.all(asks);
    },
    /** The selectors known so far, all of which parse. */
    selectors: (): readonly string[] => selectors,
    /** Selectors received that this browser cannot parse (skipped). */
    invalid: (): number => invalid,
  };
}
