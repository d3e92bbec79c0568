import { FiltersEngine, Request, parseFilters } from '@ghostery/adblocker';
import { looksLikeFilterList, readListHeader } from '../core/filter-list';
import type { TrackerCategory } from '../schema/events';
import type { FilterListInfo } from '../schema/filter-list';

export type { FilterListInfo };

/**
 * Filter lists as a second source of truth for requests (issue #10, item 1): the network rules of
 * EasyList, EasyPrivacy or any list the person adds, matched with @ghostery/adblocker. Detection
 * only: a match says a request is advertising or tracking, nothing is ever blocked. TrackerDB stays
 * first for organization names (lib/trackers/classify-request.ts). Pure: storage lives in
 * lib/background/filter-list-store.ts.
 */

/** Largest list accepted (EasyList is 2 MB, EasyPrivacy 1.5 MB). */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;
/** Lists kept at once. */
export const MAX_LISTS = 8;

export interface ParsedList {
  info: FilterListInfo;
  engine: FiltersEngine;
}

/** What a list says about one request. */
export interface ListVerdict {
  listId: string;
  /** Name, version and checksum prefix, for the record's reason. */
  list: string;
  /** The matching rule, as the list wrote it (reconstructed). */
  filter: string;
  category: TrackerCategory;
}

export class FilterListError extends Error {}

const ENGINE_CONFIG = {
  loadCosmeticFilters: false,
  loadGenericCosmeticsFilters: false,
  loadNetworkFilters: true,
  loadExceptionFilters: true,
  loadCSPFilters: false,
  loadPreprocessors: false,
  enableHtmlFiltering: false,
  enableOptimizations: true,
} as const;

/** EasyPrivacy and lists that say "privacy" in their title count as site analytics; the rest as advertising. */
function categoryFor(title: string): TrackerCategory {
  return /privacy|tracking|analytics/i.test(title) ? 'site_analytics' : 'advertising';
}

/**
 * Parse a list's network rules. Refuses, with a sentence a person can act on, what is not a filter
 * list or is too large; a list with bad lines is parsed, and the bad lines are counted.
 */
export function parseFilterList(text: string, meta: { name: string; sha256: string; source: FilterListInfo['source']; id?: string; now?: Date }): ParsedList {
  if (text.length > MAX_LIST_BYTES) throw new FilterListError(`The list is ${(text.length / 1048576).toFixed(1)} MB; Beaker takes lists up to ${MAX_LIST_BYTES / 1048576} MB.`);
  if (!looksLikeFilterList(text)) throw new FilterListError('This is not a filter list: a list starts with "[Adblock" or a "!" comment line.');
  const parsed = parseFilters(text, ENGINE_CONFIG);
  const networkFilters = parsed.networkFilters;
  if (networkFilters.length === 0) throw new FilterListError('The list has no network rules Beaker can use (element-hiding rules alone do not say anything about requests).');
  const header = readListHeader(text);
  const name = (header.title ?? meta.name).slice(0, 120);
  const engine = new FiltersEngine({ networkFilters, config: ENGINE_CONFIG });
  return {
    engine,
    info: {
      id: meta.id ?? `file-${meta.sha256.slice(0, 12)}`,
      name,
      version: header.version,
      sha256: meta.sha256,
      rules: networkFilters.length,
      invalid: parsed.notSupportedFilters.length,
      category: categoryFor(name),
      source: meta.source,
      addedAt: (meta.now ?? new Date()).toISOString(),
    },
  };
}

/** Hex SHA-256 of a text (Web Crypto: the worker, pages and Node all have it). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ListMatcher {
  lists: readonly FilterListInfo[];
  match(facts: { url: string; type: string; documentUrl: string }): ListVerdict | null;
  /** The same, for a request the classifier already parsed (one URL parse per request, not two). */
  matchRequest(request: Request): ListVerdict | null;
}

/** One matcher over several lists: the first list (in order) whose rules block the request, exceptions honoured per list. */
export function createListMatcher(lists: readonly ParsedList[]): ListMatcher {
  const matchRequest = (request: Request): ListVerdict | null => {
    for (const { info, engine } of lists) {
        const result = engine.match(request);
        if (!result.match || !result.filter) continue;
        return {
          listId: info.id,
          list: `${info.name}${info.version ? ` ${info.version}` : ''} sha256:${info.sha256.slice(0, 12)}`,
          filter: result.filter.toString().slice(0, 200),
          category: info.category,
        };
      }
      return null;
  };
  return {
    lists: lists.map((l) => l.info),
    match: ({ url, type, documentUrl }) =>
      lists.length === 0 ? null : matchRequest(Request.fromRawDetails({ url, type: type as never, sourceUrl: documentUrl || url })),
    matchRequest,
  };
}
