import { BEACON_RULES_VERSION } from './beacon-rules';
import { queryOf } from './url';
import { MAX_URL_LENGTH } from '../schema/common';
import type { TrackerFinding } from '../schema/events';

/**
 * Tracking pixels from hosts no list knows: a third-party image request that carries a query
 * string (the identifiers) and is answered with a body of at most this many bytes. A 1×1 GIF is
 * 35–43 bytes, a 1×1 PNG 67–70; real images of any use are hundreds of bytes at the least.
 * The query string is required because spacer GIFs on CDNs (`/spacer.gif`) are tiny and benign.
 */
export const TINY_IMAGE_MAX_BYTES = 100;

export interface ResponseHeader {
  name: string;
  value?: string;
}

/** Content-Length of a response, or null when the server did not say (chunked). */
export function contentLengthOf(headers: readonly ResponseHeader[] | undefined): number | null {
  const header = headers?.find((h) => h.name.toLowerCase() === 'content-length');
  if (!header?.value || !/^\d{1,12}$/.test(header.value.trim())) return null;
  return Number(header.value.trim());
}

/** Whether a third-party image request is worth holding until its response headers arrive. */
export function mayBeTinyImagePixel(type: string, url: string, thirdParty: boolean): boolean {
  return type === 'image' && thirdParty && queryOf(url).length > 0;
}

/**
 * Turn the classifier's verdict on a held image request (null, or a non-targeting known host)
 * into a tiny-image beacon when its response was pixel-sized; null when it was a real image.
 */
export function tinyImageFinding(
  request: { url: string; host: string; type: string; thirdParty: boolean },
  earlier: TrackerFinding | null,
  contentLength: number | null,
): TrackerFinding | null {
  if (contentLength === null || contentLength > TINY_IMAGE_MAX_BYTES) return null;
  const reason = {
    rule: `beacon@${BEACON_RULES_VERSION}/tiny-image`,
    detail: `a ${contentLength}-byte image with a query string, sent to another site: a tracking pixel`,
  };
  return {
    url: request.url.slice(0, MAX_URL_LENGTH),
    host: request.host,
    requestType: request.type.slice(0, 40),
    thirdParty: request.thirdParty,
    targeting: true,
    tracker: earlier?.tracker ?? null,
    beacon: { kinds: [...(earlier?.beacon?.kinds ?? []), 'tiny-image'] },
    reasons: [...(earlier?.reasons ?? []), reason].slice(0, 16),
    ruleId: reason.rule,
  };
}
