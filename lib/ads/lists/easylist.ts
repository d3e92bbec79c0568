import { FiltersEngine } from '@ghostery/adblocker';
import { getDomain } from 'tldts-experimental';
import { MAX_LIST_SELECTOR_CHARS, MAX_LIST_SELECTORS } from '../../message-limits';
export { looksLikeFilterList } from '../../core/filter-list';

/**
 * EasyList's element-hiding rules, used to *detect* ad units, never to hide them: Beaker reads the
 * selectors and counts what they match; it injects no style and blocks no request. Pure: fetching
 * and caching live in list-manager.ts.
 */
export const EASYLIST_URL = 'https://easylist.to/easylist/easylist.txt';

/** The page a rule set is asked for. `domain`: registrable domain, as @ghostery/adblocker expects. */
export interface ListPage {
  url: string;
  hostname: string;
  domain: string;
}

export interface ListQuery extends ListPage {
  classes: readonly string[];
  ids: readonly string[];
  hrefs: readonly string[];
  /** Also the rules that depend on the address alone (site rules, unnarrowed generic rules). Default true. */
  site?: boolean;
}

/** The style @ghostery/adblocker gives hiding rules; rules with another (`:style(…)`) do not hide an ad. */
const HIDING_STYLE = 'display: none !important;';

/**
 * Network rules that switch element hiding off for a site (`@@||example.com^$generichide`). They are
 * kept: EasyList uses them where its generic rules misfire, which for Beaker means false positives.
 */
const HIDE_EXCEPTION = /^@@\S*\$(?:[^,\s]*,)*(?:elemhide|generichide|specifichide|ehide|ghide|shide)(?:,|$)/;
/** `##`, `#@#`, `#?#`, `#$#`, `#@?#` …: the marker of a cosmetic rule, after its optional domains. */
const COSMETIC = /^[^\s!#]*#@?[?$%]?#/;

/** The lines that matter for detection: cosmetic rules and hide exceptions. Blocking rules (half of EasyList) go. */
export function cosmeticLines(text: string): string {
  const kept: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (COSMETIC.test(line) || HIDE_EXCEPTION.test(line)) kept.push(line);
  }
  return kept.join('\n');
}


/**
 * An engine holding `text`'s element-hiding rules. Blocking rules are dropped before parsing (only
 * hide exceptions are kept, see HIDE_EXCEPTION): nothing here can block a request.
 */
export function parseCosmeticList(text: string): FiltersEngine {
  return FiltersEngine.parse(cosmeticLines(text), {
    loadCosmeticFilters: true,
    loadGenericCosmeticsFilters: true,
    // Only hide exceptions survive cosmeticLines(); they are network rules to the parser.
    loadNetworkFilters: true,
    loadCSPFilters: false,
    // `:-abp-has()` and friends need an engine in the page; scriptlets and HTML filters hide or rewrite.
    loadExtendedSelectors: false,
    enableHtmlFiltering: false,
  });
}

/** The address parts a rule set is chosen by, or null for what is not a web page. */
export function listPageOf(url: string): ListPage | null {
  let hostname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    hostname = parsed.hostname;
  } catch {
    return null;
  }
  if (hostname === '') return null;
  return { url, hostname, domain: getDomain(hostname) ?? hostname };
}

/**
 * Selectors of the hiding rules that may match the page: the rules its class names, ids and link
 * addresses select (@ghostery/adblocker's reverse indexes, so a page is sent tens or hundreds of
 * rules, not EasyList's tens of thousands), then (with `site`) the site's own rules and the generic
 * rules no name narrows, in that order, so the cap drops the least specific first. Exceptions
 * (`#@#`, `$generichide`) are applied by the engine. Candidates, not matches: the content script
 * tests them against the DOM.
 */
export function selectorsFor(engine: FiltersEngine, query: ListQuery, max = MAX_LIST_SELECTORS): string[] {
  const out = new Set<string>();
  const site = query.site ?? true;
  const ask = (fromDom: boolean, fromHostname: boolean, base: boolean): void => {
    if (out.size >= max) return;
    const { styles } = engine.getCosmeticsFilters({
      url: query.url,
      hostname: query.hostname,
      domain: query.domain,
      classes: fromDom ? [...query.classes] : [],
      ids: fromDom ? [...query.ids] : [],
      hrefs: fromDom ? [...query.hrefs] : [],
      getBaseRules: base,
      getInjectionRules: false,
      getExtendedRules: false,
      getRulesFromDOM: fromDom,
      getRulesFromHostname: fromHostname,
    });
    for (const selector of selectorsFromStyles(styles)) {
      if (out.size >= max) return;
      if (selector.length <= MAX_LIST_SELECTOR_CHARS) out.add(selector);
    }
  };
  ask(true, false, false);
  if (site) {
    ask(false, true, false);
    ask(false, false, true);
  }
  return [...out];
}

/**
 * The selectors of hiding rules in a stylesheet from `getCosmeticsFilters`. Its shape (adblocker
 * 2.17, `createStylesheet`): one selector per line, each followed by `,` but the last of a block,
 * which ends in ` { <style> }`; blocks are separated by blank lines. A rule is one line of its list,
 * so a selector never holds a line break. Blocks with another style than hiding are skipped.
 */
export function selectorsFromStyles(styles: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  for (const line of styles.split('\n')) {
    if (line === '') continue;
    if (line.endsWith(',')) {
      block.push(line.slice(0, -1));
      continue;
    }
    const end = /^(.*) \{ (.*) \}$/.exec(line);
    if (end) {
      block.push(end[1]!);
      if (end[2] === HIDING_STYLE) out.push(...block);
    }
    block = [];
  }
  return out;
}
