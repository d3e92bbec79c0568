import { z } from 'zod/mini';
import { CATEGORIES, EVIDENCE_SOURCES, EXPLANATION_ID, PATTERN_TYPES, TAXONOMY, type CategoryInfo, type PatternTypeInfo } from './taxonomy';
import { TEXT_RULE_LANGS, type TextRule } from './text-rules';
import { regexShapeProblem } from './regex-shape';

/**
 * zod schemas of the dark-pattern data tables (taxonomy, text rules). The tables themselves are
 * plain modules so the content script ships them without zod, and they declare their own types
 * (so this module imports them and not the other way: no import cycle); tests parse every entry with
 * these, and the compile-time checks below keep each schema and its table's type the same.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const categoryId = z.enum(CATEGORIES);
export const patternType = z.enum(PATTERN_TYPES);
export const textRuleLang = z.enum(TEXT_RULE_LANGS);

export const categoryInfo = z.object({
  label: z.string().check(z.minLength(3), z.maxLength(40)),
  description: z.string().check(z.minLength(20), z.maxLength(240)),
  source: z.string().check(z.minLength(4), z.maxLength(120)),
});
true satisfies Same<z.infer<typeof categoryInfo>, CategoryInfo>;

export const patternTypeInfo = z.object({
  category: categoryId,
  label: z.string().check(z.minLength(3), z.maxLength(40)),
  explanationId: z.string().check(z.regex(EXPLANATION_ID), z.maxLength(60)),
  /** One or two sentences for the person, ending with the research that named the pattern. */
  explanation: z.string().check(z.minLength(40), z.maxLength(280)),
  /** Who named or measured it, as cited in the explanation. */
  source: z.string().check(z.minLength(4), z.maxLength(120)),
  detectableFrom: z.array(z.enum(EVIDENCE_SOURCES)).check(z.minLength(1)),
});
true satisfies Same<Omit<z.infer<typeof patternTypeInfo>, 'detectableFrom'>, Omit<PatternTypeInfo, 'detectableFrom'>>;
true satisfies Same<z.infer<typeof patternTypeInfo>['detectableFrom'][number], PatternTypeInfo['detectableFrom'][number]>;

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

export const textRule = z
  .object({
    /** `text/<type>/<n>`; the classifier reports `<id>@<version>`. */
    id: z.string().check(z.regex(/^text\/[a-z-]+\/\d+$/), z.maxLength(100)),
    version: z.int().check(z.positive()),
    category: categoryId,
    type: patternType,
    lang: textRuleLang,
    /** Pattern source over normalised (lower-case) text. */
    source: z.string().check(
      z.minLength(3),
      z.maxLength(2000),
      z.refine((s) => regexShapeProblem(s) === null, { message: 'pattern is not linear-time by shape (see regex-shape.ts)' }),
    ),
    /** Only `u` (for `\p{L}`); `g`/`y` would make `exec` stateful and `i` is redundant after lower-casing. */
    flags: z.literal('u'),
    confidence: z.number().check(z.gt(0), z.lte(1)),
    examples: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    counterExamples: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** The false positive or miss that shaped the rule. */
    note: z.optional(z.string()),
  })
  .check(
    z.refine((r) => r.id.split('/')[1] === r.type, { message: 'id must be text/<type>/<n>' }),
    z.refine((r) => TAXONOMY[r.type].category === r.category, { message: 'category must be the type’s category in the taxonomy' }),
    z.refine((r) => compiles(r.source, r.flags), { message: 'pattern does not compile' }),
  );
true satisfies Same<z.infer<typeof textRule>, TextRule>;
