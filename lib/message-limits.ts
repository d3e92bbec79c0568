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
