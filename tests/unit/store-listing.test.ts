import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The store listings (docs/store/<locale>.md, issue #12 item 1): one per language Beaker ships
// (locales/<locale>.json), each with the same sections as English, in the same order, none empty,
// and a short description that fits the Chrome Web Store's 132 characters.
const ROOT = join(import.meta.dirname, '..', '..');
const STORE = join(ROOT, 'docs', 'store');
const shipped = readdirSync(join(ROOT, 'locales')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const listings = readdirSync(STORE).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();

/** `## heading` → its text (HTML comments dropped). */
function sections(locale: string): Map<string, string> {
  const text = readFileSync(join(STORE, `${locale}.md`), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const out = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const [heading, ...body] = part.split('\n');
    out.set(heading!.trim(), body.join('\n').trim());
  }
  return out;
}

describe('store listings', () => {
  it('exist for every shipped locale, and only for those', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(12);
    expect(listings).toEqual(shipped);
  });

  const english = [...sections('en').keys()];
  it('English has the four sections', () => {
    expect(english).toEqual(['Short description', 'Long description', 'What Beaker keeps, and where', 'Permissions']);
  });

  it.each(shipped)('%s: the same sections as English, none empty; the short description is one line of at most 132 characters', (locale) => {
    const s = sections(locale);
    expect([...s.keys()]).toEqual(english);
    for (const [heading, body] of s) expect(body.length, `${locale}: ${heading}`).toBeGreaterThan(0);
    const short = s.get('Short description')!;
    expect(short).not.toContain('\n');
    expect([...short].length).toBeLessThanOrEqual(132);
    // Names the stores and the reviewers look for stay as they are in every language.
    const all = [...s.values()].join('\n');
    for (const name of ['webRequest', 'webNavigation', 'storage', 'easylist.to', 'TrackerDB', 'MPL-2.0', '90']) expect(all, `${locale}: ${name}`).toContain(name);
  });
});
