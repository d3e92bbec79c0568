import { getDomain, getHostname } from 'tldts-experimental';

const WEB_SCHEME = /^https?:\/\//i;

/** Only http(s) is the web Beaker watches: data:, blob:, extension and browser URLs are ignored. */
export function isWebUrl(url: string): boolean {
  return WEB_SCHEME.test(url);
}

/** Registrable domain (eTLD+1) of a URL, or its host where there is none (IP addresses, localhost). */
export function siteOf(url: string): string | null {
  if (!isWebUrl(url)) return null;
  const host = getHostname(url);
  if (!host) return null;
  // Private suffixes count (user.github.io is its own site), as browsers define "site".
  return getDomain(url, { allowPrivateDomains: true }) ?? host;
}

export function hostOf(url: string): string | null {
  if (!isWebUrl(url)) return null;
  return getHostname(url) || null;
}

/** The query string of a URL without the fragment, or '' (no URL object: this is on the hot path). */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return '';
  const hash = url.indexOf('#');
  // A '?' after the '#' is part of the fragment (`/#/search?q=1`), not a query.
  if (hash !== -1 && hash < q) return '';
  return hash === -1 ? url.slice(q + 1) : url.slice(q + 1, hash);
}

/** The path of an absolute http(s) URL, without query and fragment (`/` when it has none). */
export function pathOf(url: string): string {
  const hostStart = url.indexOf('//') + 2;
  // The authority ends at the first '/', '?' or '#': `https://a.example?x=/b/ss/` has path '/'.
  let end = url.length;
  for (const sep of ['/', '?', '#']) {
    const i = url.indexOf(sep, hostStart);
    if (i !== -1 && i < end) end = i;
  }
  if (url[end] !== '/') return '/';
  let stop = url.length;
  const q = url.indexOf('?', end);
  if (q !== -1) stop = q;
  const h = url.indexOf('#', end);
  if (h !== -1 && h < stop) stop = h;
  return url.slice(end, stop);
}
