/**
 * A static check that a regular expression has a shape V8's backtracking engine runs in time
 * linear in the input (times a constant set by the pattern's bounded quantifiers):
 *
 * - no unbounded quantifier (`*`, `+`, `{n,}`) anywhere: gaps are `[^.!?]{0,40}`, never `.*`;
 * - no repeated group: a group may be optional (`?`, `{0,1}`) but never carry `{n,m}` with m > 1,
 *   so no quantifier nests inside another one that repeats (`(a+)+`, `(a|a){2,9}`);
 * - no back-references (`\1`, `\k<name>`);
 * - every bound at most `MAX_BOUND`.
 *
 * It is a conservative lint, not a proof: tests/unit/dark-patterns/redos.test.ts also times every
 * rule on 100 KB adversarial inputs.
 */
export const MAX_BOUND = 60;

export function regexShapeProblem(source: string): string | null {
  // Per open group: whether something inside it is quantified.
  const groups: boolean[] = [];
  let lastAtomIsGroup = false;
  let lastGroupHasQuantifier = false;
  let i = 0;
  const markQuantified = () => {
    for (let g = 0; g < groups.length; g += 1) groups[g] = true;
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return `back-reference at ${i}`;
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0) return `unterminated escape at ${i}`;
        i = close + 1;
      } else {
        i += 2;
      }
      lastAtomIsGroup = false;
      continue;
    }
    if (ch === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      if (j >= source.length) return `unterminated class at ${i}`;
      i = j + 1;
      lastAtomIsGroup = false;
      continue;
    }
    if (ch === '(') {
      groups.push(false);
      i += 1;
      if (source[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') {
          const close = source.indexOf('>', i);
          if (close < 0) return `unterminated group name at ${i}`;
          i = close + 1;
        } else {
          i += source[i + 1] === '<' ? 3 : 2;
        }
      }
      lastAtomIsGroup = false;
      continue;
    }
    if (ch === ')') {
      if (groups.length === 0) return `unbalanced ) at ${i}`;
      lastGroupHasQuantifier = groups.pop()!;
      lastAtomIsGroup = true;
      i += 1;
      continue;
    }
    if (ch === '*' || ch === '+') return `unbounded quantifier ${ch} at ${i}`;
    if (ch === '?' || ch === '{') {
      let max = 1;
      let length = 1;
      if (ch === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) return `bad quantifier at ${i}`;
        if (m[2] !== undefined && m[3] === '') return `unbounded quantifier {n,} at ${i}`;
        max = Number(m[3] ?? m[1]);
        if (max > MAX_BOUND) return `bound ${max} above ${MAX_BOUND} at ${i}`;
        length = m[0].length;
      }
      if (lastAtomIsGroup && lastGroupHasQuantifier && max > 1) return `repeated group containing a quantifier at ${i}`;
      if (lastAtomIsGroup && max > 1) return `repeated group at ${i}`;
      markQuantified();
      i += length;
      // A lazy marker after a quantifier.
      if (source[i] === '?') i += 1;
      lastAtomIsGroup = false;
      continue;
    }
    lastAtomIsGroup = false;
    i += 1;
  }
  if (groups.length > 0) return 'unbalanced (';
  return null;
}
