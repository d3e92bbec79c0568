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
/** Same as MAX_TEXT_FACT_LENGTH in lib/detectors/types.ts (kept zod-free and import-free here). */
export const MAX_TEXT_CHARS = 500;
