// Zod-free text helpers, shared by content scripts (which must stay small) and schemas.

/** Page text kept as evidence is cut to this many characters. */
export const MAX_EVIDENCE_LENGTH = 200;

/** Cut a string to `max` characters without splitting a surrogate pair. */
export function cap(text: string, max = MAX_EVIDENCE_LENGTH): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Characters a page can hide in text to push real words past a cap, split a keyword, or flip how
 * evidence displays (issue #13): C0 controls but tab and newline, DEL and C1 controls, zero-width
 * space, non-joiner and joiner, word joiner, the byte-order mark, and the bidi embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069).
 */
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/**
 * Page text as Beaker classifies and stores it: `HIDDEN` characters removed (so bidi overrides are
 * neutralised, and zero-width padding takes no room under a cap).
 */
export function cleanText(text: string): string {
  return text.replace(HIDDEN, '');
}
