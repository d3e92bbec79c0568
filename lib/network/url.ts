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
  return getDomain(url) ?? host;
}

export function hostOf(url: string): string | null {
  if (!isWebUrl(url)) return null;
  return getHostname(url) || null;
}

/** The query string of a URL without the fragment, or '' (no URL object: this is on the hot path). */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return '';
  const hash = url.indexOf('#', q);
  return hash === -1 ? url.slice(q + 1) : url.slice(q + 1, hash);
}

/** The path of an absolute http(s) URL, without query and fragment. */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  let end = url.length;
  const q = url.indexOf('?', start);
  if (q !== -1) end = q;
  const h = url.indexOf('#', start);
  if (h !== -1 && h < end) end = h;
  return url.slice(start, end);
}
