import { MAX_TEXT_FACT_LENGTH } from '../core/detector';
import { TAXONOMY, type CategoryId, type PatternType } from './taxonomy';
import { TEXT_RULES, TEXT_RULE_LANGS, ruleIdOf, type TextRule, type TextRuleLang } from './text-rules';

export { classifyButton, type ButtonRole } from './classify-button';

/**
 * The text classifier of issue #4: pure, synchronous, Node- and page-usable. It answers one
 * question about one piece of visible text (a badge, a banner line, a button label): does it
 * carry a dark-pattern message, and which?
 *
 * Lines drawn (see also the header of text-rules.ts):
 * - Urgency needs pressure, not a date. "Sale ends Sunday" / "valid until 31 May" are information
 *   (null). "Ends tonight", "today only", "hurry", "last chance", "limited time offer" are a
 *   limited-time message. A clock or a relative duration to the end of an offer ("ends in
 *   02:13:45", "ends in 3 hours", "only 2 days left") is a countdown timer.
 * - Delivery cut-offs ("order within 3 hrs for next-day delivery", "arrives in 2 days") are
 *   null: they are true logistics, and their deadline is the carrier's, not a price's.
 * - Honest stock states ("In stock", "Out of stock", "Only available in stores", "2 per
 *   customer") are null; "only 3 left", "low stock", "almost gone" are a low-stock message.
 * - Text ABOUT such messages is null: news, research and blog prose (reporting verbs, "dark
 *   patterns", "according to", "a study", "regulators"…), and a match wrapped in quotation marks.
 * - Sales counts without a time window ("10,000 sold", "1,203 reviews") are null; with one
 *   ("500+ bought in past month", "35 booked today") they are an activity notification.
 */

/** Raw characters looked at before normalising: bounds the cost of NFKC and the replaces. */
export const MAX_RAW_LENGTH = 8_000;
/**
 * Normalised characters the rules see: as many as a page may send (MAX_TEXT_FACT_LENGTH,
 * lib/core/detector.ts), so a direct caller gets the same answer as the background would. The
 * ~180 rules of issue #11 cost about 3 times the 83 before them; on 1,000 adversarial characters
 * they took 15-25 ms (85 ms on a loaded machine), on these 500 about half.
 */
export const MAX_TEXT_LENGTH = MAX_TEXT_FACT_LENGTH;

