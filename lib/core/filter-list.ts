/**
 * What any Adblock-style filter list looks like, shared by the families that read lists: the ads
 * family's element rules (lib/ads/lists/) and the trackers family's network rules
 * (lib/trackers/filter-lists.ts). Pure text checks; nothing here parses a rule.
 */

/** A plausible filter list: not an HTML error page, a captive portal or an empty body. */
export function looksLikeFilterList(text: string): boolean {
  return /^\uFEFF?\s*(?:\[Adblock|!)/.test(text);
}

export interface ListHeader {
  /** `! Title: EasyPrivacy`, if the list says. */
  title: string | null;
  /** `! Version: 202608130529`, else `! Last modified: …`, if the list says. */
  version: string | null;
}

/** The list's own name and version, from its comment header (the first 50 lines). */
export function readListHeader(text: string): ListHeader {
  let title: string | null = null;
  let version: string | null = null;
  let modified: string | null = null;
  let start = 0;
  for (let n = 0; n < 50 && start < text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    const m = /^!\s*(Title|Version|Last modified)\s*:\s*(.+)$/i.exec(line);
    if (!m) continue;
    const value = m[2]!.trim().slice(0, 120);
    const key = m[1]!.toLowerCase();
    if (key === 'title') title ??= value;
    else if (key === 'version') version ??= value;
    else modified ??= value;
  }
  return { title, version: version ?? modified };
}
