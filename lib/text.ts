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
