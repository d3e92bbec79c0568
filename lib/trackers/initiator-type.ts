/**
 * The webRequest resource type of a request known only from a Resource Timing entry (ARCHITECTURE.md,
 * "Requests Beaker did not see"), from its `initiatorType`, so it is classified like the rest (filter
 * rules such as `$image` or `$script` read the type). `link` and `css` name what asked, not what came:
 * the URL's extension decides there, `other` when it says nothing.
 */
const BY_INITIATOR: Record<string, string> = {
  script: 'script',
  img: 'image',
  image: 'image',
  input: 'image',
  iframe: 'sub_frame',
  frame: 'sub_frame',
  xmlhttprequest: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  beacon: 'ping',
  ping: 'ping',
  video: 'media',
  audio: 'media',
  track: 'media',
  object: 'object',
  embed: 'object',
};

const BY_EXTENSION: [RegExp, string][] = [
  [/\.css$/, 'stylesheet'],
  [/\.(?:woff2?|ttf|otf|eot)$/, 'font'],
  [/\.(?:png|gif|jpe?g|webp|avif|svg|ico|bmp)$/, 'image'],
  [/\.m?js$/, 'script'],
];

export function requestTypeOf(initiatorType: string, url: string): string {
  const direct = BY_INITIATOR[initiatorType];
  if (direct) return direct;
  if (initiatorType === 'link' || initiatorType === 'css' || initiatorType === 'other') {
    let path = '';
    try {
      path = new URL(url).pathname.toLowerCase();
    } catch {
      return 'other';
    }
    for (const [pattern, type] of BY_EXTENSION) if (pattern.test(path)) return type;
    // A stylesheet link without an extension (`/css2?family=`) is still most likely a stylesheet.
    if (initiatorType === 'link') return 'stylesheet';
  }
  return 'other';
}
