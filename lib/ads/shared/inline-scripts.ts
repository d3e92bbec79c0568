import { append, documentOf, queryAll } from '../../core/safe-dom';

/** Bounds on reading a page's inline scripts, so a page of huge scripts costs a bounded scan. */
const MAX_SCRIPTS = 300;
const MAX_SCRIPT_CHARS = 200_000;
const MAX_TOTAL_CHARS = 2_000_000;
const MAX_IDS = 200;

/**
 * Element ids named in the page's inline configuration scripts: Prebid's `adUnits[].code`, Criteo's
 * `containerid`. Reads the whole document's inline scripts even when scanning a subtree (the config
 * usually sits in `<head>`); the caller still only reports elements inside its root. Only scripts
 * containing `marker` are searched with `pattern`, whose capture group `id` is the element id.
 */
export function idsFromInlineScripts(root: ParentNode, marker: string, pattern: RegExp): string[] {
  const doc = documentOf(root);
  // Rescans of small subtrees call this once per subtree: remember the answer per document until
  // its number of scripts changes (`document.scripts.length` is free; the query is not, ~0.6 ms on
  // a 100k-element page, measured by `npm run bench -- --only scan`).
  const scriptCount = scriptCountOf(doc);
  const key = `${marker}\u0000${pattern.source}`;
  const memo = doc ? memos.get(doc) : undefined;
  const hit = memo?.get(key);
  if (hit && scriptCount !== -1 && hit.scriptCount === scriptCount) return hit.ids;
  const ids = readIds(doc ?? root, marker, pattern);
  if (doc) {
    const perDoc = memo ?? new Map<string, { scriptCount: number; ids: string[] }>();
    perDoc.set(key, { scriptCount, ids });
    memos.set(doc, perDoc);
  }
  return ids;
}

const memos = new WeakMap<Document, Map<string, { scriptCount: number; ids: string[] }>>();

/** -1 when unknown: some DOMs (happy-dom on very deep trees) throw computing the collection. */
function scriptCountOf(doc: Document | null): number {
  try {
    return doc?.scripts?.length ?? -1;
  } catch {
    return -1;
  }
}

function readIds(scope: ParentNode, marker: string, pattern: RegExp): string[] {
  const scripts = queryAll(scope, 'script:not([src])', false);
  const ids: string[] = [];
  const seen = new Set<string>();
  let budget = MAX_TOTAL_CHARS;
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS && budget > 0; i++) {
    const full = scripts[i]!.textContent ?? '';
    const text = full.length > MAX_SCRIPT_CHARS ? full.slice(0, MAX_SCRIPT_CHARS) : full;
    budget -= text.length;
    if (text.indexOf(marker) === -1) continue;
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let m = re.exec(text); m !== null && ids.length < MAX_IDS; m = re.exec(text)) {
      const id = m.groups?.id;
      if (id && !seen.has(id)) {
        seen.add(id);
        append(ids, id);
      }
    }
  }
  return ids;
}
