// Kept apart from lib/messages.ts so content scripts can read the limits without bundling zod.

/**
 * Messages whose JSON is longer than this (in UTF-16 code units, as `JSON.stringify` measures) are
 * dropped before parsing: a page can make a content script send junk.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024;
export const MAX_ACTS_PER_MESSAGE = 100;
export const MAX_FINDINGS_PER_MESSAGE = 50;
export const MAX_URLS_PER_MESSAGE = 200;
export const MAX_TEXTS_PER_MESSAGE = 100;
/** Same as MAX_TEXT_FACT_LENGTH in lib/core/detector.ts (kept zod-free and import-free here). */
export const MAX_TEXT_CHARS = 500;

/**
 * `list-selectors` (lib/ads/lists/): the page's class names, ids and link addresses the background
 * narrows EasyList's generic rules with. A list rule is indexed by a class or id only when it is a
 * plain CSS name (`[\w-]`, @ghostery/adblocker's `isSimpleSelector`), so other names are never
 * sent: they could not select a rule, and they need no JSON escaping. With these caps the largest
 * valid message (names of 64 characters, addresses of 200, a 2048-character URL) stays under
 * MAX_MESSAGE_BYTES (tests/unit/ad-lists/list-messages.test.ts).
 */
export const LIST_NAME = /^[\w-]{1,64}$/;
export const MAX_LIST_NAMES_PER_MESSAGE = 300;
export const MAX_LIST_HREFS_PER_MESSAGE = 100;
export const MAX_LIST_HREF_CHARS = 200;
/** Selectors in one answer, and the longest one kept (longer ones are dropped, never cut). */
export const MAX_LIST_SELECTORS = 2000;
export const MAX_LIST_SELECTOR_CHARS = 300;

/**
 * What one item adds to a message's JSON (UTF-16 code units, as the receiver measures: escapes
 * included, `\u0001` is six) plus its comma.
 */
export function jsonSize(item: unknown): number {
  return (JSON.stringify(item)?.length ?? 4) + 1;
}

/** Room left in a message for its items: the envelope (`type`, `lang`, keys) is well under this. */
export const MESSAGE_ENVELOPE_BYTES = 2048;

/**
 * Cut `items` into consecutive batches of at most `maxCount` items whose JSON stays within
 * `maxBytes` (default: a message less its envelope), in order, nothing dropped. An item larger than
 * `maxBytes` on its own goes alone (senders cap their items, so none is).
 */
export function splitBatches<T>(items: readonly T[], maxCount: number, maxBytes = MAX_MESSAGE_BYTES - MESSAGE_ENVELOPE_BYTES): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = jsonSize(item);
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