const ZERO_WIDTH = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u02BB`\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WHITESPACE = /\s+/g;
const DECIMAL_POINT = /(?<=\d)\.(?=\d)/g;

/**
 * What the rules see: the first 8,000 characters, NFKC (full-width digits, ligatures, no-break
 * spaces), without zero-width and bidi characters, with straight quotes and apostrophes and
 * ASCII hyphens, decimal points between digits as commas ("9.99" -> "9,99"), whitespace
 * collapsed to single spaces, lower case, cut to 500 characters.
 */
export function normalizeText(text: string): string {
  let s = text.length > MAX_RAW_LENGTH ? text.slice(0, MAX_RAW_LENGTH) : text;
  s = s.normalize('NFKC');
  s = s.replace(ZERO_WIDTH, '');
  s = s.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
  // One decimal separator, so a price ("£9.99") does not end a `[^.!?]` gap like a full stop.
  s = s.replace(DECIMAL_POINT, ',');
  s = s.replace(WHITESPACE, ' ').trim().toLowerCase();
  return s.length > MAX_TEXT_LENGTH ? s.slice(0, MAX_TEXT_LENGTH) : s;
}

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

/**
 * Text that talks ABOUT pressure selling rather than applying it: journalism, research, advice.
 * Deliberately narrow (a product page may say "study desk" or "article"), and applied to every
 * language because the page language is often unknown. Each entry passes the same linear-shape
 * lint as the rules (tests/unit/dark-patterns/text-rules.test.ts).
 */
export const DISCOURSE_GUARD_SOURCES: readonly string[] = [
  // English
  String.raw`${B}(?:dark patterns?|deceptive (?:design|patterns?)|confirm-?shaming|roach motel|drip pricing|junk fees|manipulative (?:design|tactics?|techniques?|practices?)|manipulat(?:e|es|ed|ing|ion of) (?:shoppers|consumers|customers|users|people)|(?:fake|false|fabricated|phony|bogus|artificial) (?:urgency|scarcity|countdowns?|timers?|reviews?|stock (?:warnings?|messages?)|claims?|deadlines?)|pressure (?:selling|tactics?)|sales tactics?|tactics? (?:like|such as)|regulators?|watchdogs?|ftc|federal trade commission|competition and markets authority|consumer (?:groups?|protection|rights|advocates?|watchdogs?|organi[sz]ations?)|lawsuits?|class action|(?:a|the|new|recent|one) study|studies (?:show|found|suggest)|researchers?|research (?:shows|found|suggests|by|from)|according to|press release|(?:he|she|they|the company|the retailer|the brand|a spokesperson|a spokesman|a spokeswoman|officials?|analysts?|experts?) (?:said|says|told|added|explained|wrote|warned|argued)|said in a statement|told reporters|said|reportedly|allegedly|(?:this|the|an|our) (?:article|blog post|op-ed|column|essay)|how to (?:spot|avoid|resist|recognise|recognize)|beware of|(?:were|was|are|get|being) (?:lured|tricked|misled|pressured|duped)|so-called)${E}`,
  // German
  String.raw`${B}(?:dark patterns?|manipulativ(?:e|en|er|es)?|irreführend(?:e|en|er|es)?|täuschend(?:e|en|er|es)?|verbraucherschütz(?:er|erin|erinnen|ern)|verbraucherzentralen?|stiftung warentest|studie|studien|forscher(?:innen)?|forschende|laut (?:einer|einem|der|dem|den)|berichtet(?:e|en)?|sagte|sagten|erklärte|teilte mit|abmahnung(?:en)?|urteil|klage|(?:gefälschte|falsche|künstliche|künstlicher) (?:knappheit|dringlichkeit|countdowns?|bewertungen|zeitdruck)|verkaufstaktik(?:en)?|so erkennen sie)${E}`,
  // French
  String.raw`${B}(?:dark patterns?|interfaces? trompeuses?|design trompeur|manipulat(?:eur|eurs|rice|rices|ion|ions|oire|oires)|pratiques? commerciales? (?:trompeuses?|déloyales?|agressives?)|selon (?:une|un|la|le|les|l')|une étude|l'étude|cette étude|chercheurs?|chercheuses?|a déclaré|ont déclaré|a annoncé|a expliqué|rapporte|dgccrf|cnil|ufc-que choisir|association de consommateurs|tactiques?|fausse urgence|faux comptes? à rebours|fausse rareté)${E}`,
  // Spanish
  // Italian
  String.raw`${B}(?:dark patterns?|design ingannevole|interfacce ingannevoli|pratiche commerciali (?:scorrette|ingannevoli|aggressive)|manipolazione|manipolatori[oe]?|secondo (?:uno|un|una|il|lo|la|i|gli|le|l')|(?:uno|lo|un nuovo) studio|ricercatori|ricercatrici|ha dichiarato|hanno dichiarato|ha spiegato|antitrust|agcm|codacons|altroconsumo|associazioni? (?:dei )?consumatori|tattiche?|falsa urgenza|falsa scarsità|timer falsi|conti alla rovescia falsi)${E}`,
  // Dutch
  String.raw`${B}(?:dark patterns?|misleidende? (?:ontwerpen|ontwerp|aanbiedingen|praktijken|verkooptrucs)|manipulatie|manipulatief|manipulatieve|volgens (?:een|de|het)|(?:een|het|nieuw) onderzoek|onderzoekers?|zei|zegt|verklaarde|liet weten|acm|autoriteit consument en markt|consumentenbond|consumentenorganisaties?|tactieken|ontwerptrucs|nep-afteltimers?|nepkorting(?:en)?|valse schaarste|valse urgentie)${E}`,
  // Portuguese
  String.raw`${B}(?:dark patterns?|padrões obscuros|design enganoso|práticas (?:abusivas|enganosas|comerciais desleais)|manipulação|manipuladores?|segundo (?:um|uma|o|a|os|as)|(?:um|o|novo) estudo|pesquisadores|investigadores|afirmou|declarou|disse|procon|deco|idec|associação de consumidores|defesa do consumidor|táticas?|falsa urgência|falsa escassez|contagens? regressivas? falsas?)${E}`,
  String.raw`${B}(?:dark patterns?|patrones oscuros|diseños? engañosos?|manipulad(?:or|ora|oras|ores)|manipulación|prácticas? (?:engañosas?|abusivas?)|según (?:un|una|el|la|los|las)|(?:un|el|este|nuevo) estudio (?:de|del|publicado|realizado|revela|muestra)|investigador(?:es|as)|declaró|afirmó|anunció|explicó|informó|facua|táctica|tácticas|falsa urgencia|falsa escasez|cuentas? atrás falsas?)${E}`,
];

const DISCOURSE_GUARDS = DISCOURSE_GUARD_SOURCES.map((source) => new RegExp(source, 'u'));

/** True when the text is about dark patterns (news, research, advice) rather than one. */
export function isDiscourse(normalized: string): boolean {
  return DISCOURSE_GUARDS.some((guard) => guard.test(normalized));
}

/**
 * A match inside quotation marks is being quoted, not shown: `the "limited time offer" banner`,
 * `wording like "no thanks, i don't like saving money"`. After normalising every double quote is
 * `"`, so the match is quoted when an odd number of them precede it and one follows it.
 */
export function isQuoted(normalized: string, start: number, end: number): boolean {
  let open = 0;
  for (let i = 0; i < start; i += 1) if (normalized.charCodeAt(i) === 34) open += 1;
  return open % 2 === 1 && normalized.indexOf('"', end) >= 0;
}

interface CompiledRule {
  rule: TextRule;
  regex: RegExp;
  ruleId: string;
}

/** Compiled once; sorted by confidence (highest first, table order among equals). */
const COMPILED: readonly CompiledRule[] = TEXT_RULES.map((rule, index) => ({ rule, index }))
  .sort((a, b) => b.rule.confidence - a.rule.confidence || a.index - b.index)
  .map(({ rule }) => ({ rule, regex: new RegExp(rule.source, rule.flags), ruleId: ruleIdOf(rule) }));

const SUPPORTED = new Set<string>(TEXT_RULE_LANGS);

/**
 * Which rule languages apply. A known, supported page language: its rules plus English (shops in
 * any language borrow English badges: "Only 2 left", "Sale"). A known language without rules
 * (`it`, `nl`…): English only. Unknown: every language, since held-out text rarely says which.
 */
export function ruleLangsFor(lang?: string | null): ReadonlySet<TextRuleLang> {
  const base = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === '') return SUPPORTED as ReadonlySet<TextRuleLang>;
  if (SUPPORTED.has(base)) return new Set<TextRuleLang>([base as TextRuleLang, 'en']);
  return new Set<TextRuleLang>(['en']);
}

export interface TextClassification {
  category: CategoryId;
  type: PatternType;
  confidence: number;
  /** `text/<type>/<n>@<version>`. */
  ruleId: string;
  explanationId: string;
}

export interface TextMatch extends TextClassification {
  /** The matched span of the normalised text, for evidence. */
  match: string;
  index: number;
}

export interface ClassifyTextOptions {
  /** The page language (`<html lang>`), e.g. `de` or `fr-CA`; unknown when absent. */
  lang?: string | null;
}

/** Like `classifyText`, with the matched span. */
export function matchText(text: string, opts: ClassifyTextOptions = {}): TextMatch | null {
  const normalized = normalizeText(text);
  if (normalized.length < 3) return null;
  if (isDiscourse(normalized)) return null;
  const langs = ruleLangsFor(opts.lang);
  for (const { rule, regex, ruleId } of COMPILED) {
    if (!langs.has(rule.lang)) continue;
    const m = regex.exec(normalized);
    if (m === null) continue;
    if (isQuoted(normalized, m.index, m.index + m[0].length)) continue;
    return {
      category: rule.category,
      type: rule.type,
      confidence: rule.confidence,
      ruleId,
      explanationId: TAXONOMY[rule.type].explanationId,
      match: m[0],
      index: m.index,
    };
  }
  return null;
}

/**
 * The highest-confidence text rule that matches `text` (after normalising), or `null`.
 * Never throws; looks at no more than the first 500 normalised characters.
 */
export function classifyText(text: string, opts: ClassifyTextOptions = {}): TextClassification | null {
  const m = matchText(text, opts);
  if (m === null) return null;
  return { category: m.category, type: m.type, confidence: m.confidence, ruleId: m.ruleId, explanationId: m.explanationId };
}


/**
 * `classifyText` of many strings at once, each answer the same as alone. It runs rule by rule over
 * the whole batch instead of string by string: with ~180 large Unicode patterns the per-string
 * order spends most of its time fetching each pattern's native code again (measured on the
 * 1,437 corpus strings: about 3.5 times slower than rule by rule).
 */
export function classifyTexts(texts: readonly string[], opts: ClassifyTextOptions = {}): Array<TextClassification | null> {
  const langs = ruleLangsFor(opts.lang);
  const normalized = texts.map(normalizeText);
  const answers: Array<TextClassification | null> = normalized.map(() => null);
  const open: number[] = [];
  for (let i = 0; i < normalized.length; i += 1) {
    const s = normalized[i]!;
    if (s.length >= 3 && !isDiscourse(s)) open.push(i);
  }
  let pending = open;
  for (const { rule, regex, ruleId } of COMPILED) {
    if (pending.length === 0) break;
    if (!langs.has(rule.lang)) continue;
    const next: number[] = [];
    for (const i of pending) {
      const s = normalized[i]!;
      const m = regex.exec(s);
      if (m === null || isQuoted(s, m.index, m.index + m[0].length)) {
        next.push(i);
        continue;
      }
      answers[i] = { category: rule.category, type: rule.type, confidence: rule.confidence, ruleId, explanationId: TAXONOMY[rule.type].explanationId };
    }
    pending = next;
  }
  return answers;
}
