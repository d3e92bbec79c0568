/**
 * Which request URLs the background has a record of, per visit (ARCHITECTURE.md, "Requests Beaker
 * did not see"): what a page's Resource Timing entries add is only what is not here. URLs are kept
 * as 53-bit hashes (without their fragment, cut as records cut them), at most MAX_URLS_PER_VISIT
 * per visit and MAX_VISITS visits, least recently used dropped.
 *
 * A visit this worker did not see begin (restored after a worker restart, or dropped from here and
 * seen again) is known only from the moment it is met: an entry that started before then may have
 * been recorded by an earlier worker, so it is not taken (`since`). A visit that began here, or
 * that Beaker joined late at start (nothing of it was seen before), takes every entry it has no
 * record of.
 */
const MAX_VISITS = 64;
export const MAX_URLS_PER_VISIT = 5000;
const MAX_URL_CHARS = 2048;

interface VisitLedger {
  urls: Set<number>;
  /** Entries that started before this (epoch ms) are not taken. */
  since: number;
  /** More URLs than MAX_URLS_PER_VISIT: nothing can be told apart, nothing more is taken. */
  full: boolean;
}

export type LedgerVerdict = 'new' | 'seen' | 'before' | 'full';

export interface RequestLedger {
  /** A visit that begins now; `since` (epoch ms): entries before it are not taken (default: all are). */
  begin(visitId: string, since?: number): void;
  /** The background has a record of this request (webRequest, or an entry already taken). */
  note(visitId: string, url: string): void;
  /** Whether a Resource Timing entry of this visit is one to record; `new` notes it. */
  take(visitId: string, url: string, at: number): LedgerVerdict;
  /** Whether the visit has a record of this URL (without touching its recency). */
  has(visitId: string, url: string): boolean;
}

/** cyrb53: a 53-bit string hash (collisions between two URLs of one visit: about 1 in 10^15 per pair). */
export function hashUrl(url: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < url.length; i += 1) {
    const c = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A request URL as the ledger compares it: without its fragment, cut at 2048 characters (as the content script sends it). */
export function ledgerKey(url: string): number {
  const hash = url.indexOf('#');
  return hashUrl((hash === -1 ? url : url.slice(0, hash)).slice(0, MAX_URL_CHARS));
}

export function createRequestLedger(now: () => number = () => Date.now()): RequestLedger {
  const visits = new Map<string, VisitLedger>();
  const stateOf = (visitId: string, since?: number): VisitLedger => {
    let state = visits.get(visitId);
    if (state) {
      visits.delete(visitId);
      visits.set(visitId, state);
      return state;
    }
    state = { urls: new Set(), since: since ?? now(), full: false };
    visits.set(visitId, state);
    if (visits.size > MAX_VISITS) visits.delete(visits.keys().next().value!);
    return state;
  };
  const add = (state: VisitLedger, key: number) => {
    if (state.urls.has(key)) return;
    if (state.urls.size >= MAX_URLS_PER_VISIT) state.full = true;
    else state.urls.add(key);
  };
  return {
    begin(visitId, since = -Infinity) {
      visits.delete(visitId);
      stateOf(visitId, since);
    },
    note(visitId, url) {
      add(stateOf(visitId), ledgerKey(url));
    },
    has(visitId, url) {
      return visits.get(visitId)?.urls.has(ledgerKey(url)) ?? false;
    },
    take(visitId, url, at) {
      const state = stateOf(visitId);
      const key = ledgerKey(url);
      if (state.urls.has(key)) return 'seen';
      if (state.full) return 'full';
      if (at < state.since) return 'before';
      add(state, key);
      return 'new';
    },
  };
}
