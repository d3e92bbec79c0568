import { CATEGORY_OF, type CategoryId, type PatternType } from './pattern-types';


/**
 * Text rules as data (issue #4, part 2; after autoconsent and beacon-rules.ts: code only
 * interprets them). Each rule is a regular expression over NORMALISED text (see
 * `normalizeText` in classify-text.ts: NFKC, lower case, one space between words, straight
 * quotes and apostrophes, at most 500 characters), with examples it must match and
 * counter-examples it must not; tests/unit/dark-patterns/text-rules.test.ts runs all of them.
 *
 * Every pattern is written for linear time (checked by regex-shape.ts and timed by redos.test.ts):
 * no `*` or `+`, no repeated groups, bounded `[^.!?]{0,n}` gaps between words.
 *
 * Words are delimited with `B`/`E` (no letter or digit before/after) rather than `\b`, which in
 * JavaScript knows only ASCII and fails next to "é", "ü" or "ñ".
 *
 * The lines drawn for ambiguous wording (documented on the rules and in classify-text.ts):
 * - A calendar end date ("Sale ends Sunday", "valid until 31 May") is information: no rule.
 *   Imminence without a date ("ends soon", "ends tonight", "today only", "hurry", "last chance")
 *   is a limited-time message. A relative duration or a clock to the end of an offer ("ends in
 *   02:13:45", "ends in 3 hours", "only 2 days left") is a countdown.
 * - Delivery cut-offs ("order within 3 hrs for next-day delivery") are logistics, not pressure:
 *   no rule matches "order within", "arrives in", "ships in", "get it by".
 * - "While supplies last" / "solange der Vorrat reicht" is standard promotional small print: no rule.
 * - Counts of things left are scarcity only with a small-quantity word ("only", "just", "left",
 *   "remaining"); "In stock", "12 in stock", "Out of stock", "Only available in stores" are not.
 * - "Shipping/taxes calculated at checkout" is normal; named extra fees (service, booking,
 *   handling, resort…) revealed at checkout or excluded from the price are hidden costs.
 */

export const TEXT_RULE_LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'] as const;
export type TextRuleLang = (typeof TEXT_RULE_LANGS)[number];

/** One text rule (checked by `textRule` in schemas.ts, which says what each field may hold). */
export interface TextRule {
  /** `text/<type>/<n>`; the classifier reports `<id>@<version>`. */
  id: string;
  version: number;
  category: CategoryId;
  type: PatternType;
  lang: TextRuleLang;
  /** Pattern source over normalised (lower-case) text. */
  source: string;
  flags: 'u';
  confidence: number;
  examples: string[];
  counterExamples: string[];
  /** The false positive or miss that shaped the rule. */
  note?: string | undefined;
}

/** Bumped when a rule's meaning changes; rule ids in the log carry it (`text/<type>/<n>@<version>`). */
export const TEXT_RULES_VERSION = 1;

// The rule schema (with the linear-time shape check) is `textRule` in schemas.ts; tests validate
// every rule with it. Keeping zod out of this module keeps it out of the content script.

// ---------------------------------------------------------------------------------------------
// Building blocks (plain strings; each is linear-time on its own and composes without nesting).

/** Start of a word: no letter or digit before. */
const B = String.raw`(?<![\p{L}\p{N}])`;
/** End of a word: no letter or digit after. */
const E = String.raw`(?![\p{L}\p{N}])`;
/** A count as shops print it: 7, 1,203, 1.2 (followed by an optional `k` or `+` where allowed). */
const NUM = String.raw`\d[\d.,]{0,6}`;
/** A running clock with seconds: 02:13:45, 2 : 13 : 45. */
const CLOCK = String.raw`\d{1,2} ?: ?\d{2} ?: ?\d{2}`;
/** A short clock (minutes:seconds or hours:minutes), only used right after "in" or before "left". */
const CLOCK2 = String.raw`\d{1,2} ?: ?\d{2}`;
/** A first name, maybe with an initial: "anna", "john d." */
const NAME = String.raw`\p{L}{2,20}(?: \p{L}\.?)?`;
/** A place: "berlin", "austin, tx", "st. louis" (letters first, at most 31 characters). */
const PLACE = String.raw`\p{L}[\p{L} ,.'-]{1,30}`;
/** Money or a percentage right after a number: "only 5 € left to free shipping" is not stock. */
const CUR = String.raw`(?:€|£|\$|¥|eur|euros?|usd|gbp|chf|dollars?|pounds?|%)`;
const TU_EN = String.raw`(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?|yrs?)${E}`;
const TU_DE = String.raw`(?:sekunden|sekunde|sek|s|minuten|minute|min|m|stunden|stunde|std|h|tagen|tage|tag|t|wochen|woche|monaten|monate|monat|jahren|jahre|jahr)${E}`;
const TU_FR = String.raw`(?:secondes?|sec|s|minutes?|min|mn|heures?|h|jours?|j|semaines?|mois|ans|années?|fois)${E}`;
const TU_ES = String.raw`(?:segundos?|seg|s|minutos?|min|horas?|h|hrs?|días?|dias?|d|semanas?|meses|mes|años?|pasos?|veces)${E}`;
const PEOPLE_EN = String.raw`(?:people|persons|users|visitors|shoppers|customers|others|other people|other shoppers|other customers|travell?ers|guests|buyers|members|families)`;
const PEOPLE_DE = String.raw`(?:personen|leute|kunden|kundinnen|käufer|besucher|nutzer|andere|andere personen|gäste|menschen|reisende|interessenten)`;
const PEOPLE_FR = String.raw`(?:personnes|clients|clientes|visiteurs|acheteurs|utilisateurs|internautes|autres personnes|voyageurs|membres)`;
const PEOPLE_ES = String.raw`(?:personas|clientes|usuarios|visitantes|compradores|viajeros|otras personas|otros usuarios|huéspedes)`;
const STOCK_NOUN_EN = String.raw`(?:more|items?|units?|pieces?|pcs|pairs?|copies|bottles|boxes|packs|bags|rooms?|seats?|tickets?|spots?|places?|products?|of (?:these|this|them|this item|this size|this colou?r|this style))`;
const FEE_EN = String.raw`(?:service|handling|processing|booking|convenience|admin|administration|administrative|payment|card|credit card|transaction|platform|small order|packaging|resort|cleaning|facility|facilities|destination|ticketing|order|checkout)`;

const V = TEXT_RULES_VERSION;

// ---------------------------------------------------------------------------------------------
// Issue #11 item 3: the many ways shops phrase each type (numbers as words, names, places and
// times, "only" left out, badges), and Italian, Dutch and Portuguese. Tuned on the strings of the
// "Third round" in tests/fixtures/text-corpus/positive.ts and negative.ts, never on the hold-out.

/** A small count in words or digits: "two", "a couple of", "7". */
const FEW_EN = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a couple(?: of)?|a handful(?: of)?|a few)`;
/** A count of people in digits or words: "12", "1.2k+", "twelve", "dozens of", "over 300". */
const COUNT_EN = String.raw`(?:(?:over|more than|about|around|nearly|almost) )?(?:\d[\d.,]{0,6}k?\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a dozen|dozens of|hundreds of|thousands of)`;
/** "12 minutes ago", "about an hour ago", "twenty mins ago", "just now", "yesterday at 9:41". */
const AGO_EN = String.raw`(?:(?:about|around|over|less than|under|nearly|almost|roughly) )?(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|a few|few|several) ?(?:seconds?|secs?|s|minutes?|mins?|min|m|hours?|hrs?|hr|h)${E} ago${E}|${B}(?:just now|moments? ago|a moment ago)${E}`;
const BUY_EN = String.raw`(?:bought|purchased|ordered|booked|reserved|grabbed|snapped up|picked up|claimed|subscribed to|signed up for|added (?:(?:this|it|one|\d{1,2}|two|three) )?to (?:their|the|a) (?:cart|basket|bag))`;
/** Who did it in an activity pop-up: an anonymous shopper, or a first name (not a pronoun or kin). */
const ANON_EN = String.raw`(?:someone|somebody|a (?:customer|shopper|buyer|visitor|guest|traveller|traveler|user|person|member|client)|another (?:customer|shopper|buyer|person|user|traveller|traveler|guest))`;
const FIRST_NAME = String.raw`(?!(?:i|we|you|he|she|they|it|this|that|these|those|my|our|your|his|her|their|mum|mom|dad|wife|husband|son|daughter|friend|everyone|nobody|who|which|customers|people|shoppers|users|one|item|order|product)${E})\p{L}{2,20}(?: \p{L}\.?)?`;
/** Where: "from Leeds", "in Austin, TX", "(Manchester)", " - Berlin", "nearby". */
const WHERE_EN = String.raw`(?: (?:from|in|near|at) (?!(?:my|our|the|his|her|their|your|this|that) )${PLACE}| ?\(${PLACE}\)| - ${PLACE}| nearby| near you)`;
const PRICE = String.raw`(?:(?:€|£|\$|r\$|¥) ?\d[\d.,]{0,7}|\d[\d.,]{0,7} ?(?:€|£|\$|eur|euros?|usd|gbp|chf|kr|zł))`;
const PERIOD_EN = String.raw`(?:/ ?|per |a |an |each |every )(?:month|mo|week|wk|year|yr|annum|\d{1,2} (?:weeks|months|days))${E}`;
const ADDON_EN = String.raw`(?:(?:travel |trip |cancellation |parcel |package |shipping |delivery )?(?:insurance|protection|cover)|(?:extended |\d{1,2}[- ]year )?warranty|donation|gift ?wrap(?:ping)?|priority (?:boarding|handling|access)|seat (?:selection|reservation)|(?:magazine |\d{1,2}[- ]month |\d{1,2}[- ]year )?subscription|membership|carbon offset|offset|care plan|care pack|service plan|applecare|tip|green delivery|eco (?:fee|delivery))`;

/** Examples and notes go in an object literal of their own, so the build strips them (scripts/lib/strip-rule-examples.ts). */
interface RuleTests {
  examples?: string[];
  counterExamples?: string[];
  note?: string;
}

/** The top-level alternatives of a pattern source (escapes and character classes skipped). */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') {
      i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/**
 * `B…|B…|^…` as `B(?:…|…)|^…`: the word-start look-behind is checked once per position instead of
 * once per alternative, which makes the wide rules 2-7 times cheaper on long text (same matches).
 */
function factorWordStart(source: string): string {
  const alternatives = topLevelAlternatives(source);
  const starting = alternatives.filter((a) => a.startsWith(B));
  if (starting.length < 2) return source;
  const rest = alternatives.filter((a) => !a.startsWith(B));
  return [`${B}(?:${starting.map((a) => a.slice(B.length)).join('|')})`, ...rest].join('|');
}

const r = (type: PatternType, n: number, lang: TextRuleLang, confidence: number, source: string, tests: RuleTests): TextRule => ({
  id: `text/${type}/${n}`,
  version: V,
  category: CATEGORY_OF[type],
  type,
  lang,
  source: factorWordStart(source),
  flags: 'u',
  confidence,
  examples: tests.examples ?? [],
  counterExamples: tests.counterExamples ?? [],
  ...(tests.note === undefined ? {} : { note: tests.note }),
});

const WIDER_RULES: readonly TextRule[] = [
  // ------------------------------------------------------------------ activity notification (en)
  r('activity-notification', 20, 'en', 0.8,
    String.raw`^[^\p{L}\p{N}]{0,4}(?:${ANON_EN}|${FIRST_NAME})${WHERE_EN} (?:has )?(?:just |recently )?${BUY_EN}${E}|^[^\p{L}\p{N}]{0,4}(?:${ANON_EN}|${FIRST_NAME})${WHERE_EN}? (?:has )?(?:just|recently) ${BUY_EN}${E}`,
    { examples: ['Anna from Graz purchased a Wool Scarf', 'Someone nearby just ordered this', '🛍️ Raj (Leicester) just bought 2 mugs', 'Kim in Busan, Korea purchased Rice Cooker', 'A customer from Oslo booked this trip', 'Tomás just snapped up the last deal'], counterExamples: ['I bought this for my son', 'My wife just bought another one', 'Customers bought it for gifts', 'Bought it twice, love it', 'We just ordered a second set', 'Someone bought me this as a present'], note: 'A pop-up leads with who (a first name, an anonymous shopper) and where; reviews lead with I, we, my…' },
  ),
  r('activity-notification', 21, 'en', 0.8,
    String.raw`${B}(?<!${B}(?:i|we|you|they|he|she|i've|we've|i have|we have|i just|we just|just) )${BUY_EN}${E}[^.!?]{0,50}(?:${AGO_EN})|${B}(?:last|latest|most recent) (?:purchase|order|booking|sale|sold|bought|booked)${E}:? ?(?:${AGO_EN})|${B}(?:recently|just) (?:bought|purchased|ordered|booked|reserved) by (?:${FIRST_NAME}${WHERE_EN}?|${ANON_EN})${E}`,
    { examples: ['Jonas purchased Desk Lamp · 4 min ago', 'Added to a cart 3 mins ago', 'Latest booking: 20 minutes ago', 'Recently bought by Maria in Porto', 'Someone booked a room about an hour ago'], counterExamples: ['I bought it 3 years ago and it still works', 'Prices updated today at 9:00', 'Ordered 2 days ago, still waiting'], note: 'A purchase with how long ago it happened; reviews say years, weeks or months, which are not here.' },
  ),
  r('activity-notification', 22, 'en', 0.8,
    String.raw`${B}${COUNT_EN} (?:${PEOPLE_EN}|other ${PEOPLE_EN}|more ${PEOPLE_EN}) (?:are |is )?(?:currently |also |now |right now |just )?(?:viewing|looking at|watching|browsing|checking out|considering|eyeing|interested in|bought|purchased|ordered|booked)${E}|${B}(?:currently|now|right now) (?:viewing|watching|looking|browsing)${E}:? ${COUNT_EN}(?: ${PEOPLE_EN})?${E}`,
    { examples: ['Fifteen people are looking at this', 'Currently viewing: 9 people', 'Dozens of shoppers are eyeing this', '6 people just bought this'], counterExamples: ['This recipe serves 4 people', 'Join 50,000 subscribers', 'Three people can sit on this sofa'] },
  ),
  r('activity-notification', 27, 'en', 0.8,
    String.raw`${B}${COUNT_EN} ${PEOPLE_EN} (?:have|has) (?:this|it|one) in (?:their|a) (?:carts?|baskets?|bags?|wishlists?)${E}`,
    { examples: ['Over 40 customers have this in their basket', '7 shoppers have it in their cart'], counterExamples: ['This recipe serves 4 people', 'Join 50,000 subscribers', 'Three people can sit on this sofa'] },
  ),
  r('activity-notification', 23, 'en', 0.75,
    String.raw`${B}(?:${COUNT_EN} )?(?:(?:bought|purchased|ordered|booked|sold|claimed|viewed|redeemed) )?${COUNT_EN} ?(?:times|x)${E}[^.!?]{0,15}(?:in the (?:last|past)|today|this (?:week|month|morning|hour)|since|in \d{1,3} (?:hours?|days?))${E}|${B}${COUNT_EN}(?: ${PEOPLE_EN})? (?:bought|purchased|ordered|booked|sold|claimed|viewed)(?: (?:this|it|one))? (?:in (?:the )?(?:last|past)|over the (?:last|past)|within the (?:last|past)|today|yesterday|this (?:week|month|morning|hour))${E}`,
    { examples: ['Claimed 40 times today', 'Sold 12 times in the past day', 'Twelve bought in the last hour', 'Ordered 25x this week'], counterExamples: ['Washed 40 times and still soft', 'Sold by Acme', '10,000 sold'] },
  ),
  // ------------------------------------------------------------------ activity notification (it, nl, pt)
  r('activity-notification', 24, 'it', 0.8,
    String.raw`${B}(?:(?:qualcuno|un cliente|una cliente|un utente|un acquirente)(?: (?:da|di|a|in) ${PLACE})?|${NAME} (?:da|di|a) ${PLACE}) ha (?:appena )?(?:acquistato|comprato|ordinato|prenotato)${E}|${B}${NUM}\+? (?:persone|utenti|clienti|visitatori|acquirenti) (?:stanno (?:guardando|visualizzando|osservando)|guardano|visualizzano|hanno (?:questo|questa|questo articolo) nel carrello)${E}|${B}(?:vendut|acquistat|comprat|prenotat)[oaie] ${NUM}\+?(?: volte)? (?:negli ultimi|nelle ultime|oggi|questa settimana|in \d{1,3} (?:ore|giorni))${E}|${B}(?:ha (?:acquistato|comprato|ordinato|prenotato)|acquistato|comprato)${E}[^.!?]{0,40}\d{1,3} (?:secondi|minuti|ore) fa${E}`,
    { examples: ['Marco da Torino ha appena comprato', '8 persone stanno guardando questo articolo', 'Venduti 30 nelle ultime 24 ore', 'Un cliente ha acquistato 10 minuti fa'], counterExamples: ["L'ho comprato 2 anni fa", 'Ho comprato questo per mio figlio'] },
  ),
  r('activity-notification', 25, 'nl', 0.8,
    String.raw`${B}(?:(?:iemand|een klant|een bezoeker|een koper)(?: (?:uit|in) ${PLACE})?|${NAME} (?:uit|in) ${PLACE}) (?:kocht|bestelde|boekte|heeft (?:zojuist |net |zonet |zo net )?(?:gekocht|besteld|geboekt|gereserveerd)|heeft dit (?:zojuist |net )?(?:gekocht|besteld))${E}|${B}${NUM}\+? (?:mensen|personen|bezoekers|klanten|anderen|kopers) (?:bekijken|bekeken|kijken naar|hebben dit (?:product |artikel )?in (?:hun|de) winkel(?:wagen|mand)|kochten dit)${E}|${B}(?:vandaag|deze week|gisteren|in de afgelopen \d{1,3} (?:uur|dagen)) (?:al )?${NUM}\+? ?(?:keer|x|maal) (?:verkocht|gekocht|besteld|geboekt|bekeken)${E}|${B}(?:kocht|bestelde|boekte|gekocht|besteld|geboekt)${E}[^.!?]{0,40}\d{1,3} (?:seconden|minuten|uur) geleden${E}`,
    { examples: ['Daan uit Leiden kocht dit', '14 mensen bekijken dit artikel', 'Vandaag al 22 keer verkocht', 'Iemand in Gent heeft zojuist besteld'], counterExamples: ['Ik heb dit 2 jaar geleden gekocht', 'Al 10.000 tevreden klanten'] },
  ),
  r('activity-notification', 26, 'pt', 0.8,
    String.raw`${B}(?:(?:alguém|um cliente|uma cliente|um comprador|uma compradora|um usuário|um utilizador)(?: (?:de|em|do|da) ${PLACE})?|${NAME} (?:de|em|do|da) ${PLACE}) (?:acabou de (?:comprar|reservar|encomendar|pedir)|comprou|encomendou|reservou)${E}|${B}${NUM}\+? (?:pessoas|clientes|usuários|visitantes|utilizadores) (?:estão (?:vendo|olhando|visualizando|a ver|a olhar)|veem|visualizam|têm (?:este|esta) (?:produto |artigo )?no carrinho)${E}|${B}(?:vendid|comprad|reservad)[oa]s? ${NUM}\+? vezes${E}|${B}${NUM}\+? (?:vendid[oa]s|comprad[oa]s|pessoas compraram) (?:nas|nos) últim[oa]s${E}|${B}(?:comprou|encomendou|reservou)${E}[^.!?]{0,40}há \d{1,3} (?:segundos|minutos|horas)${E}`,
    { examples: ['Pedro do Porto comprou este artigo', '22 pessoas estão vendo isto', 'Vendido 18 vezes hoje', 'Alguém em Recife acabou de comprar'], counterExamples: ['Comprei há 3 meses e adorei', 'Mais de 10 mil clientes satisfeitos'] },
  ),
];

const WIDER_RULES_2: readonly TextRule[] = [
  // ------------------------------------------------------------------ pressured selling
  r('pressured-selling', 3, 'en', 0.75,
    String.raw`${B}(?:customers|people|shoppers|buyers|others|guests|travell?ers)(?: who (?:bought|purchased|ordered|liked|chose|booked) (?:this|these|it)(?: item| product| one)?)? (?:also|frequently|often|usually) (?:bought|purchased|ordered|added|chose|booked|love|loved|like)${E}|${B}(?:frequently|often|usually|commonly) (?:bought|purchased|ordered|booked) together${E}|^(?:bought together|buy (?:it|them) together|complete the (?:look|set)|complete your (?:look|set|outfit|kit|order with)|shop the look|pairs? (?:well|perfectly|great) with|pair (?:it|this|them) with|goes (?:well|great|perfectly) with|you (?:may|might|will) also (?:like|love)|recommended (?:add-ons?|extras|with this))${E}`,
    { examples: ['Customers also bought', 'People who bought this also bought', 'Frequently purchased together', 'Complete the look', 'You may also love', 'Pair it with our linen napkins'], counterExamples: ['Customers also asked about sizing', 'Customers also viewed', 'Readers who liked this also read', 'You may also need a charger'], note: 'Cross-selling by what others bought; "also viewed" and "also asked" are browsing aids (issue #11: a real "customers also viewed" is a negative).' },
  ),
  r('pressured-selling', 4, 'en', 0.75,
    String.raw`${B}(?:upgrade|go|switch|step up|move up|trade up)${E}[^.!?]{0,40}(?:for|at) (?:just|only|an extra|a further)? ?${PRICE}(?: ?(?:more|extra))?${E}|${B}(?:for|at) (?:just|only) (?:an extra |a further )?${PRICE} (?:more|extra)${E}(?! (?:to|for) (?:get |qualify for |unlock )?free (?:shipping|delivery))|^(?:add|get|include|protect|cover|insure|treat yourself)${E}[^.!?]{0,40} (?:for|from|at) (?:just|only) ${PRICE}${E}|${B}(?:add|get|buy) (?:an? |the )?(?:\d{1,2}[- ]year )?(?:protection|care|warranty|insurance|accident|damage)(?: plan| cover| pack)? (?:for|from) ${PRICE}${E}|${B}(?:make it a bundle|bundle (?:and|&) save|buy (?:the )?bundle (?:and|&) save|add (?:\d|one|two|three) more (?:and|&|to) save)${E}`,
    { examples: ['Upgrade to Pro for just $3 more', 'Go Premium for only €2 a month more', 'Add the matching case for only $9', 'Add a 2-year protection plan for $19.99', 'Bundle & save 15%'], counterExamples: ['Upgrade to the latest app version', 'Add £12 more for free shipping', 'Only $5 more to get free delivery', 'Add a note to your order (free)'] },
  ),
  r('pressured-selling', 5, 'en', 0.7,
    String.raw`^[^\p{L}\p{N}]{0,3}(?:most popular|most chosen|most picked|most booked|best value|best deal|customer favou?rite|fan favou?rite)(?: (?:choice|plan|option|pick|tier|package|pack|size|bundle|deal))?${E}[!.]?(?:$| ?[-–|·:,/] ?)`,
    { examples: ['Most popular', 'BEST VALUE', 'Most popular plan', '⭐ Best value - save 20%', 'Most chosen | 12 months'], counterExamples: ['Most popular articles this week', 'Most popular searches today', 'Best value for money, would recommend'], note: 'A badge on one option of several (a plan, a size, a bundle), pushing it; a heading of a list of articles is not a badge.' },
  ),
  r('pressured-selling', 6, 'de', 0.75,
    String.raw`${B}kunden,? die (?:diesen artikel|dieses produkt|das|dies) (?:gekauft|angesehen) haben,? kauften auch${E}|${B}kunden kauften (?:auch|ebenfalls)${E}|${B}(?:wird |werden )?(?:oft|häufig|gerne) zusammen gekauft${E}|^(?:am beliebtesten|beliebteste(?:r|s|n)? (?:wahl|tarif|paket|option)|bester preis-leistungs-tipp|unser tipp)${E}|${B}(?:upgrade|wechsel|wechseln sie) (?:auf|zu)${E}[^.!?]{0,30}für (?:nur|nur noch|lediglich) ${PRICE}(?: mehr| extra| im monat| pro monat)?${E}|^passend dazu${E}`,
    { examples: ['Kunden kauften auch', 'Häufig zusammen gekauft', 'Am beliebtesten', 'Upgrade auf Plus für nur 3 € mehr', 'Passend dazu'], counterExamples: ['Beliebte Suchbegriffe', 'Kunden fragten auch'] },
  ),
  r('pressured-selling', 7, 'fr', 0.75,
    String.raw`${B}(?:les )?clients (?:ayant acheté (?:cet article|ce produit) )?ont (?:aussi|également) acheté${E}|${B}(?:souvent|fréquemment) (?:achetés|achetées|commandés) ensemble${E}|^(?:le plus populaire|la plus populaire|le plus choisi|la plus choisie|meilleure offre|meilleur rapport qualité-prix|notre recommandation)${E}|${B}(?:passez|passer|montez|optez pour)${E}[^.!?]{0,30}pour (?:seulement|juste|uniquement|seulement) ${PRICE}(?: de plus| en plus| par mois)?${E}|^complétez (?:le look|votre look|votre commande)${E}`,
    { examples: ['Les clients ont également acheté', 'Fréquemment achetés ensemble', 'La plus populaire', 'Passez au forfait Plus pour seulement 2 € de plus'], counterExamples: ['Les articles les plus lus', 'Questions fréquentes'] },
  ),
  r('pressured-selling', 8, 'es', 0.75,
    String.raw`${B}(?:los )?clientes (?:que compraron (?:este|esto) (?:artículo |producto )?)?también (?:compraron|han comprado|eligieron)${E}|${B}(?:comprados|se compran|suelen comprarse) juntos${E}|${B}(?:frecuentemente|habitualmente|a menudo) comprados juntos${E}|^(?:el más popular|la más popular|el más elegido|la más elegida|mejor valor|mejor precio|más vendido)${E}|${B}(?:mejora|pásate|cámbiate|actualiza)${E}[^.!?]{0,30}por (?:solo|sólo|tan solo|únicamente) ${PRICE}(?: más| extra| al mes)?${E}|^completa (?:el look|tu look)${E}`,
    { examples: ['Los clientes también compraron', 'Se compran juntos', 'El más elegido', 'Pásate a Plus por solo 3 € más'], counterExamples: ['Los más leídos', 'Preguntas frecuentes'] },
  ),
  r('pressured-selling', 9, 'it', 0.75,
    String.raw`${B}(?:i )?clienti (?:che hanno acquistato (?:questo|questo articolo|questo prodotto) )?hanno (?:acquistato|comprato) anche${E}|${B}(?:spesso|frequentemente) (?:comprati|acquistati) insieme${E}|${B}(?:comprati|acquistati) insieme${E}|^(?:il più popolare|la più popolare|il più scelto|la più scelta|miglior valore|più venduto|la scelta migliore)${E}|${B}(?:passa|passare|aggiorna)${E}[^.!?]{0,30}(?:a soli|per soli|con soli|a solo|per solo) ${PRICE}(?: in più| al mese)?${E}|^completa il look${E}`,
    { examples: ['I clienti hanno acquistato anche', 'Spesso acquistati insieme', 'La più scelta', 'Passa a Plus per soli 3 € in più'], counterExamples: ['Le domande più frequenti', 'Articoli più letti'] },
  ),
  r('pressured-selling', 10, 'nl', 0.75,
    String.raw`${B}klanten (?:die dit (?:kochten|hebben gekocht) )?(?:kochten|bestelden) (?:ook|eveneens)${E}|${B}(?:vaak|veel) samen gekocht${E}|^(?:meest gekozen|meest populair|populairste keuze|beste keuze|beste deal|onze tip|meest verkocht)${E}|${B}(?:upgrade|stap over|ga)${E}[^.!?]{0,30}voor (?:maar|slechts|nog geen|maar een extra|slechts een extra) ${PRICE}(?: extra| meer| per maand)?${E}|^maak (?:de look|je look) compleet${E}`,
    { examples: ['Klanten kochten ook', 'Vaak samen gekocht', 'Meest populair', 'Upgrade naar Plus voor slechts € 3 extra'], counterExamples: ['Meest gestelde vragen', 'Meest gelezen artikelen'] },
  ),
  r('pressured-selling', 11, 'pt', 0.75,
    String.raw`${B}(?:os )?clientes (?:que compraram (?:este|esta) (?:produto |item |artigo )?)?também compraram${E}|${B}(?:frequentemente|muitas vezes) comprados juntos${E}|${B}comprados juntos${E}|^(?:mais popular|o mais popular|a mais popular|mais escolhido|mais escolhida|melhor valor|melhor custo-benefício|mais vendido)${E}|${B}(?:faça upgrade|mude|passe|atualize)${E}[^.!?]{0,30}por (?:apenas|só|somente|mais) ${PRICE}(?: a mais| por mês)?${E}|^complete o look${E}`,
    { examples: ['Os clientes também compraram', 'Frequentemente comprados juntos', 'Mais escolhido', 'Passe para o Plus por apenas R$ 5 a mais'], counterExamples: ['Mais vendidos da semana em livros', 'Perguntas frequentes'] },
  ),
];

const CANCEL_OBJ_EN = String.raw`(?: (?:your|the|my|a|an))?(?: \p{L}{1,15})?(?: (?:subscription|membership|plan|contract|account|service|deliveries|delivery plan|trial|policy|box|order))?`;
const OFFLINE_EN = String.raw`(?:call|calling|phone|phoning|telephone|ring|speak (?:to|with)|talk (?:to|with)|chat with (?:an?|our|one of our) (?:agent|advisor|adviser|representative|team|specialist)|in writing|by (?:post|mail|letter|fax|phone|telephone)|send (?:us )?(?:a |an )?(?:letter|written|signed|registered)|written (?:notice|request|letter|notification)|registered (?:mail|post|letter)|certified (?:mail|letter)|in person|visit (?:a|one of our|your (?:nearest|local|home)) (?:store|branch|club|gym|location|office)|helpline|hotline|retention (?:team|department))${E}`;

const WIDER_RULES_3: readonly TextRule[] = [
  // ------------------------------------------------------------------ hard to cancel
  r('hard-to-cancel', 2, 'en', 0.75,
    String.raw`${B}(?:to|if you (?:wish|want|would like|need|decide) to|want to|wish to|in order to) (?:cancel|end|stop|terminate|close|pause|discontinue|quit)${CANCEL_OBJ_EN}${E},? [^.!?]{0,45}${OFFLINE_EN}|${B}(?:want|wish|need) to (?:cancel|end your (?:subscription|membership|plan))\?? (?:please |just |simply )?(?:call|phone|ring|speak|talk|chat|write|contact (?:us|our team) (?:by|on|at) (?:phone|telephone|\d))${E}`,
    { examples: ['To end your plan, please phone our team on 0300 000 000', 'If you wish to cancel, send us a signed letter', 'To stop your deliveries, ring our helpline', 'Want to cancel? Call 555-0100'], counterExamples: ['To cancel, go to My account > Subscriptions', 'To cancel your order, click Cancel in your account', 'Cancel online anytime, or contact us by chat or phone'], note: 'The way out named is offline (a call, a letter, a visit); an online path in the same sentence is not matched.' },
  ),
  r('hard-to-cancel', 3, 'en', 0.75,
    String.raw`${B}(?:cancellations?|cancelling|canceling|terminations?)(?: requests?| notices?)? (?:must|need to|have to|can only|may only|are only|is only) (?:be )?(?:made|done|submitted|sent|requested|received|given|accepted|processed|possible)?(?: only)? ?(?:by (?:phone|telephone|calling|post|mail|letter|fax|registered (?:mail|post)|certified mail)|in writing|in person|in store|over the phone|via (?:phone|telephone|post|mail|letter|fax))${E}|${B}(?:can|may) (?:only )?be cancel(?:l?ed) (?:only )?(?:by (?:phone|telephone|calling|post|mail|letter|fax)|in writing|in person|in store|over the phone|at (?:your|the) (?:home |local |nearest )?(?:club|gym|branch|store))${E}|${B}(?:cannot|can't|can not|not possible to) (?:be )?cancel(?:l?ed)?(?: your \p{L}{1,15}| it)? online${E}|${B}(?:call|phone|ring|contact) (?:us|our (?:\p{L}{1,15} )?(?:team|department|line|centre|center)) (?:to|in order to) (?:cancel|end|terminate|stop) (?:your|the|a)${E}|${B}cancel (?:anytime|at any time|whenever you like) by (?:calling|phoning|ringing|writing)${E}`,
    { examples: ['Cancellations must be submitted in writing', 'Memberships can only be cancelled at your home club', 'Plans cannot be cancelled online', 'Call our care team to cancel your plan', 'Cancel anytime by calling us'], counterExamples: ['You can cancel online at any time', 'Cancellations are free up to 24 hours before', 'Call us to change your delivery date'] },
  ),
  r('hard-to-cancel', 4, 'de', 0.75,
    String.raw`${B}(?:die )?kündigung(?:en)? (?:ist|sind|muss|müssen|kann|können|wird|werden)? ?(?:nur|ausschließlich|lediglich|nur noch)? ?(?:schriftlich|per (?:post|brief|einschreiben|fax|telefon)|telefonisch|postalisch|in (?:der|einer) (?:filiale|geschäftsstelle|studio))(?: (?:möglich|erfolgen|akzeptiert|angenommen|entgegengenommen|eingereicht werden|erfolgen))?${E}|${B}(?:zur kündigung|um (?:ihr|ihren|ihre|dein|deinen|deine) [^.!?]{0,25}zu kündigen),? (?:rufen sie|ruf|wenden sie sich|schreiben sie|senden sie|schicken sie|kontaktieren sie)${E}[^.!?]{0,40}(?:hotline|telefon|an|brief|post|einschreiben|schriftlich|service)${E}|${B}(?:nicht|kann nicht) online (?:gekündigt|kündbar)${E}`,
    { examples: ['Die Kündigung ist nur schriftlich möglich', 'Kündigungen nur per Einschreiben', 'Zur Kündigung wenden Sie sich bitte telefonisch an unseren Service', 'Der Vertrag kann nicht online gekündigt werden'], counterExamples: ['Sie können jederzeit online kündigen', 'Kündigung mit einem Klick in Ihrem Konto'] },
  ),
  r('hard-to-cancel', 5, 'fr', 0.75,
    String.raw`${B}pour (?:résilier|annuler|mettre fin à|arrêter|vous désabonner|vous désinscrire)${E}[^.!?]{0,50}(?:appel(?:ez|er)|téléphon(?:e|ez|er|ique)|par courrier|lettre recommandée|courrier recommandé|par écrit|en agence|en magasin|en boutique|au guichet)${E}|${B}(?:la )?(?:résiliation|désinscription|annulation) (?:se fait |est possible |doit être (?:faite|effectuée|envoyée) |s'effectue )?(?:uniquement |seulement |exclusivement )?(?:par (?:courrier|téléphone|lettre|écrit|voie postale)|en agence|en magasin)${E}`,
    { examples: ['Pour résilier, appelez le 01 23 45 67 89', 'La résiliation doit être envoyée par lettre recommandée', 'Résiliation uniquement par téléphone'], counterExamples: ['Résiliez en ligne depuis votre espace client', 'Annulation gratuite jusqu’à 24 h avant'] },
  ),
  r('hard-to-cancel', 6, 'es', 0.75,
    String.raw`${B}para (?:cancelar|anular|dar(?:te|se)? de baja|darse de baja|rescindir|terminar)${E}[^.!?]{0,50}(?:llam(?:a|e|ar|ando)|teléfono|telefónicamente|por carta|carta certificada|burofax|correo postal|por escrito|en (?:tienda|persona|la oficina|el gimnasio))${E}|${B}(?:la )?(?:baja|cancelación|anulación)(?: de la suscripción| del contrato)? (?:se (?:realiza|hace|tramita) |solo puede (?:solicitarse|realizarse|hacerse|tramitarse) |sólo puede (?:solicitarse|realizarse|hacerse) |únicamente puede (?:solicitarse|realizarse) )?(?:solo |sólo |únicamente |exclusivamente )?(?:por teléfono|telefónicamente|por escrito|por carta|por correo postal|por burofax|en persona|en tienda)${E}`,
    { examples: ['Para darte de baja, llama a nuestro servicio de atención', 'La cancelación solo puede realizarse por escrito'], counterExamples: ['Cancela online desde tu cuenta', 'Cancelación gratuita hasta 24 horas antes'] },
  ),
  r('hard-to-cancel', 7, 'it', 0.75,
    String.raw`${B}per (?:disdire|annullare|cancellare|recedere|disattivare|interrompere)${E}[^.!?]{0,50}(?:chiam(?:a|are|ando|i)|telefon(?:o|ico|icamente|are)|raccomandata|per iscritto|lettera|fax|pec|in negozio|di persona|presso (?:la|il|una|un))${E}|${B}(?:la )?(?:disdetta|cancellazione|recesso|disattivazione) (?:è possibile |può essere (?:effettuata|inviata|richiesta) |va (?:inviata|effettuata) |si effettua )?(?:solo |soltanto |esclusivamente |unicamente )?(?:telefonicamente|per telefono|tramite raccomandata|per raccomandata|con raccomandata|a mezzo raccomandata|per iscritto|per posta|di persona|in negozio)${E}`,
    { examples: ['Per annullare il servizio chiama il numero verde', 'La disdetta va inviata tramite raccomandata', 'Recesso esclusivamente per iscritto'], counterExamples: ['Puoi disdire online dal tuo account', 'Cancellazione gratuita fino a 24 ore prima'] },
  ),
  r('hard-to-cancel', 8, 'nl', 0.75,
    String.raw`${B}(?:opzeggen|opzegging|annuleren|beëindigen)(?: van (?:je|uw|het) (?:abonnement|lidmaatschap|contract))? (?:kan |is |moet )?(?:alleen|uitsluitend|enkel|slechts)? ?(?:telefonisch|schriftelijk|per (?:post|brief|aangetekende brief|telefoon)|aangetekend|in de (?:winkel|club|vestiging)|bij de balie)(?: (?:mogelijk|gebeuren|plaatsvinden|worden gedaan))?${E}|${B}om (?:je|uw|het) [^.!?]{0,30}(?:op te zeggen|te annuleren|te beëindigen)${E}[^.!?]{0,40}(?:bel|bellen|telefonisch|brief|aangetekend|schriftelijk|langs in)${E}`,
    { examples: ['Opzeggen is alleen schriftelijk mogelijk', 'Om je lidmaatschap op te zeggen, bel je onze klantenservice'], counterExamples: ['Je kunt online opzeggen in Mijn account', 'Gratis annuleren tot 24 uur van tevoren'] },
  ),
  r('hard-to-cancel', 9, 'pt', 0.75,
    String.raw`${B}para (?:cancelar|anular|rescindir|encerrar|desistir)${E}[^.!?]{0,50}(?:lig(?:ue|ar|ando)|telefone|por telefone|carta registrada|por carta|por escrito|presencialmente|na loja|numa loja|no balcão)${E}|${B}(?:o )?(?:cancelamento|rescisão|encerramento) (?:só |somente |apenas )?(?:pode ser (?:feito|realizado|solicitado) |é (?:feito|realizado) |é possível )?(?:só |somente |apenas |exclusivamente )?(?:por telefone|telefonicamente|por escrito|por carta|presencialmente|na loja|pessoalmente)${E}`,
    { examples: ['Para cancelar, ligue para a central', 'O cancelamento é feito apenas por escrito'], counterExamples: ['Cancele online na sua conta', 'Cancelamento grátis até 24 horas antes'] },
  ),
  // ------------------------------------------------------------------ trick question
  r('trick-question', 3, 'en', 0.75,
    String.raw`${B}(?:do not|don't|not|never) (?:want|wish|like|choose|prefer|care) (?:us |them )?to (?:not|never|stop|opt out)${E}|${B}opt(?: me)? out of not${E}|${B}(?:prefer|rather|like|want) not to not${E}|${B}(?:untick|uncheck|un-tick|un-check|deselect|unselect|clear|remove the (?:tick|check))${E}[^.!?]{0,30}(?:if|unless) you (?:do not|don't|would not|wouldn't|no longer|prefer not|would prefer not|would rather not|would like|want|wish)${E}|${B}(?:untick|uncheck|deselect|unselect)${E}[^.!?]{0,15}(?:to|so (?:that )?we) (?:stop|prevent|avoid)[^.!?]{0,25}(?:not|never|don't)${E}|${B}(?:tick|check|select|mark|click)${E}[^.!?]{0,30}(?:if|unless) you (?:do not|don't|would not|wouldn't|would prefer not|would rather not|prefer not|object to|no longer)${E}|${B}leave (?:this |the )?(?:box |option |field )?(?:un)?(?:checked|ticked|selected|marked|blank|empty)${E}[^.!?]{0,20}(?:if|unless) you (?:would|want|wish|do|don't|do not|would not|wouldn't|prefer|agree)${E}|${B}do not (?:un)?(?:check|tick|select|uncheck|untick|deselect)${E}[^.!?]{0,30}(?:if|unless) you${E}|${B}we(?:'ll| will| may) (?:send|share|contact|email|pass|use)${E}[^.!?]{0,40}unless you (?:tick|check|select|untick|uncheck|opt out)${E}`,
    { examples: ['I do not wish to not be contacted', 'Opt out of not receiving news', 'Deselect if you no longer want our updates', 'Tick here if you would rather not hear from partners', 'Leave blank if you agree to be contacted', 'We will share your email with partners unless you check this box'], counterExamples: ['Tick this box to receive our newsletter', 'Check this box to accept the terms', 'Uncheck to hide prices with VAT', 'Do not leave this field empty'] },
  ),
  r('trick-question', 4, 'de', 0.75,
    String.raw`${B}(?:kreuzen sie|kreuze|markieren sie|markiere|aktivieren sie|aktiviere)${E}[^.!?]{0,30}(?:nicht )?an,? (?:wenn|falls|sofern) (?:sie|du) (?:keine|keinen|nicht|kein)${E}|${B}(?:entfernen sie|entferne|nehmen sie|nimm)${E}[^.!?]{0,20}(?:häkchen|haken|markierung)[^.!?]{0,20}(?:nicht|wenn (?:sie|du) (?:keine|nicht))${E}|${B}(?:ich möchte|ich will) nicht,? dass (?:sie|ihr) (?:mir )?(?:keine|nicht)${E}`,
    { examples: ['Kreuzen Sie hier an, wenn Sie keinen Newsletter möchten', 'Entfernen Sie das Häkchen, wenn Sie keine Angebote wünschen'], counterExamples: ['Kreuzen Sie an, um den Newsletter zu erhalten', 'Bitte AGB akzeptieren'] },
  ),
  r('trick-question', 5, 'fr', 0.75,
    String.raw`${B}(?:décochez|cochez|désélectionnez|sélectionnez|ne cochez pas|ne décochez pas)${E}[^.!?]{0,30}si vous ne (?:souhaitez|voulez|désirez) (?:pas|plus)${E}|${B}je ne (?:souhaite|veux) pas ne (?:pas|plus)${E}`,
    { examples: ['Cochez ici si vous ne souhaitez pas être contacté', 'Décochez la case si vous ne voulez plus nos offres'], counterExamples: ['Cochez cette case pour recevoir la newsletter', 'J’accepte les conditions générales'] },
  ),
  r('trick-question', 6, 'es', 0.75,
    String.raw`${B}(?:desmarca|desmarque|marca|marque|selecciona|seleccione|no marques|no desmarques)${E}[^.!?]{0,30}si no (?:deseas|quieres|desea|quiere|prefieres|prefiere)${E}|${B}no (?:deseo|quiero) (?:dejar de|no)${E}`,
    { examples: ['Marca la casilla si no deseas recibir publicidad', 'Desmarca si no quieres seguir suscrito'], counterExamples: ['Marca la casilla para recibir ofertas', 'Acepto los términos'] },
  ),
  r('trick-question', 7, 'it', 0.75,
    String.raw`${B}(?:togli la spunta|togliere la spunta|deseleziona|seleziona|spunta|non selezionare|non togliere la spunta)${E}[^.!?]{0,30}se non (?:desideri|vuoi|desidera|vuole|preferisci)${E}|${B}non (?:desidero|voglio) (?:non|smettere di)${E}`,
    { examples: ['Seleziona la casella se non desideri ricevere offerte', 'Deseleziona se non vuoi più le nostre email'], counterExamples: ['Seleziona per ricevere la newsletter', 'Accetto i termini e le condizioni'] },
  ),
  r('trick-question', 8, 'nl', 0.75,
    String.raw`${B}vink${E}[^.!?]{0,30}(?:aan|uit) als (?:u|je) (?:geen|niet|liever geen|liever niet)${E}|${B}(?:ik wil|ik wens) niet (?:dat (?:u|jullie) )?(?:geen|niet)${E}`,
    { examples: ['Vink dit vakje aan als je geen nieuwsbrief wilt', 'Vink uit als u liever geen post ontvangt'], counterExamples: ['Vink aan om de nieuwsbrief te ontvangen', 'Ik ga akkoord met de voorwaarden'] },
  ),
  r('trick-question', 9, 'pt', 0.75,
    String.raw`${B}(?:desmarque|desmarca|marque|marca|selecione|não marque|não desmarque)${E}[^.!?]{0,30}se (?:não|nao) (?:deseja|quiser|quer|desejar|pretende)${E}|${B}não (?:desejo|quero) (?:deixar de|não)${E}`,
    { examples: ['Marque esta opção se não deseja receber e-mails', 'Desmarque se não quiser continuar inscrito'], counterExamples: ['Marque para receber novidades', 'Aceito os termos de uso'] },
  ),
];

const WIDER_RULES_4: readonly TextRule[] = [
  // ------------------------------------------------------------------ hidden subscription
  r('hidden-subscription', 5, 'en', 0.75,
    String.raw`${B}(?:free|trial|try (?:it |us )?(?:free|for free)|first (?:box|month|order|delivery|issue|week|\d{1,2} (?:months|weeks|issues|boxes))|for (?:the )?first (?:month|\d{1,2} (?:months|weeks)))${E}[^.!?]{0,50}(?:then|after that|afterwards|thereafter|after which)(?: (?:just|only|it's|it is|you pay|we charge|billed at|renews at))? ${PRICE}${E}|${PRICE} ?${PERIOD_EN}[^.!?]{0,15}after (?:the |your )?(?:free )?(?:trial|first (?:month|box|year|period))${E}|${B}(?:auto-?renews|renews automatically|automatically renews?|auto-?renewing|(?:is|are|will be) renewed automatically|(?:repeats?|recurs?|will repeat|ships?|delivered) (?:automatically )?every \d{1,3} (?:days|weeks|months))${E}(?! (?:off|is off|is turned off))|${B}(?:enrolls?|enrols?|signs?) you (?:up )?(?:in|into|for|to) (?:a |an |our |the )?(?:monthly |recurring |paid |annual )?(?:auto-?ship|autoship|subscription|membership|club|programme|program|plan)${E}|${B}(?:by|when) (?:claiming|ordering|accepting|redeeming|getting)${E}[^.!?]{0,40}(?:you(?:'ll| will)? (?:also )?(?:join|be enrolled|become a member)|you join)${E}`,
    { examples: ['Try it free for 14 days, then €7.99 a month', 'First box free, then £19.99', '$8.99/month after your free trial', 'Plan auto-renews yearly', 'Deliveries repeat every 8 weeks', 'Claiming this gift enrols you in our monthly club', 'By claiming your gift you join our VIP club'], counterExamples: ['You can turn off auto-renew in Settings', 'Your plan renews on 3 June', 'Free delivery, then pay on arrival', 'Free returns within 30 days'] },
  ),
  r('hidden-subscription', 6, 'de', 0.75,
    String.raw`${B}(?:verlängert sich|verlängern sich|wird|werden)${E}[^.!?]{0,30}(?:automatisch|stillschweigend) (?:verlängert|um|für|monatlich|jährlich)${E}|${B}(?:verlängert sich|verlängern sich) (?:automatisch|stillschweigend)${E}|${B}(?:kostenlos|gratis|gratismonat|probemonat|probeabo|testmonat|test|testen|ersten monat|ersten \d{1,2} monate)${E}[^.!?]{0,40}(?:danach|anschließend|dann|ab dem \d{1,2}\. monat) (?:nur |lediglich )?${PRICE}${E}|${B}automatische verlängerung${E}(?<!(?:keine|kein|ohne|sin|nessun|geen|sem|no|without|sans|pas de|senza|zonder) automatische verlängerung)`,
    { examples: ['Das Abo verlängert sich automatisch um 12 Monate', '14 Tage gratis testen, danach 12,99 € im Monat', 'Automatische Verlängerung'], counterExamples: ['Keine automatische Verlängerung', 'Das Abo endet automatisch nach 3 Monaten'] },
  ),
  r('hidden-subscription', 7, 'fr', 0.75,
    String.raw`${B}(?:reconduit|reconduite|reconduits|renouvelé|renouvelée|renouvelle|renouvelable|prolongé|prolongée)s? (?:automatiquement|tacitement|par tacite reconduction)${E}|${B}(?:renouvellement|reconduction) (?:automatique|tacite)${E}(?<!(?:keine|kein|ohne|sin|nessun|geen|sem|no|without|sans|pas de|senza|zonder) (?:renouvellement|reconduction) (?:automatique|tacite))|${B}(?:gratuit|gratuite|essai|offert|offerte|premier mois|premiers mois)${E}[^.!?]{0,40}(?:puis|ensuite|après) (?:seulement )?${PRICE}${E}`,
    { examples: ['Abonnement renouvelé automatiquement chaque année', 'Premier mois offert, puis 14,99 €/mois', 'Reconduction tacite'], counterExamples: ['Sans engagement, résiliable à tout moment', 'Sans reconduction automatique'] },
  ),
  r('hidden-subscription', 8, 'es', 0.75,
    String.raw`${B}se renueva(?:n)? automáticamente${E}|${B}renovación automática${E}(?<!(?:keine|kein|ohne|sin|nessun|geen|sem|no|without|sans|pas de|senza|zonder) renovación automática)|${B}(?:gratis|gratuita|gratuito|prueba|primer mes|primeros \d{1,2} meses)${E}[^.!?]{0,40}(?:después|luego|a continuación|tras el periodo de prueba|y después) (?:solo |sólo )?${PRICE}${E}`,
    { examples: ['El plan se renueva automáticamente', 'Primer mes gratis, luego 9,99 €/mes'], counterExamples: ['Sin renovación automática', 'Envío gratis en pedidos de más de 30 €'] },
  ),
  r('hidden-subscription', 9, 'it', 0.75,
    String.raw`${B}si rinnova(?:no)? automaticamente${E}|${B}rinnovo automatico${E}(?<!(?:keine|kein|ohne|sin|nessun|geen|sem|no|without|sans|pas de|senza|zonder) rinnovo automatico)|${B}(?:rinnovato|rinnovata) (?:automaticamente|tacitamente)${E}|${B}(?:gratis|gratuita|gratuito|prova|primo mese|primi \d{1,2} mesi)${E}[^.!?]{0,40}(?:poi|dopo|successivamente|in seguito) (?:solo |soli )?${PRICE}${E}`,
    { examples: ['Il piano si rinnova automaticamente', 'Primo mese gratis, poi 7,99 € al mese'], counterExamples: ['Nessun rinnovo automatico', 'Spedizione gratis, poi paghi alla consegna'] },
  ),
  r('hidden-subscription', 10, 'nl', 0.75,
    String.raw`${B}(?:wordt|worden) (?:daarna |vervolgens )?(?:automatisch|stilzwijgend) verlengd${E}|${B}automatische verlenging${E}(?<!(?:keine|kein|ohne|sin|nessun|geen|sem|no|without|sans|pas de|senza|zonder) automatische verlenging)|${B}(?:gratis|proef|proefperiode|eerste maand|eerste \d{1,2} maanden)${E}[^.!?]{0,40}(?:daarna|vervolgens|en dan|na afloop) (?:slechts |maar )?${PRICE}${E}`,
    { examples: ['Het lidmaatschap wordt automatisch verlengd', 'Eerste maand gratis, daarna € 12,99 per maand'], counterExamples: ['Geen automatische verlenging', 'Stopt automatisch na 3 maanden'] },
  ),
  r('hidden-subscription', 11, 'pt', 0.75,
    String.raw`${B}(?:é|são|será|serão) renovad[ao]s? automaticamente${E}|${B}renova(?:-se)? automaticamente${E}|${B}renovação automática${E}(?<!(?:keine|kein|ohne|sin|nessun|geen|sem|no|without|sans|pas de|senza|zonder) renovação automática)|${B}(?:grátis|gratuito|gratuita|teste|primeiro mês|primeiros \d{1,2} meses)${E}[^.!?]{0,40}(?:depois|após|em seguida|e depois) (?:apenas |só )?${PRICE}${E}`,
    { examples: ['O plano é renovado automaticamente', 'Primeiro mês grátis, depois R$ 19,90/mês'], counterExamples: ['Sem renovação automática', 'Frete grátis nas compras acima de R$ 99'] },
  ),
  // ------------------------------------------------------------------ visual interference
  r('visual-interference', 1, 'en', 0.6,
    String.raw`${B}(?:accept|allow|agree|enable|activate|turn on|keep|add|yes|continue|upgrade|subscribe|protect|opt in|join|stay)${E}[^.!?()]{0,40}(?:\((?:recommended|suggested|best choice|most secure)\)|[-|:] (?:recommended|suggested)$)|^recommended:? (?:turn on|enable|allow|accept|keep|add|activate|allow all|opt in)${E}|${B}(?:continue|proceed|skip|decline|go on|check ?out|reject|no|without|refuse|opt out|remove)${E}[^.!?()]{0,40}(?:\(not recommended\)|[-|:] not recommended|not recommended$|\(risky\)|\(unsafe\))|${B}(?:continue|proceed|check ?out|go on)${E} (?:without (?:my|the|your|this) (?:discount|offer|savings|gift|deal|reward|protection|coverage|cover|bonus)|at (?:the )?full price)${E}`,
    { examples: ['Allow cookies (recommended)', 'Skip this step (not recommended)', 'Recommended: enable alerts', 'Continue without my gift', 'Proceed at full price'], counterExamples: ['Standard delivery', 'Recommended retail price £30', 'Recommended for ages 8+', 'Continue to payment'], note: 'Labels that steer a choice by saying which one to take: the kept option "recommended", the decline "not recommended" or losing something.' },
  ),
  r('visual-interference', 2, 'de', 0.6,
    String.raw`${B}(?:akzeptieren|zulassen|erlauben|aktivieren|annehmen|zustimmen|behalten|hinzufügen|ja)${E}[^.!?()]{0,40}\((?:empfohlen|empfehlung)\)|${B}(?:ohne|ablehnen|überspringen|fortfahren|weiter)${E}[^.!?()]{0,40}\(nicht empfohlen\)`,
    { examples: ['Alle Cookies zulassen (empfohlen)', 'Weiter ohne Versicherung (nicht empfohlen)'], counterExamples: ['Empfohlen für Einsteiger', 'Unverbindliche Preisempfehlung 49 €'] },
  ),
  r('visual-interference', 3, 'fr', 0.6,
    String.raw`${B}(?:accepter|autoriser|activer|ajouter|oui|garder|conserver|continuer)${E}[^.!?()]{0,40}\((?:recommandé|recommandée|conseillé|conseillée)\)|${B}(?:sans|refuser|ignorer|continuer|passer)${E}[^.!?()]{0,40}\((?:déconseillé|déconseillée|non recommandé|non recommandée|pas recommandé)\)`,
    { examples: ['Autoriser les notifications (recommandé)', 'Passer cette étape (déconseillé)'], counterExamples: ['Recommandé pour les débutants', 'Prix conseillé 49 €'] },
  ),
  r('visual-interference', 4, 'es', 0.6,
    String.raw`${B}(?:aceptar|permitir|activar|añadir|sí|mantener|continuar)${E}[^.!?()]{0,40}\((?:recomendado|recomendada|aconsejado)\)|${B}(?:sin|rechazar|omitir|continuar|saltar)${E}[^.!?()]{0,40}\((?:no recomendado|no recomendada|desaconsejado)\)`,
    { examples: ['Permitir todas (recomendado)', 'Omitir paso (no recomendado)'], counterExamples: ['Recomendado para principiantes', 'Precio recomendado 49 €'] },
  ),
  r('visual-interference', 5, 'it', 0.6,
    String.raw`${B}(?:accetta|accetto|consenti|attiva|aggiungi|sì|mantieni|continua)${E}[^.!?()]{0,40}\((?:consigliato|consigliata|raccomandato|raccomandata)\)|${B}(?:senza|rifiuta|salta|continua|prosegui)${E}[^.!?()]{0,40}\((?:sconsigliato|sconsigliata|non consigliato|non consigliata)\)`,
    { examples: ['Consenti notifiche (consigliato)', 'Prosegui senza protezione (sconsigliato)'], counterExamples: ['Consigliato per principianti', 'Prezzo consigliato 49 €'] },
  ),
  r('visual-interference', 6, 'nl', 0.6,
    String.raw`${B}(?:accepteren|accepteer|toestaan|sta toe|inschakelen|activeren|toevoegen|ja|behouden|doorgaan)${E}[^.!?()]{0,40}\((?:aanbevolen|aanrader|geadviseerd)\)|${B}(?:zonder|weigeren|overslaan|doorgaan)${E}[^.!?()]{0,40}\((?:niet aanbevolen|afgeraden)\)`,
    { examples: ['Meldingen toestaan (aanbevolen)', 'Doorgaan zonder verzekering (niet aanbevolen)'], counterExamples: ['Aanbevolen voor beginners', 'Adviesprijs € 49'] },
  ),
  r('visual-interference', 7, 'pt', 0.6,
    String.raw`${B}(?:aceitar|aceito|permitir|ativar|adicionar|sim|manter|continuar)${E}[^.!?()]{0,40}\((?:recomendado|recomendada|aconselhado)\)|${B}(?:sem|recusar|pular|ignorar|continuar)${E}[^.!?()]{0,40}\((?:não recomendado|não recomendada|desaconselhado)\)`,
    { examples: ['Permitir notificações (recomendado)', 'Continuar sem proteção (não recomendado)'], counterExamples: ['Recomendado para iniciantes', 'Preço recomendado R$ 49'] },
  ),
];

const GATED_EN = String.raw`(?:continue|proceed|checkout|check out|complete (?:your|the|this) (?:order|purchase|booking|checkout)|finish (?:your|the) (?:order|purchase|checkout)|finali[sz]e (?:your|the) (?:order|purchase)|place (?:an|your) order|(?:see|view|reveal|unlock|access|read|watch|get|show) (?:the |our |member |members' |today's |this |these |full |exclusive |all |your )?(?:price|prices|pricing|deal|deals|discount|discounts|offer|offers|recipe|article|story|post|content|video|answer|results?|rest|full (?:article|story|recipe|text|price)|(?:your |the )?(?:discount|coupon) code)|continue (?:reading|watching|browsing|shopping|listening)|keep (?:reading|watching|browsing)|read (?:more|on)|see more|view more)${E}`;

const WIDER_RULES_5: readonly TextRule[] = [
  // ------------------------------------------------------------------ forced enrollment
  r('forced-enrollment', 5, 'en', 0.7,
    String.raw`${B}(?:please )?(?:create|open|make|set up|register)(?: for)? (?:an |a |your )?(?:free )?(?:account|profile)(?: first)? (?:to|in order to|before you can|before you) ${GATED_EN}`,
    { examples: ['Open a free account to continue', 'Open a free account first to view prices'], counterExamples: ['Sign in to see your order history', 'Log in to track your parcel', 'Create an account to save items to your wishlist', 'Enter your email to get our newsletter', 'Share on Facebook', 'To continue, please accept our Terms'], note: 'The action or content is held back until an account, email, share or app is given; signing in for one\u2019s own orders or wishlist is not.' },
  ),
  r('forced-enrollment', 13, 'en', 0.7,
    String.raw`^(?:please )?(?:sign in|log in|login|log on|register|sign up|join|subscribe)(?: now| today| for free| free| or (?:register|sign up|create an account|join|log in|sign in))? (?:to|in order to) ${GATED_EN}|${B}(?:you need|you must have|you'll need|you will need|requires) (?:an |a )?(?:account|membership|login|subscription) (?:to|in order to) ${GATED_EN}`,
    { examples: ['Log in to view member deals', 'Sign up free to keep reading', 'You need an account to view prices'], counterExamples: ['Sign in to see your order history', 'Log in to track your parcel', 'Create an account to save items to your wishlist', 'Enter your email to get our newsletter', 'Share on Facebook', 'To continue, please accept our Terms'] },
  ),
  r('forced-enrollment', 12, 'en', 0.7,
    String.raw`${B}(?:enter|give|leave|share) your (?:email|e-mail|email address|phone number|number) (?:address )?(?:to|in order to) (?:unlock|continue|read|access|see|view|reveal|get access|keep reading)${E}|${B}(?:share|post|tweet|send) (?:this )?(?:with|to) (?:\d{1,2}|one|two|three|four|five) (?:friends?|contacts|people) (?:to|and) (?:unlock|get|reveal|continue|access|claim)${E}|${B}(?:share|follow us|like us|like our page|follow our page)(?: on \p{L}{2,12})? to (?:unlock|continue|reveal|see|access|view)${E}|${B}(?:open|continue|view) (?:this )?in (?:the|our) app to (?:continue|keep|watch|read|view|see)${E}|${B}(?:open|use) (?:the|our) app to (?:continue|keep (?:reading|watching)|watch|read|view|see)${E}|${B}to (?:continue|proceed|check ?out|access (?:the|this) (?:site|content|article)),? (?:you (?:must|need to|have to)|please) (?:agree|consent|accept|opt in|sign up|subscribe)${E}[^.!?]{0,30}(?:marketing|promotional|newsletters?|offers|emails|sms|notifications|partners)${E}`,
    { examples: ['Enter your email to unlock the full article', 'Share with 2 friends to unlock 15% off', 'Follow us on Instagram to unlock the code', 'View in the app to continue', 'To proceed you must agree to receive promotional emails'], counterExamples: ['Sign in to see your order history', 'Log in to track your parcel', 'Create an account to save items to your wishlist', 'Enter your email to get our newsletter', 'Share on Facebook', 'To continue, please accept our Terms'] },
  ),
  r('forced-enrollment', 6, 'de', 0.7,
    String.raw`${B}(?:bitte )?(?:registrieren sie sich|registriere dich|melden sie sich an|melde dich an|erstellen sie ein (?:kostenloses )?konto|erstelle ein (?:kostenloses )?konto|loggen sie sich ein|logge dich ein|jetzt anmelden|jetzt registrieren)(?: jetzt)?,? (?:um|damit)${E}[^.!?]{0,40}(?:abzuschließen|fortzufahren|weiterzulesen|freizuschalten|ganzen artikel|vollständigen artikel|preise|preis|angebot|rabatt|zur kasse|bestellen zu können|kaufen zu können)${E}|${B}(?:für die bestellung|zum bestellen|zum kauf|zum weiterlesen) (?:ist )?(?:ein (?:kundenkonto|konto)|eine registrierung|eine anmeldung) (?:erforderlich|notwendig|nötig|pflicht)${E}|${B}(?:in der|in unserer) app (?:öffnen|weiterlesen|ansehen) um${E}`,
    { examples: ['Registriere dich, um deinen Einkauf abzuschließen', 'Melden Sie sich an, um Preise zu sehen', 'Für die Bestellung ist ein Kundenkonto erforderlich'], counterExamples: ['Melden Sie sich an, um Ihre Bestellungen zu sehen', 'Als Gast bestellen'] },
  ),
  r('forced-enrollment', 7, 'fr', 0.7,
    String.raw`${B}(?:créez|créer|ouvrez) (?:un|votre) (?:compte|espace client)(?: gratuit)? (?:pour|afin de) (?:finaliser|valider|continuer|poursuivre|terminer|passer (?:votre |la )?commande|accéder|voir|lire|débloquer|profiter)${E}|${B}(?:connectez-vous|identifiez-vous|inscrivez-vous|connecte-toi|inscris-toi|abonnez-vous) (?:gratuitement )?(?:pour|afin de) (?:continuer|poursuivre|finaliser|lire la suite|débloquer|voir (?:les|le|nos) (?:prix|tarifs?|offres?|remises?)|accéder (?:à l'article|au contenu|aux prix|à l'offre))${E}|${B}(?:un compte|une inscription) (?:est )?(?:obligatoire|nécessaire|requise?) pour (?:commander|acheter|continuer|finaliser)${E}`,
    { examples: ['Créez un compte pour valider votre commande', 'Identifiez-vous pour voir les tarifs', 'Inscrivez-vous pour lire la suite'], counterExamples: ['Connectez-vous pour suivre vos commandes', 'Commander sans créer de compte'] },
  ),
  r('forced-enrollment', 8, 'es', 0.7,
    String.raw`${B}(?:regístrate|registrate|regístrese|crea una cuenta|cree una cuenta|inicia sesión|inicie sesión|suscríbete|identifícate)(?: gratis)? (?:para|y) (?:continuar|seguir|finalizar|completar|terminar|acceder|desbloquear|ver (?:el|los|nuestros) (?:precios?|ofertas?|descuentos?)|seguir leyendo|leer (?:el artículo|más))${E}|${B}(?:es )?(?:obligatorio|necesario) (?:registrarse|tener una cuenta|crear una cuenta|iniciar sesión) para (?:comprar|continuar|finalizar|ver)${E}`,
    { examples: ['Crea una cuenta para finalizar tu pedido', 'Inicia sesión para ver los precios', 'Regístrate para seguir leyendo'], counterExamples: ['Inicia sesión para ver tus pedidos', 'Comprar como invitado'] },
  ),
  r('forced-enrollment', 9, 'it', 0.7,
    String.raw`${B}(?:registrati|registrarsi|registratevi|crea un account|creare un account|accedi|effettua l'accesso|iscriviti)(?: gratis| gratuitamente)? (?:per|e) (?:continuare|proseguire|completare|concludere|finalizzare|terminare|sbloccare|accedere|vedere (?:i|il|le) (?:prezzi|prezzo|offerte|sconti)|leggere (?:l'articolo|tutto|il resto))${E}|${B}(?:è )?(?:obbligatori[oa]|necessari[oa]) (?:la )?(?:registrazione|registrarsi|un account|l'accesso) per (?:acquistare|continuare|ordinare|vedere)${E}|${B}(?:registrazione|account|accesso) obbligatori[oa] per (?:acquistare|continuare|ordinare|vedere|completare)${E}`,
    { examples: ['Crea un account per completare l’ordine', 'Accedi per vedere le offerte', 'Registrazione obbligatoria per acquistare'], counterExamples: ['Accedi per vedere i tuoi ordini', 'Acquista come ospite'] },
  ),
  r('forced-enrollment', 10, 'nl', 0.7,
    String.raw`${B}(?:maak|creëer|open) (?:een|je|uw) (?:gratis )?(?:account|profiel) aan om${E}[^.!?]{0,40}(?:af te ronden|verder te gaan|te bestellen|te zien|te lezen|te ontgrendelen)${E}|${B}(?:log in|meld je aan|registreer je|registreer|word lid|schrijf je in) om (?:de |onze )?(?:prijzen|prijs|aanbiedingen|kortingen|het artikel|verder|door) (?:te (?:zien|lezen|gaan)|te bekijken|verder te lezen|te gaan)${E}|${B}(?:een )?account (?:is )?(?:verplicht|vereist|nodig) om te (?:bestellen|kopen|lezen)${E}`,
    { examples: ['Maak een account aan om verder te gaan', 'Log in om de prijzen te zien', 'Account verplicht om te bestellen'], counterExamples: ['Log in om je bestellingen te bekijken', 'Bestellen als gast'] },
  ),
  r('forced-enrollment', 11, 'pt', 0.7,
    String.raw`${B}(?:crie|criar|abra) (?:uma|sua) conta (?:para|e) (?:finalizar|continuar|concluir|completar|ver|acessar|desbloquear|comprar)${E}|${B}(?:faça login|faça o login|entre|inicie sessão|cadastre-se|registe-se|registre-se|inscreva-se)(?: grátis)? (?:para|e) (?:continuar|finalizar|concluir|desbloquear|ver (?:os|o) (?:preços?|ofertas|descontos)|ler (?:o artigo|mais|o resto)|acessar (?:o conteúdo|os preços))${E}|${B}(?:é )?(?:obrigatório|necessário) (?:ter uma conta|fazer login|cadastrar-se|se cadastrar) para (?:comprar|continuar|finalizar)${E}`,
    { examples: ['Crie uma conta para concluir o pedido', 'Faça login para ver os preços', 'Cadastre-se para continuar'], counterExamples: ['Faça login para ver seus pedidos', 'Comprar como convidado'] },
  ),
  // ------------------------------------------------------------------ hidden costs
  r('hidden-costs', 3, 'en', 0.7,
    String.raw`${B}(?<!(?:no|without|zero|free of|waived) )(?:(?:delivery|booking) (?:&|and) )?${FEE_EN} (?:fee|fees|charge|charges|surcharge|surcharges)${E}[^.!?]{0,30}(?:added|applied|charged|payable|due|collected|calculated|shown|revealed|levied) (?:at|during|in|on|upon|when|after)${E}|${B}(?:excl(?:\.|udes?|uding)?|exclusive of|plus|\+|not including|does not include|doesn't include)(?: a| an| the)?(?: mandatory| compulsory| additional| small| non-refundable)? ?(?:${PRICE} |\d{1,2} ?% )?(?:${FEE_EN} )(?:fee|fees|charge|charges|surcharge)${E}`,
    { examples: ['Resort fee of $40 per night payable on arrival', 'Excludes a £2 admin fee', '+ €3 booking fee'], counterExamples: ['No booking fees, ever', 'Price includes all fees', 'Service charge included', 'Shipping and taxes calculated at checkout', 'Waived service fee for members'] },
  ),
  r('hidden-costs', 10, 'en', 0.7,
    String.raw`${B}(?<!(?:no|without|zero|waived) )(?:a |an )?(?:${PRICE} |\d{1,2}(?:,\d)? ?% )?${FEE_EN} (?:fee|fees|charge|charges|surcharge)(?: of (?:${PRICE}|\d{1,2}(?:,\d)? ?%))?(?: per (?:ticket|night|person|order|booking|item|guest|transaction))?(?: will| may)? (?:apply|applies|be added|be charged|is added|is charged|is payable|are payable)${E}|${B}(?:payments?|cards?|credit cards?|bookings?|orders?)(?: payments?)? (?:incur|attract|carry|are subject to|will incur) (?:a |an )?(?:\d{1,2}(?:,\d{1,2})? ?% |${PRICE} )?(?:surcharge|fee|charge)${E}|${B}(?:taxes and fees|fees and taxes|fees|surcharges|resort fees?|service charges?) (?:are |is )?(?:not included|excluded|extra|not shown)(?: in (?:the|this) (?:price|rate|total|fare|nightly rate))?${E}`,
    { examples: ['A 3% card surcharge applies', 'Credit card payments incur a 2% fee', 'Fees not included in the fare'], counterExamples: ['No booking fees, ever', 'Price includes all fees', 'Service charge included', 'Shipping and taxes calculated at checkout', 'Waived service fee for members'] },
  ),
  r('hidden-costs', 4, 'de', 0.7,
    String.raw`${B}(?:zzgl\.?|zuzüglich|exkl\.?|exklusive|plus|\+) (?:einer )?(?:${PRICE} )?(?:service|bearbeitungs|buchungs|verwaltungs|transaktions|zahlungs|vermittlungs|reinigungs|kurtaxe|resort)(?:gebühr|gebühren|pauschale|kosten)${E}|${B}(?:service|bearbeitungs|buchungs|verwaltungs|transaktions|zahlungs|vermittlungs)(?:gebühr|gebühren|pauschale)(?:en)? (?:wird|werden|von [^.!?]{0,12}) ?[^.!?]{0,30}(?:hinzugefügt|berechnet|erhoben|aufgeschlagen|fällig)${E}|${B}(?:gebühren|servicegebühr|buchungsgebühr) (?:sind |ist )?nicht (?:im preis )?(?:enthalten|inbegriffen)${E}`,
    { examples: ['Zzgl. Bearbeitungsgebühr', 'Eine Servicegebühr von 3 € wird an der Kasse berechnet', 'Gebühren nicht im Preis enthalten'], counterExamples: ['Keine Servicegebühr', 'Inklusive aller Gebühren', 'Zzgl. Versandkosten'] },
  ),
  r('hidden-costs', 5, 'fr', 0.7,
    String.raw`${B}(?<!sans )frais (?:de service|de dossier|de gestion|de réservation|de traitement|administratifs|de transaction|de ménage)(?: de ${PRICE})? (?:non inclus|non compris|en sus|en plus|en supplément|à payer sur place)${E}|${B}(?<!sans )frais (?:de service|de dossier|de gestion|de réservation|de traitement|administratifs|de transaction)${E}[^.!?]{0,30}(?:seront|sera|sont|est) (?:ajoutés?|appliqués?|facturés?|prélevés?)${E}|${B}(?:hors|\+) frais (?:de service|de dossier|de gestion|de réservation)${E}`,
    { examples: ['Frais de dossier non compris', 'Des frais de gestion seront ajoutés au paiement', 'Hors frais de service'], counterExamples: ['Sans frais de dossier', 'Frais de service inclus'] },
  ),
  r('hidden-costs', 6, 'es', 0.7,
    String.raw`${B}(?:gastos|tarifa|cargo|comisión|comisiones|cargos) (?:de )?(?:gestión|servicio|tramitación|reserva|emisión|limpieza)(?: de ${PRICE})? (?:no incluid[oa]s?|aparte|adicional(?:es)?|a pagar en destino)${E}|${B}se (?:añadirá|aplicará|cobrará|sumará|añadirán|aplicarán|cobrarán)${E}[^.!?]{0,30}(?:tarifa|cargo|comisión|gastos) (?:de )?(?:gestión|servicio|tramitación|reserva)${E}|${B}(?:\+|más) (?:gastos|tarifa|comisión) de (?:gestión|servicio)${E}`,
    { examples: ['Comisión de servicio no incluida', 'Se cobrará un cargo de gestión al pagar', '+ gastos de gestión'], counterExamples: ['Sin gastos de gestión', 'Gastos de envío incluidos'] },
  ),
  r('hidden-costs', 7, 'it', 0.7,
    String.raw`${B}(?:costi|costo|commissioni?|diritti|spese|supplemento) (?:di |del )?(?:servizio|gestione|prenotazione|agenzia|prevendita|pulizia)(?: di ${PRICE})? (?:non inclus[ioae]|esclus[ioae]|extra|da pagare in loco|a parte)${E}|${B}(?:costi|commissione|commissioni|diritti|spese) (?:di )?(?:servizio|gestione|prenotazione|agenzia|prevendita)${E}[^.!?]{0,30}(?:aggiunt[aeio]|applicat[aeio]|addebitat[aeio])${E}|${B}(?:\+|più) (?:commissioni|diritti|costi) di (?:servizio|gestione|prevendita)${E}`,
    { examples: ['Diritti di prevendita non inclusi', 'Commissioni di servizio addebitate al pagamento', '+ costi di gestione'], counterExamples: ['Nessun costo di gestione', 'Spese di spedizione incluse'] },
  ),
  r('hidden-costs', 8, 'nl', 0.7,
    String.raw`${B}(?:exclusief|excl\.?|plus|\+) (?:${PRICE} )?(?:service|administratie|reserverings|boekings|transactie|schoonmaak|betaal)kosten${E}|${B}(?:service|administratie|reserverings|boekings|transactie|betaal)kosten${E}[^.!?]{0,30}(?:worden|wordt) [^.!?]{0,20}(?:toegevoegd|berekend|in rekening gebracht)${E}|${B}(?:service|administratie|reserverings|boekings)kosten (?:zijn )?niet inbegrepen${E}`,
    { examples: ['Excl. administratiekosten', 'Boekingskosten worden bij het afrekenen berekend'], counterExamples: ['Geen reserveringskosten', 'Inclusief servicekosten'] },
  ),
  r('hidden-costs', 9, 'pt', 0.7,
    String.raw`${B}taxas? (?:de )?(?:serviço|conveniência|conveniencia|gestão|reserva|administrativas?|processamento|limpeza)(?: de ${PRICE})? (?:não incluída|não incluídas|nao incluida|à parte|cobrada à parte|adicional)${E}|${B}(?:será|serão) (?:adicionad|cobrad|aplicad)[ao]s? [^.!?]{0,25}taxas? (?:de )?(?:serviço|conveniência|gestão|reserva|processamento)${E}|${B}(?:\+|mais) taxa de (?:serviço|conveniência)${E}`,
    { examples: ['Taxa de conveniência não incluída', 'Será cobrada uma taxa de serviço no checkout', '+ taxa de serviço'], counterExamples: ['Sem taxa de serviço', 'Taxas incluídas no preço'] },
  ),
];

const WIDER_RULES_6: readonly TextRule[] = [
  // ------------------------------------------------------------------ sneak into basket
  r('sneak-into-basket', 2, 'en', 0.7,
    String.raw`${B}we(?:'ve| have| added| automatically added| also added| included| pre-?selected)${E}[^.!?]{0,40}(?:to|in|into|with|for) (?:your|this) (?:basket|cart|bag|order|booking|trolley|trip|reservation|purchase|flight|ticket)${E}|${B}${ADDON_EN}${E}(?: \([^()]{0,12}\))?(?: of ${PRICE})? (?:has been |have been |was |were |is |are |been )?(?:automatically |already |also )?(?:added|included|applied|pre-?selected|selected)(?: for you)?(?: (?:to|in|into|with|on) (?:your |this |the )?(?:basket|cart|bag|order|booking|trolley|trip|reservation|purchase)|:? ?${PRICE}|$)${E}|${B}(?:your|this) (?:order|booking|basket|cart|trip|reservation) (?:now )?includes? (?:a |an )?${ADDON_EN}${E}|${B}(?:pre-?selected|pre-?ticked|added|included) for your (?:convenience|protection|peace of mind|safety)${E}`,
    { examples: ['We added seat selection to your flight', 'Trip protection ($9) has been added to your booking', 'Donation added to cart', 'Your order includes package protection', 'Insurance pre-selected for your peace of mind', 'Carbon offset added: $0.50'], counterExamples: ['1 item added to your basket', 'Added to cart', 'Add travel insurance? (optional)', 'We added new colours to the range', 'Gift wrap available'], note: 'Something the person did not choose is put into the order; the shop\u2019s own confirmation of an item the person added is not.' },
  ),
  r('sneak-into-basket', 3, 'de', 0.7,
    String.raw`${B}(?:versicherung|reiseversicherung|schutz|garantie|spende|geschenkverpackung|versandschutz|sitzplatzreservierung|abo)${E}[^.!?]{0,20}(?:wurde|wurden|ist|sind) (?:automatisch |bereits )?(?:ihrem|deinem|ihrer|deiner|dem|der|zum|zur|in den|in die|in ihren|in deinen) (?:warenkorb|buchung|bestellung)(?: automatisch)? (?:hinzugefügt|gelegt)${E}|${B}(?:wurde|wurden) automatisch (?:in den|zum|ihrem|deinem) (?:warenkorb|buchung|bestellung)(?: hinzugefügt| gelegt)?${E}|${B}automatisch (?:hinzugefügt|in den warenkorb gelegt)${E}`,
    { examples: ['Versandschutz wurde Ihrer Bestellung hinzugefügt', 'Wurde automatisch in den Warenkorb gelegt'], counterExamples: ['Der Artikel wurde in den Warenkorb gelegt', 'In den Warenkorb'] },
  ),
  r('sneak-into-basket', 4, 'fr', 0.7,
    String.raw`${B}ajoutée?s? (?:automatiquement|d'office|par défaut) (?:à|a|dans) (?:votre|ton|ta) (?:panier|commande|réservation)${E}|${B}(?:assurance|protection|garantie|don)${E}[^.!?]{0,20}ajoutée?s? (?:à|a) (?:votre|ta) (?:panier|commande|réservation)${E}`,
    { examples: ['Une garantie a été ajoutée à votre commande', 'Assurance ajoutée automatiquement à votre réservation'], counterExamples: ['Article ajouté au panier', 'Ajouter au panier'] },
  ),
  r('sneak-into-basket', 5, 'es', 0.7,
    String.raw`${B}se (?:ha|han) (?:añadido|agregado|incluido) (?:automáticamente )?(?:un |una |el |la )?(?:seguro|protección|garantía|donación|envoltorio|suscripción)${E}|${B}(?:seguro|protección|garantía|donación|envoltorio)${E}[^.!?]{0,20}(?:añadid[oa]|agregad[oa]|incluid[oa]) (?:automáticamente )?(?:a|en) (?:tu|su) (?:cesta|carrito|reserva|pedido)${E}|${B}(?:añadid[oa]|agregad[oa]) automáticamente (?:a|en) (?:tu|su) (?:cesta|carrito|reserva|pedido)${E}`,
    { examples: ['Se ha añadido una garantía a tu pedido', 'Seguro de viaje añadido a tu reserva'], counterExamples: ['Producto añadido al carrito', 'Añadir a la cesta'] },
  ),
  r('sneak-into-basket', 6, 'it', 0.7,
    String.raw`${B}(?:abbiamo aggiunto|è stat[oa] aggiunt[oa]|sono stat[ie] aggiunt[ie])${E}[^.!?]{0,30}(?:assicurazione|garanzia|protezione|donazione|confezione regalo|abbonamento)${E}|${B}(?:assicurazione|garanzia|protezione|donazione|confezione regalo|abbonamento)${E}[^.!?]{0,20}aggiunt[aoie] (?:automaticamente )?(?:al|nel|alla) (?:tuo |tua |vostro )?(?:carrello|ordine|prenotazione)${E}|${B}aggiunt[aoie] automaticamente (?:al|nel|alla) (?:tuo |tua )?(?:carrello|ordine|prenotazione)${E}`,
    { examples: ['Abbiamo aggiunto una protezione al tuo ordine', 'Garanzia aggiunta automaticamente al carrello'], counterExamples: ['Articolo aggiunto al carrello', 'Aggiungi al carrello'] },
  ),
  r('sneak-into-basket', 7, 'nl', 0.7,
    String.raw`${B}(?:verzekering|garantie|bescherming|donatie|cadeauverpakking|abonnement|verzendbescherming)${E}[^.!?]{0,40}(?:aan|in|bij) (?:je|jouw|uw) (?:winkelwagen|winkelmand|bestelling|boeking|reservering) toegevoegd${E}|${B}automatisch (?:aan|in|bij) (?:je|jouw|uw) (?:winkelwagen|winkelmand|bestelling|boeking) toegevoegd${E}|${B}(?:is|zijn|werd|werden) automatisch toegevoegd${E}`,
    { examples: ['Er is verzendbescherming aan je bestelling toegevoegd', 'Automatisch aan je winkelwagen toegevoegd'], counterExamples: ['Product toegevoegd aan je winkelwagen', 'In winkelwagen'] },
  ),
  r('sneak-into-basket', 8, 'pt', 0.7,
    String.raw`${B}(?:seguro|garantia|proteção|doação|embalagem(?: de presente)?|assinatura)${E}[^.!?]{0,30}(?:foi|foram) (?:automaticamente )?adicionad[oa]s? (?:automaticamente )?(?:ao|à|no|na) (?:seu |sua )?(?:carrinho|pedido|reserva|cesto)${E}|${B}adicionad[oa]s? automaticamente (?:ao|à|no|na) (?:seu |sua )?(?:carrinho|pedido|reserva|cesto)${E}`,
    { examples: ['Uma garantia foi adicionada ao seu pedido', 'Adicionado automaticamente ao seu carrinho'], counterExamples: ['Produto adicionado ao carrinho', 'Adicionar ao carrinho'] },
  ),
  // ------------------------------------------------------------------ confirmshaming
  r('confirmshaming', 13, 'en', 0.8,
    String.raw`^[^\p{L}]{0,3}(?:no|nope|nah|no thanks|no thank you|no,? thanks|not now|maybe later|not today|i'll pass|skip)${E}[,.!:;-]{0,2} ?(?:i(?:'m| am)? ?(?:don't|do not|dont) (?:care about|want to (?:look|feel|be|stay|get|save|learn|improve|grow|protect|win|earn|sleep|eat|live|keep|treat)|need (?:to save|savings|a discount|my discount|help)|deserve)|i (?:prefer|like|love|enjoy) (?:to )?(?:stay|staying|remain|being|be|pay|paying|miss|missing) |(?:i'm|i am) (?:fine|ok|okay|happy|good|content) (?:with|being|to (?:pay|miss|stay)) |i(?:'ll| will) (?:stay|keep|remain|miss|pay|go) |i(?:'m| am) (?:not interested in|too (?:cool|rich|busy) for|already (?:perfect|rich))|i (?:hate|dislike) |i don't (?:like|want) (?:my |free |to save|saving|deals|discounts|(?:a |the )?\d{1,3} ?%))`,
    { examples: ["No thanks, I don't care about my skin", 'Nope, I prefer to stay bored', "Not now, I'm fine with paying more", 'Maybe later, I like missing out', "No thanks, I'm not interested in better sleep", "No, I don't want 15% off"], counterExamples: ['No thanks', 'Maybe later', "No thanks, I'm just browsing", 'No, I already have an account'], note: 'A refusal that goes on to insult the person who refuses.' },
  ),
  r('confirmshaming', 14, 'en', 0.75,
    String.raw`${B}i(?:'m| am) (?:not interested in|not into) (?:looking|feeling|being|getting|staying|saving|sleeping|eating|living) (?:my |good|great|better|best|healthy|healthier|younger|fit|fitter|smart|smarter|rich|richer|informed)${E}|${B}(?:i'm|i am) (?:fine|ok|okay|happy|good) with (?:slow|bad|poor|boring|ugly|dull|old|worse|less|higher|overpriced|paying (?:more|full))${E}|${B}i(?:'d| would) rather (?:stay|keep|remain|be|look|feel|sleep)${E}[^.!?]{0,25}(?:uninformed|in the dark|ignorant|bored|boring|behind|unprotected|broke|poor|uncool|tired|old|ugly|bad|worse|slow)${E}|${B}i (?:prefer|like) (?:to )?(?:stay|remain|being|be) (?:uninformed|in the dark|ignorant|bored|boring|behind|unprotected|broke|poor|basic)${E}|${B}(?:i don't want|i do not want|i'll skip|i will skip|i'll pass on|i will pass on|no to) (?:my |the |a |free |your )?(?:\d{1,3} ?% (?:off|discount)|free (?:shipping|delivery|gift|sample)|(?:exclusive|vip|member) (?:perks|deals|offers|access))${E}`,
    { examples: ["I'm not interested in looking younger", "I'm fine with bad coffee", 'I would rather stay in the dark', 'I prefer to stay uninformed', "I'll skip free delivery"], counterExamples: ["I'm not interested", 'I prefer email updates', 'I would rather pick it up in store'] },
  ),
  r('confirmshaming', 15, 'it', 0.8,
    String.raw`${B}preferisco pagare (?:di più|il prezzo pieno|prezzo pieno|il prezzo intero|tutto)${E}|${B}non (?:voglio|mi piace|mi interessa|mi servono|ho bisogno di) (?:risparmiare|lo sconto|gli sconti|uno sconto|il mio sconto|le offerte|i regali|il regalo|la spedizione gratuita|\d{1,2} ?%)${E}|${B}rinuncio (?:al|allo|alla|ai|agli|alle) (?:mio |mia )?(?:sconto|regalo|offerta|vantaggi|\d{1,2} ?%)${E}|${B}no grazie,? (?:preferisco|resto|rimango) (?:pagare|restare|rimanere|non sapere)${E}`,
    { examples: ['No grazie, preferisco pagare il prezzo pieno', 'Non mi interessa risparmiare', 'Rinuncio al mio sconto'], counterExamples: ['No grazie', 'Non mi interessa la newsletter'] },
  ),
  r('confirmshaming', 16, 'nl', 0.8,
    String.raw`${B}ik betaal liever (?:de volle prijs|meer|het volle pond|de hoofdprijs|volle prijs)${E}|${B}ik (?:hou|houd) niet van (?:korting|kortingen|besparen|geld besparen|aanbiedingen|gratis|cadeaus)${E}|${B}ik (?:wil|hoef) (?:geen (?:korting|\d{1,2} ?%|cadeau|gratis verzending)|niet (?:te )?besparen)${E}|${B}nee(?:,)? (?:bedankt|dank je|dank u)?,? ?ik (?:mis|blijf|betaal) liever${E}`,
    { examples: ['Nee, ik betaal liever meer', 'Ik hoef geen korting', 'Ik hou niet van besparen'], counterExamples: ['Nee, bedankt', 'Ik wil geen nieuwsbrief'] },
  ),
  r('confirmshaming', 17, 'pt', 0.8,
    String.raw`${B}prefiro pagar (?:mais|o preço (?:cheio|total|integral|normal)|preço cheio)${E}|${B}não (?:quero|gosto de|preciso de) (?:economizar|poupar|descontos?|o (?:meu )?desconto|ofertas|brindes?|frete grátis|\d{1,2} ?%)${E}|${B}(?:dispenso|abro mão d[oa]) (?:o |a )?(?:meu |minha )?(?:desconto|brinde|oferta|\d{1,2} ?%)${E}`,
    { examples: ['Não, obrigado, prefiro pagar o preço cheio', 'Não gosto de economizar', 'Dispenso o meu desconto'], counterExamples: ['Não, obrigado', 'Não quero receber e-mails'] },
  ),
];

const NUMW_EN = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|a few|an?)`;
const DUR_EN = String.raw`${NUMW_EN} ?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)${E}`;
/** "1h 12m 30s", "2d 14h 05m", "7m 42s", "14h 05m". */
const DHMS = String.raw`(?:\d{1,3} ?(?:d|days?)${E},? ?)?\d{1,2} ?(?:h|hrs?|hours?)${E},? ?\d{1,2} ?(?:m|mins?|minutes?)${E}(?:,? ?\d{1,2} ?(?:s|secs?|seconds?)${E})?|${B}\d{1,2} ?(?:m|mins?|minutes?)${E},? ?\d{1,2} ?(?:s|secs?|seconds?)${E}`;

const WIDER_RULES_7: readonly TextRule[] = [
  // ------------------------------------------------------------------ countdown timer
  r('countdown-timer', 11, 'en', 0.8,
    String.raw`${B}(?<!(?:session|link|code|password|token|trial|window|period|verification|login) )(?:ends?|ending|expires?|expiring|finishes|runs out|goes up|price goes up|price increases|deal ends|sale ends|offer ends|left|remaining|time left|time remaining|remaining time|to claim|to go|countdown)${E}[^.!?]{0,20}(?:${DHMS})|${B}(?:${DHMS})[^.!?]{0,10}(?:left|remaining|to go|to claim|until|before)${E}`,
    { examples: ['Deal ends in 3h 20m', 'Time remaining 12m 05s'], counterExamples: ['Battery lasts 12h 30m', 'Cook for 1h 20m', 'Only 2 days left in your trial', 'Session expires in 5 minutes for your security'] },
  ),
  r('countdown-timer', 18, 'en', 0.8,
    String.raw`${B}(?<!(?:session|link|code|password|token|trial|window|period|verification|login) )(?:ends|ending|expires|expiring|price goes up|price rises|prices rise) in (?:just |only |about |under )?${DUR_EN}|${B}(?:only|just) ${DUR_EN} (?:left|remaining|to go)(?: (?:at|for) (?:this|the) (?:price|deal|offer|discount)| to (?:save|claim|order|buy|get))?${E}(?! (?:in your (?:trial|subscription|membership|plan)|to (?:return|send back|exchange)))|${B}(?:reserved|held|saved) for (?:the next |another |only )?(?:${CLOCK2}|${DUR_EN})(?: minutes?)?${E}|${B}(?:ends|expires|remaining|left)${E}:? ?\d{1,2} ?: ?\d{2}(?: ?: ?\d{2})?${E}`,
    { examples: ['Expires in two hours', 'Only fifteen minutes left to claim', 'Seats held for 8 minutes', 'Ends 01:59:59'], counterExamples: ['Battery lasts 12h 30m', 'Cook for 1h 20m', 'Only 2 days left in your trial', 'Session expires in 5 minutes for your security'] },
  ),
  r('countdown-timer', 12, 'it', 0.8,
    String.raw`${B}(?:termina|terminano|scade|scadono|finisce|finiscono|si conclude|l'offerta termina|l'offerta scade|offerta valida ancora per) (?:tra|fra|in|per)${E} (?:${CLOCK}|${CLOCK2}|\d{1,3} ?(?:giorni|giorno|ore|ora|minuti|minuto|secondi|h|min|g)${E})|${B}(?:mancano|restano|rimangono|ancora|solo|soltanto)(?: solo| soltanto| ancora)? \d{1,3} (?:ore|minuti|giorni|secondi)${E}(?! (?:per (?:il reso|restituire|la consegna)|di garanzia))|${B}(?:offerta|sconto|promo|tempo rimanente|termina|scade)${E}[^.?]{0,20}${CLOCK}`,
    { examples: ["L'offerta scade tra 5 ore", 'Mancano 20 minuti', 'Sconto: 01:12:33'], counterExamples: ['La partita inizia tra 2 ore', 'Consegna in 3 giorni'] },
  ),
  r('countdown-timer', 13, 'nl', 0.8,
    String.raw`${B}(?:eindigt|verloopt|loopt af|stopt|sluit|vervalt) (?:over|in|binnen)${E} (?:${CLOCK}|${CLOCK2}|\d{1,3} ?(?:dagen|dag|uur|uren|minuten|minuut|seconden|u|min|d)${E})|${B}nog (?:maar |slechts |even )?\d{1,3} (?:uur|minuten|dagen|dag|seconden)${E}(?: (?:geldig|te gaan|om te bestellen|om te profiteren|voor deze prijs|beschikbaar))?${E}(?! (?:levertijd|om te retourneren|bedenktijd))|${B}(?:aanbieding|actie|korting|resterende tijd|eindigt|verloopt|nog)${E}[^.?]{0,20}${CLOCK}`,
    { examples: ['Actie verloopt over 4 uur', 'Nog maar 30 minuten', 'Aanbieding eindigt over 01:20:00'], counterExamples: ['De film begint over 2 uur', 'Levertijd 3 dagen'] },
  ),
  r('countdown-timer', 14, 'pt', 0.8,
    String.raw`${B}(?:termina|terminam|acaba|acabam|expira|expiram|encerra|encerram|vence|a oferta termina|a promoção acaba) (?:em|dentro de)${E} (?:${CLOCK}|${CLOCK2}|\d{1,3} ?(?:dias|dia|horas|hora|minutos|minuto|segundos|h|min|d)${E})|${B}(?:faltam|restam|resta|falta)(?: apenas| só| somente)? \d{1,3} (?:horas|minutos|dias|segundos)${E}(?! (?:para (?:devolver|a entrega|trocar)|de garantia))|${B}(?:oferta|promoção|desconto|tempo restante|termina|acaba)${E}[^.?]{0,20}${CLOCK}`,
    { examples: ['A promoção acaba em 6 horas', 'Restam apenas 40 minutos', 'Oferta: 02:10:09'], counterExamples: ['O filme começa em 2 horas', 'Entrega em 3 dias'] },
  ),
  r('countdown-timer', 15, 'de', 0.8,
    String.raw`${B}(?:endet|enden|läuft ab|laufen ab|verfällt|ablauf|restzeit|noch|nur noch|verbleibend)${E}[^.!?]{0,20}(?:\d{1,3} ?(?:t|tage?)${E},? ?)?\d{1,2} ?(?:h|std\.?|stunden?)${E},? ?\d{1,2} ?(?:m|min\.?|minuten)${E}|${B}(?:nur noch|noch) (?:\d{1,3}|zwei|drei|vier|fünf|zehn|wenige) (?:stunden|std\.?|minuten|min\.?)${E}(?: (?:gültig|verfügbar|zum aktionspreis|zu diesem preis))?`,
    { examples: ['Angebot endet in 2 h 30 min', 'Nur noch zwei Stunden gültig'], counterExamples: ['Backzeit 1 h 20 min', 'Noch 3 Tage bis zur Lieferung'] },
  ),
  r('countdown-timer', 16, 'fr', 0.8,
    String.raw`${B}(?<!(?:session|lien|code|passe) )(?:plus que|il ne reste (?:plus )?que|encore|reste|il reste|se termine dans|fin dans|expire dans)${E} (?:\d{1,3}|deux|trois|quatre|cinq|dix|quelques) (?:heures?|h|minutes?|min|secondes?)${E}|${B}(?:se termine|termine|expire|fin de l'offre|fin)${E}[^.!?]{0,20}\d{1,2} ?h ?\d{1,2} ?(?:min|m)${E}`,
    { examples: ['Plus que deux heures', 'Fin de l’offre dans 3 h 12 min'], counterExamples: ['Cuisson 1 h 20 min', 'Livraison sous 2 heures', 'Votre session expire dans 10 minutes'] },
  ),
  r('countdown-timer', 17, 'es', 0.8,
    String.raw`${B}(?<!(?:sesión|enlace|código|sesion|codigo) )(?:quedan|queda|solo quedan|sólo quedan|faltan|termina en|acaba en|expira en)${E} (?:\d{1,3}|dos|tres|cuatro|cinco|diez|pocas|pocos) (?:horas?|minutos?|segundos?)${E}(?! (?:para (?:devolver|la entrega)|de envío))|${B}(?:termina|acaba|expira|finaliza|oferta)${E}[^.!?]{0,20}\d{1,2} ?h ?\d{1,2} ?(?:min|m)${E}`,
    { examples: ['Quedan dos horas', 'La oferta termina en 4 h 10 min'], counterExamples: ['Tiempo de cocción 1 h 20 min', 'Entrega en 2 horas', 'Tu sesión expira en 10 minutos'] },
  ),
];

const WIDER_RULES_8: readonly TextRule[] = [
  // ------------------------------------------------------------------ limited-time message
  r('limited-time-message', 8, 'en', 0.7,
    String.raw`${B}(?:(?:this|the|these|our) )?(?:price|prices|deal|deals|offer|offers|sale|discount|savings|bundle)s? (?:won't|will not|wont|can't|cannot) last(?: long| forever)?${E}|${B}(?:for|available for|only for|on for|valid for) (?:a )?(?:short|limited) (?:time|while|period)(?: only)?${E}|${B}(?:weekend|today|tonight|\d{1,2}[- ]hours?|one[- ]day|this week|24h|48h)[- ]only (?:prices?|deals?|offers?|sale|savings|discounts?|special)${E}|^[^\p{L}\p{N}]{0,3}(?:flash sale|flash deal|lightning deal|doorbuster)${E}(?! (?:ends|until|runs|from|starts|on|dates?|calendar|schedule|terms)${E})|${B}don't miss (?:it|out|this|these)(?:!|$)|${B}(?:while|whilst) (?:it|they|the (?:offer|deal|sale)) lasts?${E}|${B}(?:ends|ending|over|closing|expires) (?:soon|shortly|very soon)${E}|${B}(?:offer|deal|sale|discount|price|promo) (?:ends|expires|finishes) (?:today|tonight|at midnight|this weekend)${E}|${B}(?:last|final) (?:hours|day|days|call|weekend)(?: (?:to (?:save|shop|buy|order)|of (?:the |our )?(?:sale|offer|deal)))?(?:!|$)`,
    { examples: ['These deals won’t last long', 'Available for a short time only', 'Weekend-only savings', 'Flash sale', 'Lightning deal', "Don't miss out!", 'Grab it while it lasts', 'Offer expires tonight', 'Final call!'], counterExamples: ['Flash sale ends 31 May', 'Deal of the day calendar', 'Built to last', 'Last day of school on 20 July', 'While supplies last'], note: 'Pressure to decide now without a date; a calendar date stays information (see the header).' },
  ),
  r('limited-time-message', 9, 'it', 0.7,
    String.raw`${B}(?:solo|soltanto|solamente) (?:per )?oggi${E}|${B}oggi (?:solo|soltanto)${E}|${B}(?:offerta|promozione|sconto|promo) (?:a tempo limitato|limitata nel tempo|lampo)${E}|${B}(?:per|a) (?:un )?tempo limitato${E}|${B}(?:ultima occasione|ultima possibilità|ultima chance|ultime ore|ultimo giorno|ultimi giorni)${E}|${B}(?:affrettati|affrettatevi|sbrigati|non perdere (?:questa|l'|quest')(?: ?offerta| ?occasione| promozione)|non fartel[oa] scappare|approfittane subito|adesso o mai più)${E}|${B}(?:termina|scade|finisce) (?:oggi|stasera|a mezzanotte|presto|a breve)${E}`,
    { examples: ['Solo per oggi', 'Promo a tempo limitato', 'Ultime ore!', 'Non fartelo scappare', 'Scade a mezzanotte'], counterExamples: ['Saldi fino al 31 luglio', 'Fino a esaurimento scorte'] },
  ),
  r('limited-time-message', 10, 'nl', 0.7,
    String.raw`${B}(?:alleen|enkel|slechts) (?:vandaag|dit weekend|vanavond)${E}|${B}vandaag (?:alleen|only)${E}|${B}(?:tijdelijke|tijdelijk) (?:aanbieding|actie|korting|prijs|deal)${E}|${B}(?:voor|gedurende) (?:een )?(?:korte|beperkte) tijd${E}|${B}(?:laatste kans|laatste dag|laatste dagen|laatste uren|laatste uur)${E}|${B}(?:wees er snel bij|wacht niet te lang|mis het niet|mis deze (?:deal|aanbieding|actie) niet|nu of nooit|snel zijn|op is op)${E}|${B}(?:eindigt|stopt|verloopt) (?:vandaag|vanavond|binnenkort|om middernacht)${E}`,
    { examples: ['Alleen dit weekend', 'Tijdelijke actie', 'Voor korte tijd', 'Wees er snel bij!', 'Eindigt vanavond'], counterExamples: ['Aanbieding geldig t/m 31 mei', 'Openingstijden vandaag 9-18 uur'] },
  ),
  r('limited-time-message', 11, 'pt', 0.7,
    String.raw`${B}(?:só|somente|apenas|apenas por|só por) hoje${E}|${B}hoje (?:apenas|somente)${E}|${B}(?:oferta|promoção|desconto|preço) (?:por tempo limitado|relâmpago|limitada)${E}|${B}(?:por|durante) (?:um )?tempo limitado${E}|${B}(?:última chance|última oportunidade|últimos dias|último dia|últimas horas)${E}|${B}(?:corra|aproveite já|aproveite agora|não perca|não deixe passar|agora ou nunca)${E}(?! (?:o |a )?(?:prazo de|sua encomenda))|${B}(?:termina|acaba|encerra) (?:hoje|esta noite|em breve|à meia-noite)${E}`,
    { examples: ['Só hoje', 'Promoção relâmpago', 'Últimas horas!', 'Não perca!', 'Acaba hoje'], counterExamples: ['Promoção válida até 31/05', 'Enquanto durarem os estoques'] },
  ),
  r('limited-time-message', 12, 'de', 0.7,
    String.raw`${B}(?:nur|ausschließlich) (?:heute|dieses wochenende|am wochenende|bis mitternacht|für 24 stunden|für kurze zeit)${E}|${B}(?:blitzangebot|blitz-deal|blitzdeal|tagesangebot|angebot des tages|deal des tages)${E}(?! (?:vom|am|bis)${E})|${B}(?:zugreifen|zuschlagen),? solange (?:es geht|sie können)${E}|${B}(?:(?:angebot|deal|aktion|rabatt|sale) nicht verpassen|verpassen sie (?:dieses angebot|diesen deal|diese aktion) nicht|verpass (?:dieses angebot|diesen deal) nicht)${E}`,
    { examples: ['Nur am Wochenende', 'Blitzangebot', 'Verpassen Sie dieses Angebot nicht'], counterExamples: ['Blitzangebot vom 3. Mai', 'Solange der Vorrat reicht'] },
  ),
  r('limited-time-message', 13, 'fr', 0.7,
    String.raw`${B}(?:offre|vente|promo) (?:flash|éclair)${E}(?! (?:du|jusqu'au|le|valable)${E})|${B}(?:limitée dans le temps|pour (?:peu de|un court) temps|ne ratez pas ça|à saisir vite|à saisir rapidement|ne laissez pas passer)${E}|${B}(?:seulement|uniquement) (?:ce soir|ce week-end|aujourd'hui)${E}`,
    { examples: ['Vente flash', 'Offre limitée dans le temps', 'À saisir vite !'], counterExamples: ['Vente flash du 3 au 5 mai', 'Jusqu’à épuisement des stocks'] },
  ),
  r('limited-time-message', 14, 'es', 0.7,
    String.raw`${B}(?:oferta|venta|promo|rebaja)s? (?:flash|relámpago)${E}(?! (?:del|hasta|el)${E})|${B}(?:válida|disponible) (?:por|durante) (?:tiempo limitado|poco tiempo)${E}|${B}(?:aprovecha ya|aprovéchalo ya|corre|no lo dejes pasar|que no se te escape)${E}(?:!|$| -| antes)|${B}(?:solo|sólo) (?:este fin de semana|esta noche|hoy)${E}`,
    { examples: ['Oferta relámpago', 'Válida por tiempo limitado', '¡Aprovecha ya!'], counterExamples: ['Oferta flash del 3 al 5 de mayo', 'Hasta agotar existencias'] },
  ),
  // ------------------------------------------------------------------ low stock
  r('low-stock-message', 13, 'en', 0.8,
    String.raw`${B}(?<!(?:was|were|had) )(?:only|just|less than|fewer than|under|last|final) ${FEW_EN}(?: (?:more|items?|units?|pieces?|pcs|pairs?|rooms?|seats?|tickets?|spots?|places?|left))? (?:left|remaining|remain|to go|available|in stock|at this price|in your size|in this size|in this colou?r)${E}(?! (?:per|each|for each) (?:customer|order|household|person|account))(?! to (?:qualify|review|assemble|go until))|${B}(?:final|last) few(?: (?:items|pieces|units|sizes|pairs|seats|rooms|tickets|left|remaining|available))?${E}|${B}(?:almost|nearly|about to (?:go|be)|soon|going) out of stock${E}|${B}(?:stock|stocks|inventory|supplies) (?:is |are )?(?:running|getting) (?:low|out)${E}|${B}(?:we(?:'ve| have)|there (?:are|is)) (?:only )?${FEW_EN} (?:left|remaining)${E}`,
    { examples: ['Just seven left in stock', 'Last 2 at this price', 'Final few pairs', 'Nearly out of stock', 'Inventory running low', 'Only eight remain'], counterExamples: ['Only 3 ingredients', 'Just 2 minutes to set up', 'Last 5 years of history', 'Only one size available', '2 items left to review'] },
  ),
  r('low-stock-message', 14, 'it', 0.8,
    String.raw`${B}(?:solo|soltanto|ancora|ultimi|ultime|rimangono|restano|ne rimangono|ne restano|ne rimane|ne resta|rimane|resta)(?: solo| soltanto)? (?:\d{1,4}|pochi|poche|due|tre|un|una)(?: (?:pezzi|pezzo|articoli|articolo|unità|posti|camere|biglietti|paia|taglie|disponibili))? ?(?:rimast[ie]|disponibili|disponibile|in magazzino|in stock|a questo prezzo|$|!)${E}|${B}(?:ultimi|ultime) (?:\d{1,3} )?(?:pezzi|articoli|unità|posti|camere|biglietti|taglie|disponibili)${E}|${B}(?:disponibilità limitata|scorte limitate|quantità limitata|quasi esaurit[oa]|in esaurimento|pochi pezzi disponibili|sta per esaurirsi|stanno per esaurirsi)${E}`,
    { examples: ['Solo 2 pezzi disponibili', 'Ne restano solo 4', 'Quasi esaurito', 'Ultime taglie'], counterExamples: ['Solo 3 ingredienti', 'Disponibile in 5 colori', 'Esaurito'] },
  ),
  r('low-stock-message', 15, 'nl', 0.8,
    String.raw`${B}(?:nog (?:maar |slechts )?|slechts |maar |laatste )(?:\d{1,4}|twee|drie|een paar|enkele|weinig)(?: (?:stuks?|exemplaren|items|artikelen|plaatsen|kamers|tickets))? ?(?:op voorraad|beschikbaar|over|resterend|leverbaar|in jouw maat|voor deze prijs|$|!)${E}|${B}(?:bijna|vrijwel|zo goed als) uitverkocht${E}|${B}(?:beperkte voorraad|lage voorraad|voorraad (?:is )?bijna op|laatste (?:stuks|exemplaren|items|artikelen|plaatsen|kamers|maten))${E}`,
    { examples: ['Nog maar 3 op voorraad', 'Laatste stuks!', 'Beperkte voorraad', 'Nog 1 beschikbaar'], counterExamples: ['Maar 3 ingrediënten', 'Op voorraad', 'Uitverkocht'] },
  ),
  r('low-stock-message', 16, 'pt', 0.8,
    String.raw`${B}(?:apenas|só|somente|restam|resta|resta apenas|restam apenas|restam só|últimas|últimos)(?: apenas)? (?:\d{1,4}|duas|dois|três|poucas|poucos)(?: (?:unidades?|peças?|itens?|produtos?|lugares|quartos|ingressos|pares))? ?(?:em estoque|no estoque|disponíveis|disponível|restantes?|neste preço|$|!)${E}|${B}(?:últimas|ultimas) (?:unidades|peças|pecas)${E}|${B}(?:últimos|ultimos) (?:itens|produtos|lugares|ingressos)${E}|${B}(?:estoque limitado|stock limitado|estoque baixo|quase esgotad[oa]s?|a esgotar|esgotando)${E}`,
    { examples: ['Restam apenas 3 unidades', 'Últimas peças', 'Estoque limitado', 'Só 1 disponível'], counterExamples: ['Apenas 3 ingredientes', 'Em estoque', 'Esgotado'] },
  ),
  // ------------------------------------------------------------------ high demand
  r('high-demand-message', 7, 'en', 0.75,
    String.raw`${B}(?:(?:is|are|very|super|extremely|really) )?(?:popular|trending|hot|in demand) (?:right now|at the moment|today|this week)${E}|^[^\p{L}\p{N}]{0,3}(?:hot item|hot deal|hot seller|trending now|best-?seller alert|high demand)${E}[!]?(?:$| ?[-–|·:] ?)|${B}\d{1,2} ?(?:x|times) (?:more )?(?:views|bookings|interest|searches|popular)(?: than (?:usual|normal|average))?${E}|${B}(?:flying|flies) (?:out (?:of )?(?:the door|the shelves|the store|fast)|off the shelves)${E}|${B}(?:sells|selling) out (?:fast|quickly|every time|within (?:hours|days|minutes))${E}|${B}(?:booked|reserved|bought) (?:up )?(?:fast|quickly)${E}|${B}(?:disappearing|vanishing) fast${E}`,
    { examples: ['Trending right now', 'Hot item!', '4x more views than usual', 'Flying off the shelves', 'Sells out every time', 'Disappearing fast'], counterExamples: ['Trending searches: lamp, rug', 'Hot water bottle', 'Popular with families', 'Trending topics'] },
  ),
  r('high-demand-message', 8, 'it', 0.8,
    String.raw`${B}(?<!(?:causa dell'|causa della |per l'|vista l'|data l'|della |dell'))(?:molto richiest[oaie]|richiestissim[oaie]|va a ruba|vanno a ruba|sta andando a ruba|stanno andando a ruba|si vende velocemente|si vendono velocemente|alta richiesta|forte richiesta|molto popolare in questo momento|di tendenza ora)${E}`,
    { examples: ['Molto richiesto', 'Va a ruba!', 'Alta richiesta'], counterExamples: ['A causa dell’alta richiesta le consegne potrebbero subire ritardi', 'Molto comodo'] },
  ),
  r('high-demand-message', 9, 'nl', 0.8,
    String.raw`${B}(?<!(?:door de|vanwege de|wegens de|door|vanwege|wegens|de|een) )(?:veel gevraagd|erg gewild|zeer gewild|gaat snel|gaan snel|gaat hard|gaan hard|verkoopt snel|verkopen snel|hoge vraag|veel vraag|loopt storm|populair (?:op dit moment|nu|vandaag)|erg populair!|populair!)${E}`,
    { examples: ['Veel gevraagd', 'Gaat hard!', 'Populair op dit moment'], counterExamples: ['Door de hoge vraag kan de levering vertraagd zijn', 'Populaire zoekopdrachten'] },
  ),
  r('high-demand-message', 10, 'pt', 0.8,
    String.raw`${B}(?<!(?:devido à|devido a|por causa da|pela|da|na|la|a|de|una|uma|à) )(?:muito procurad[oa]s?|alta procura|grande procura|alta demanda|vendendo rápido|vendendo muito|vende rápido|está esgotando|estão esgotando|vai esgotar|vão esgotar|a vender rápido|a esgotar rapidamente|sucesso absoluto)${E}`,
    { examples: ['Muito procurado', 'Vendendo rápido', 'Vai esgotar!'], counterExamples: ['Devido à alta procura, a entrega pode atrasar', 'Muito bonito'] },
  ),
];

const WIDER = [...WIDER_RULES, ...WIDER_RULES_2, ...WIDER_RULES_3, ...WIDER_RULES_4, ...WIDER_RULES_5, ...WIDER_RULES_6, ...WIDER_RULES_7, ...WIDER_RULES_8];


export const TEXT_RULES: readonly TextRule[] = [
  // ===========================================================================================
  // Scarcity: low-stock message
  {
    id: 'text/low-stock-message/1',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'en',
    source: String.raw`${B}(?<!(?:was|were|had) )(?:only|just|less than|fewer than|under|last) \d{1,4}${E}(?! ?${TU_EN})(?! ?${CUR})(?: ${STOCK_NOUN_EN})? (?:left|remaining|available|in stock)${E}(?! (?:per|each|for each) (?:customer|order|household|person|account))(?! (?:turns?|hand|side|click)${E})`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Only 3 left in stock - order soon.', 'Hurry, only 2 left!', 'Less than 5 left', 'Just 5 remaining at this price', 'Only 1 available', 'Only 2 pairs left in size 9', 'only 4 of these left'],
    counterExamples: ['Your last 5 orders are available to download', 'Only 2 per customer', 'Only available in stores', 'Only 2 days left to order for Christmas', 'Only $5 left to qualify for free shipping', 'There were only 2 left when I ordered', 'Only 1 available per customer', 'Only 4 colours available', 'Just 2 left turns to our store'],
    note: '"only 4 colours available" is honest range information: only stock nouns may stand between the count and "left/available".',
  },
  {
    id: 'text/low-stock-message/2',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'en',
    source: String.raw`${B}(?<!: ?)\d{1,4} (?:(?:items?|units?|pieces?|pairs?|rooms?|seats?|tickets?|spots?|places?) )?(?:left|remaining) (?:in stock|at this price|on our site|for (?:this|your) (?:dates?|stay|trip)|in your size|in this size|in this colou?r|- order soon|order soon)${E}|${B}(?<!: ?)\d{1,4} (?:(?:items?|units?|pieces?|pairs?) )?left(?:!|$)`,
    flags: 'u',
    confidence: 0.85,
    examples: ['3 left in stock', '2 rooms left on our site', '5 remaining at this price', '1 left in your size', 'Hurry, 2 left!'],
    counterExamples: ['12 in stock', 'In stock', '3 left turns then straight on', '00:14:59 left'],
  },
  {
    id: 'text/low-stock-message/3',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'en',
    source: String.raw`${B}(?<!: ?)(?:last )?\d{1,3} (?:rooms?|seats?|tickets?|spots?|places?|units?|items?|pieces?|pairs?) (?:left|remaining)${E}(?! (?:to|in your|for you|in (?:the|my) (?:cart|basket|bag)))`,
    flags: 'u',
    confidence: 0.8,
    examples: ['2 rooms left', '4 seats remaining', 'Last 2 pairs left', 'Hurry! 5 items left'],
    counterExamples: ['2 rooms available from £80', '4 seats, 2 doors', '3 pieces left to assemble', '3 items left to review'],
  },
  {
    id: 'text/low-stock-message/4',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'en',
    source: String.raw`${B}(?<!(?:was|were|had) )(?:only|just) (?:a few|a handful|one|two|three|four|five|a couple|few) (?:(?:items?|units?|pieces?|pairs?|rooms?|seats?|tickets?|spots?|places?|more|of these|left) )?(?:left|remaining|available|in stock)${E}(?! (?:per|each|for each) (?:customer|order|household|person|account))`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Only a few left!', 'Only one left in stock', 'Just a handful remaining', 'only two pieces available'],
    counterExamples: ['Only one size available', 'only one available per customer', 'There were only a few left'],
  },
  {
    id: 'text/low-stock-message/5',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'en',
    source: String.raw`${B}(?:low stock|low in stock|stock is low|stock is running low|stocks are running low|running low on stock|limited stock|limited quantities|limited quantity|limited supply|limited supplies|limited availability|almost sold out|nearly sold out|almost gone|nearly gone|(?:very )?few (?:left|remaining)(?! to)|(?:stock )?running low(?::|!|$| - order| order soon)|(?:a )?few (?:items|pieces|units|sizes|pairs|seats|rooms) (?:left|remaining)|last few (?:left|remaining|items|pieces|pairs|sizes|units|seats|rooms)|last (?:one|item|pair|piece|unit|seat|room) (?:left|available|in stock|remaining)|last (?:one|item|pair|piece)(?:!|$))${E}`,
    flags: 'u',
    confidence: 0.75,
    examples: ['Low stock', 'Almost gone!', 'Limited stock available', 'Last few sizes', 'Nearly sold out', 'Last one left', 'Few left', 'Running low: order soon'],
    counterExamples: ['Out of stock', 'In stock', 'Limited edition print', 'Stock levels are updated hourly'],
  },
  {
    id: 'text/low-stock-message/6',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'de',
    source: String.raw`${B}(?:nur noch|noch|nur|lediglich|letzte) \d{1,4}${E}(?! ?${TU_DE})(?! ?${CUR})(?: (?:stück|stk\.?|artikel|exemplare?|paar|plätze|zimmer|tickets?|einheiten|teile))? (?:verfügbar|auf lager|vorrätig|übrig|da|lieferbar|am lager|im lager|zu haben|in deiner größe|in ihrer größe|zum aktionspreis|zu diesem preis)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Nur noch 3 Stück auf Lager', 'Noch 5 verfügbar', 'Nur noch 1 auf Lager – schnell sein!', 'Nur 2 Zimmer übrig'],
    counterExamples: ['Nur 2 Stück pro Kunde', 'Noch 3 Tage verfügbar', 'Auf Lager', 'Lieferbar in 2-3 Werktagen'],
  },
  {
    id: 'text/low-stock-message/7',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'de',
    source: String.raw`${B}nur noch (?:\d{1,4}|ein|eine|einen|zwei|drei) (?:stück|stk|artikel|exemplare?|paar|plätze|zimmer|tickets?|teile|einheiten)${E}|${B}nur noch \d{1,4}(?:!|$)|${B}(?:nur noch|noch|nur) (?:ganz |sehr )?wenige(?: stück| artikel| exemplare| paar| plätze| zimmer| tickets)?(?: verfügbar| auf lager| vorrätig| übrig| da| lieferbar| am lager|!|$)`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Nur noch 2 Stück', 'Nur noch wenige verfügbar', 'Nur noch wenige!', 'Noch wenige Exemplare auf Lager'],
    counterExamples: ['Noch wenige Tage bis zum Start', 'Nur 2 Stück pro Bestellung'],
  },
  {
    id: 'text/low-stock-message/8',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'de',
    source: String.raw`${B}(?:geringer (?:lager)?bestand|niedriger (?:lager)?bestand|begrenzter (?:lager)?bestand|limitierter bestand|begrenzte stückzahl|begrenzte menge|begrenzte verfügbarkeit|fast ausverkauft|fast vergriffen|beinahe ausverkauft|so gut wie ausverkauft|knapp auf lager|wenige auf lager|wenig auf lager|letzte (?:exemplare|stücke|artikel|plätze|zimmer))${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Fast ausverkauft', 'Geringer Lagerbestand', 'Begrenzte Stückzahl', 'Letzte Exemplare!'],
    counterExamples: ['Limitierte Auflage', 'Ausverkauft', 'Auf Lager'],
  },
  {
    id: 'text/low-stock-message/9',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'fr',
    source: String.raw`${B}(?:(?<!pas |ne |non )plus que|il ne reste (?:plus )?que|il n'en reste (?:plus )?que|ne reste que) \d{1,4}${E}(?! ?${TU_FR})(?! ?${CUR})|${B}(?:il reste|reste|seulement|uniquement|encore|derniers|dernières) \d{1,4}${E}(?! ?${TU_FR})(?! ?${CUR})(?: (?:articles?|pièces?|exemplaires?|unités?|places?|chambres?|billets?|paires?|produits?))? ?(?:en stock|disponibles?|restants?|restantes?|à ce prix|dans votre taille)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Plus que 2 en stock !', 'Il ne reste que 3 articles', 'Seulement 4 disponibles', 'Dernières 2 pièces en stock'],
    counterExamples: ['Pas plus que 2 par client', 'Plus que 2 jours !', 'Plus que 50 € pour la livraison gratuite', 'En stock'],
  },
  {
    id: 'text/low-stock-message/10',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'fr',
    source: String.raw`${B}(?:stock limité|stocks limités|stock faible|faible stock|quantités? limitées?|presque épuisée?s?|bientôt épuisée?s?|quasiment épuisée?s?|derniers articles|dernières pièces|derniers exemplaires|dernières places|dernières chambres|dernier exemplaire|dernière pièce|plus que quelques|il ne reste que quelques|quelques pièces seulement|quelques exemplaires seulement)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Stock limité', 'Presque épuisé !', 'Derniers articles disponibles', 'Quantités limitées'],
    counterExamples: ['Épuisé', 'Édition limitée', 'En stock, expédié sous 24 h'],
  },
  {
    id: 'text/low-stock-message/11',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'es',
    source: String.raw`${B}(?:(?:solo|sólo|solamente|únicamente) )?(?:quedan|queda) (?:(?:solo|sólo|solamente|únicamente) )?\d{1,4}${E}(?! ?${TU_ES})(?! ?${CUR})(?! (?:artículos?|productos?) en (?:tu|su) (?:cesta|carrito))|${B}(?:solo|sólo|solamente|únicamente) \d{1,4}${E}(?! ?${TU_ES})(?! ?${CUR})(?: (?:unidades?|artículos?|piezas?|plazas?|habitaciones?|entradas?|pares?|productos?))? ?(?:disponibles?|en stock|en existencia|restantes?|a este precio)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['¡Solo quedan 2!', 'Quedan 3 unidades', 'Sólo 2 disponibles', 'Solo 4 unidades en stock'],
    counterExamples: ['Quedan 2 días', 'Quedan 3 pasos para completar tu pedido', 'Quedan 2 artículos en tu cesta', 'Solo 2 por cliente', 'En stock'],
  },
  {
    id: 'text/low-stock-message/12',
    version: V,
    category: 'scarcity',
    type: 'low-stock-message',
    lang: 'es',
    source: String.raw`${B}(?:últimas|ultimas|últimos|ultimos) (?:\d{1,4} )?(?:unidades|piezas|plazas|habitaciones|entradas|existencias|tallas|artículos|articulos|pares)${E}|${B}(?:pocas unidades|quedan pocas?|quedan pocos|stock limitado|existencias limitadas|unidades limitadas|cantidades limitadas|casi agotad[oa]s?|a punto de agotarse|bajo stock|poco stock|stock bajo)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Últimas unidades', 'Casi agotado', 'Stock limitado', 'Quedan pocas'],
    counterExamples: ['Agotado', 'Edición limitada', 'Últimas noticias'],
  },

  // ===========================================================================================
  // Scarcity: high-demand message
  {
    id: 'text/high-demand-message/1',
    version: V,
    category: 'scarcity',
    type: 'high-demand-message',
    lang: 'en',
    source: String.raw`${B}(?<!(?:due to|because of|owing to) (?:the )?(?:very |unusually |exceptionally |extremely )?)(?:in (?:very |extremely )?high demand|high demand(?:!|$|:| -| item| product| alert)|(?:demand is (?:very |extremely |unusually )?high|high demand) for (?:these|your|this|the selected) (?:dates?|time|item|product|size|room|property|hotel|flight|event)|selling fast|selling quickly|selling out(?! of)|going fast|flying off the shelves|selling like hot ?cakes|sells out fast|sells out quickly|in demand right now)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['In high demand', 'Selling fast!', 'This item is going fast', 'Selling out - get yours'],
    counterExamples: ['Due to high demand, deliveries may take longer', 'There is high demand for electric cars', 'In-demand skills for 2025', 'High demand has pushed up delivery times'],
    note: 'Operational notices ("due to high demand, deliveries are delayed") are information about delays, not pressure to buy.',
  },
  {
    id: 'text/high-demand-message/2',
    version: V,
    category: 'scarcity',
    type: 'high-demand-message',
    lang: 'en',
    source: String.raw`${B}(?:likely to sell out|expected to sell out|will sell out|could sell out|may sell out|about to sell out|set to sell out|sold out (?:fast|quickly) last time|sold out (?:twice|three times|\d{1,2} times|before|last (?:time|year|season))|before (?:it|they) (?:sell|sells) out|before (?:it's|it is|they're|they are) gone)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Get yours before they’re gone', 'Likely to sell out soon', 'Order before it sells out'],
    counterExamples: ['This item has sold out', 'Sold out'],
  },
  {
    id: 'text/high-demand-message/3',
    version: V,
    category: 'scarcity',
    type: 'high-demand-message',
    lang: 'en',
    source: String.raw`${B}\d{1,3} ?% (?:claimed|sold|gone|booked|reserved)${E}`,
    flags: 'u',
    confidence: 0.75,
    examples: ['72% claimed', '90% sold', '85 % booked'],
    counterExamples: ['100% cotton', '20% off', '97% recommend this product'],
  },
  {
    id: 'text/high-demand-message/4',
    version: V,
    category: 'scarcity',
    type: 'high-demand-message',
    lang: 'de',
    source: String.raw`${B}(?<!(?:aufgrund|wegen) (?:der )?)(?:sehr gefragt|stark gefragt|stark nachgefragt|gerade sehr beliebt|hohe nachfrage|sehr hohe nachfrage|große nachfrage|heiß begehrt|heiss begehrt|verkauft sich (?:gerade )?(?:sehr )?schnell|verkaufen sich (?:gerade )?(?:sehr )?schnell|schnell vergriffen|schnell ausverkauft|bald ausverkauft|bald vergriffen|wird schnell knapp|geht schnell weg|gehen schnell weg)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Sehr gefragt!', 'Hohe Nachfrage', 'Verkauft sich schnell', 'Bald ausverkauft'],
    counterExamples: ['Aufgrund hoher Nachfrage verzögert sich der Versand', 'Sehr beliebt bei Kunden', 'Ausverkauft'],
  },
  {
    id: 'text/high-demand-message/5',
    version: V,
    category: 'scarcity',
    type: 'high-demand-message',
    lang: 'fr',
    source: String.raw`${B}(?<!(?:en raison d'une|en raison de la|face à une|face à la|suite à une) )(?:très demandée?s?|forte demande|se vend (?:très )?vite|se vendent (?:très )?vite|part (?:très )?vite|partent (?:très )?vite|s'arrache|s'arrachent|victime de son succès|victimes de leur succès|bientôt en rupture|rupture imminente|populaire en ce moment)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Très demandé', 'Forte demande !', 'Part très vite', 'Se vend vite'],
    counterExamples: ['En raison d’une forte demande, les délais de livraison sont allongés', 'Article populaire', 'En rupture de stock'],
  },
  {
    id: 'text/high-demand-message/6',
    version: V,
    category: 'scarcity',
    type: 'high-demand-message',
    lang: 'es',
    source: String.raw`${B}(?<!(?:debido a la|debido a una|por la|ante la) )(?:muy solicitad[oa]s?|muy demandad[oa]s?|alta demanda|gran demanda|se vende (?:muy )?rápido|se venden (?:muy )?rápido|se está vendiendo (?:muy )?rápido|se agota rápido|se agotan rápido|se agotará pronto|se agotarán pronto|se está agotando|se están agotando)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Muy solicitado', 'Alta demanda', 'Se vende rápido', 'Se está agotando'],
    counterExamples: ['Debido a la alta demanda, los envíos pueden retrasarse', 'Muy popular entre nuestros clientes', 'Agotado'],
  },

  // ===========================================================================================
  // Social proof: activity notification
  {
    id: 'text/activity-notification/1',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}${NUM}k?\+? ${PEOPLE_EN} (?:are |is )?(?:currently |also |now |right now )?(?:viewing|looking at|watching|browsing|checking out|considering|eyeing)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['23 people are looking at this right now', '12 others are viewing this item', '1,204 people are watching this', '5 other shoppers are also considering this'],
    counterExamples: ['12 people found this helpful', 'Customers who viewed this also viewed', '3,000 happy customers'],
  },
  {
    id: 'text/activity-notification/2',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}(?:(?:someone|somebody|a customer|a shopper|a buyer|a visitor|a traveller|a traveler|a user|a guest|a person|another (?:customer|shopper|person|user|traveller|traveler|guest))(?: (?:from|in|near) ${PLACE})?|${NAME} (?:from|in|near) ${PLACE}) (?:just|recently) (?:bought|purchased|ordered|booked|reserved|signed up|subscribed|claimed|added)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Anna from Berlin just bought this', 'Someone in London just purchased Blue Linen Shirt', 'A customer from Leeds recently ordered this', 'John D. in Austin, TX just booked'],
    counterExamples: ['Someone bought this for me as a gift', 'I just bought this and love it', 'Our store in Berlin just opened'],
  },
  {
    id: 'text/activity-notification/3',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}(?:(?:someone|somebody|a customer|a shopper|a buyer|a visitor|a traveller|a traveler|a user|a guest|a person)(?: (?:from|in|near) ${PLACE})?|${NAME} (?:from|in|near) ${PLACE}) (?:bought|purchased|ordered|booked|reserved|signed up|subscribed|claimed)${E}[^.!?]{0,40} (?:\d{1,3}|an|a|one) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?) ago${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Someone in Madrid purchased Leather Tote 5 minutes ago', 'Maria from Porto bought this an hour ago', 'A customer ordered 2 items 12 mins ago'],
    counterExamples: ['I bought this 2 hours ago and it already broke', 'Ordered 3 days ago, still waiting'],
  },
  {
    id: 'text/activity-notification/19',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}(?:someone|somebody|a customer|a shopper|a buyer|a visitor|a traveller|a traveler|a user|a guest|a person) (?:from|in|near) (?!(?:my|our|the|his|her|their|your|this|that) )${PLACE} (?:bought|purchased|ordered|booked|reserved|signed up|subscribed)${E}|${B}(?!(?:i|we|you|they|he|she|my|our|mum|mom|dad|wife|husband|it|this)${E})${NAME} (?:bought|purchased|ordered|booked|reserved)${E}[^.!?]{0,40} (?:\d{1,3}|an|a|one) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?) ago${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Someone from New York purchased a Classic Watch', 'A customer in Bristol ordered Linen Shirt', 'Emily purchased Blue Dress 3 hours ago'],
    counterExamples: ['Someone in my family bought it for me', 'We purchased this 2 hours ago and it is great', 'I bought it an hour ago'],
  },
  {
    id: 'text/activity-notification/4',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}${NUM}k?\+? (?:${PEOPLE_EN} )?(?:have |has )?(?:bought|purchased|ordered|booked|reserved|sold|viewed|visited|signed up|claimed|redeemed)(?: (?:this|it|this item|this product|this deal|this hotel|this property|this room|this tour|one))? (?:in (?:the )?(?:last|past)|within the (?:last|past)|over the (?:last|past)|today|this (?:week|month|morning|afternoon|evening|hour)|since (?:yesterday|this morning|midnight)|in \d{1,3} (?:hours?|minutes?|days?))${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['1,203 sold in the last 24 hours', '500+ bought in past month', '35 people booked this hotel today', '12 people have viewed this in the last hour'],
    counterExamples: ['Over 10,000 sold this year', '4.6 out of 5 stars from 1,203 reviews', 'I bought 2 in the last sale'],
    note: 'A time window is what makes a sales count a live activity signal; lifetime totals ("10,000 sold") are not flagged.',
  },
  {
    id: 'text/activity-notification/5',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}(?:bought|purchased|ordered|booked|reserved|sold|viewed|added to (?:cart|basket|bag)) ${NUM}k?\+? times (?:in (?:the )?(?:last|past)|within|today|this (?:week|month|morning|hour)|since)${E}|${B}(?:sold|bought|booked|ordered) ${NUM}k?\+? (?:in|over|within) (?:the )?(?:last|past)${E}|${B}(?:bought|purchased|ordered|booked|viewed) by ${NUM}k?\+? ${PEOPLE_EN} (?:in (?:the )?(?:last|past)|within|today|this (?:week|month|morning|hour)|since|recently)${E}|${B}(?:recently|just) (?:bought|purchased|ordered|booked|viewed) by ${NUM}k?\+? ${PEOPLE_EN}${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Booked 14 times in the last 24 hours', 'Viewed 500 times today', 'Bought by 300 people this week'],
    counterExamples: ['Booked 3 times with this host before', 'Trusted by 10,000 customers'],
  },
  {
    id: 'text/activity-notification/6',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}(?:in|inside) ${NUM}\+? (?:other )?(?:people's |peoples' |shoppers' |customers' |others' )?(?:carts|baskets|bags)${E}|${B}${NUM}\+? ${PEOPLE_EN} (?:have|has|have added|has added|added|put|have put) (?:(?:this|it|these|this item|them) )?(?:in|to|into) (?:their|the) (?:carts?|baskets?|bags?|wishlists?|favou?rites)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['In 20+ carts', 'In 6 people’s baskets', '3 people have this in their basket', '14 shoppers added this to their cart'],
    counterExamples: ['2 items in your basket', 'Add to basket'],
  },
  {
    id: 'text/activity-notification/7',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}last (?:booked|bought|purchased|ordered|sold|reserved) (?:\d{1,3}|an?|one) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?) ago${E}|${B}(?:someone|somebody|another (?:person|shopper|customer|user|traveller|traveler|guest)) (?:else )?(?:is )?(?:currently |also |now )?(?:viewing|looking at|watching|checking out)(?: this| it| the same)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Last booked 12 minutes ago', 'Someone else is looking at this', 'Another traveller is viewing this room'],
    counterExamples: ['Last updated 12 minutes ago', 'Is someone else using your account?'],
  },
  {
    id: 'text/activity-notification/8',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'en',
    source: String.raw`${B}${NUM}k?\+? (?:people|others|shoppers|visitors|users|customers) (?:have )?(?:viewed|looked at|visited|watched) (?:this|it|this item|this product|this page|this property|this hotel|this listing)${E}|${B}${NUM}\+? (?:watching|viewing|watchers)(?:$| now| right now|!|,| in the last)`,
    flags: 'u',
    confidence: 0.8,
    examples: ['1,000 people viewed this', '14 watching now', '35 watchers'],
    counterExamples: ['12 viewing options', 'Viewed items'],
  },
  {
    id: 'text/activity-notification/9',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'de',
    source: String.raw`${B}${NUM}\+? ${PEOPLE_DE} (?:sehen|schauen|betrachten|interessieren|haben|beobachten)${E}[^.!?]{0,35}(?:gerade|im moment|aktuell|derzeit|momentan|jetzt|soeben)${E}|${B}(?:gerade|aktuell|derzeit|momentan|im moment|jetzt) (?:sehen|schauen|betrachten|interessieren|beobachten)(?: sich)?(?: ${NUM}\+?| mehr als ${NUM}| über ${NUM}) ${PEOPLE_DE}${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['23 Personen sehen sich diesen Artikel gerade an', 'Gerade schauen sich 12 Personen dieses Produkt an', '5 Kunden haben das gerade gekauft'],
    counterExamples: ['12 Personen fanden diese Bewertung hilfreich', 'Kunden sehen sich auch an'],
  },
  {
    id: 'text/activity-notification/10',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'de',
    source: String.raw`${B}(?:in den letzten|in der letzten|innerhalb der letzten|heute|diese woche|seit gestern|allein heute|heute schon|heute bereits)${E}[^.!?]{0,30}\d[^.!?]{0,25}(?:gekauft|bestellt|gebucht|verkauft|angesehen|reserviert|aufgerufen)${E}|${B}${NUM}\+? ?(?:-mal|mal|x|×) (?:gekauft|bestellt|gebucht|verkauft|angesehen)(?: in den letzten| in der letzten| heute| diese woche| innerhalb)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['In den letzten 24 Stunden 35-mal gekauft', 'Heute schon 12 mal bestellt', '47x gebucht in den letzten 24 Stunden'],
    counterExamples: ['Heute gekauft, morgen geliefert', 'Über 500 mal verkauft', 'Heute bestellt, in 2 Tagen da'],
  },
  {
    id: 'text/activity-notification/11',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'de',
    source: String.raw`${B}(?:(?:jemand|ein kunde|eine kundin|ein käufer|eine käuferin|ein nutzer|eine nutzerin|ein besucher)(?: (?:aus|in) ${PLACE})?|${NAME} (?:aus|in) ${PLACE}) (?:hat|kaufte|bestellte|buchte)(?: gerade| soeben| eben| vor \d{1,3} (?:minuten|min\.?|stunden|std\.?|sekunden))${E}|${B}vor \d{1,3} (?:minuten|min\.?|stunden|std\.?|sekunden) (?:in|aus) ${PLACE} (?:gekauft|bestellt|gebucht)${E}|${B}(?:in|aus) ${PLACE} vor \d{1,3} (?:minuten|min\.?|stunden|std\.?|sekunden) (?:gekauft|bestellt|gebucht)${E}|${B}(?:in|im) ${NUM}\+? (?:warenkörben|einkaufswagen)${E}|${B}${NUM}\+? ${PEOPLE_DE} haben (?:diesen artikel |dies |das |es |ihn |sie |diesen |dieses produkt )?(?:im|in ihrem|in ihren|in den) (?:warenkorb|warenkörben|einkaufswagen)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Vor 3 Minuten in München gekauft', 'Anna aus Berlin hat gerade bestellt', 'Jemand in Hamburg kaufte vor 5 Minuten', 'In 14 Warenkörben', '8 Personen haben diesen Artikel im Warenkorb'],
    counterExamples: ['Das Team hat gerade neue Produkte veröffentlicht', 'Ihr Warenkorb ist leer'],
  },
  {
    id: 'text/activity-notification/12',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'de',
    source: String.raw`${B}${NUM}\+? ${PEOPLE_DE} haben${E}[^.!?]{0,40}(?:gekauft|bestellt|gebucht|reserviert|angesehen|in den warenkorb gelegt)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['12 Kunden haben diesen Artikel heute gekauft', '35 Personen haben diese Unterkunft gebucht'],
    counterExamples: ['1.234 Kunden haben dieses Produkt bewertet'],
  },
  {
    id: 'text/activity-notification/13',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'fr',
    source: String.raw`${B}${NUM}\+? ${PEOPLE_FR} (?:regardent|consultent|visualisent|voient|sont en train de (?:regarder|consulter)|s'intéressent à|observent|ont (?:ce produit|cet article|cette offre|ceci) (?:dans|en) (?:leur|leurs) (?:panier|paniers|favoris))${E}|${B}dans ${NUM}\+? paniers${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['12 personnes regardent cet article en ce moment', '5 visiteurs consultent cette offre', 'Dans 8 paniers'],
    counterExamples: ['12 personnes ont trouvé cet avis utile', 'Votre panier est vide'],
  },
  {
    id: 'text/activity-notification/14',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'fr',
    source: String.raw`${B}${NUM}\+? (?:${PEOPLE_FR} )?(?:ont |l'ont |a )?(?:acheté|achetés|commandé|commandés|réservé|réservés|consulté|vu|vendus?)${E}[^.!?]{0,30}(?:au cours des|dans les dernières|dans les derniers|ces dernières|ces derniers|aujourd'hui|depuis|cette semaine|en ce moment|dans la journée)${E}|${B}(?:acheté|commandé|réservé|vendu|consulté) ${NUM}\+? fois (?:au cours|dans les|aujourd'hui|cette semaine|depuis|ces dernières|ces derniers)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['35 personnes ont acheté ce produit au cours des dernières 24 heures', '120 vendus aujourd’hui', 'Réservé 12 fois au cours des dernières 24 heures'],
    counterExamples: ['Plus de 10 000 vendus', 'J’ai acheté 2 paires aujourd’hui'],
  },
  {
    id: 'text/activity-notification/15',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'fr',
    source: String.raw`${B}(?:(?:quelqu'un|un client|une cliente|un acheteur|une acheteuse|un utilisateur|une utilisatrice|un visiteur|une personne)(?: (?:de |à |du |d')${PLACE})?|${NAME} (?:de |à |du |d')${PLACE}) (?:vient d'acheter|vient de commander|vient de réserver|vient de s'inscrire|a acheté il y a|a commandé il y a|a réservé il y a)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Camille de Lyon vient d’acheter ce sac', 'Quelqu’un à Paris vient de commander', 'Un client de Nantes a acheté il y a 5 minutes'],
    counterExamples: ['Je viens d’acheter ce sac', 'Notre boutique de Lyon vient d’ouvrir'],
  },
  {
    id: 'text/activity-notification/16',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'es',
    source: String.raw`${B}${NUM}\+? ${PEOPLE_ES} (?:(?:lo |la )?están viendo|(?:lo |la )?están mirando|están consultando|miran|ven|consultan|están interesad[oa]s en|tienen (?:este (?:artículo|producto)|esto) en (?:su|sus) (?:carrito|cesta|carritos|cestas))${E}|${B}en ${NUM}\+? (?:carritos|cestas)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['23 personas están viendo este producto', '8 usuarios miran este alojamiento ahora', 'En 15 carritos'],
    counterExamples: ['12 personas encontraron útil esta opinión', 'Tu carrito está vacío'],
  },
  {
    id: 'text/activity-notification/17',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'es',
    source: String.raw`${B}${NUM}\+? (?:${PEOPLE_ES} )?(?:han comprado|han reservado|han pedido|compraron|reservaron|han visto|vendidos?|comprados?|reservad[oa]s?)${E}[^.!?]{0,30}(?:en las últimas|en los últimos|en la última|hoy|esta semana|desde ayer|en \d{1,3} (?:horas|minutos|días))${E}|${B}(?:comprado|reservado|visto|vendido) ${NUM}\+? veces (?:hoy|en las últimas|en los últimos|esta semana|en la última)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['35 personas han comprado este artículo en las últimas 24 horas', '120 vendidos hoy', 'Reservado 9 veces en las últimas 24 horas'],
    counterExamples: ['Más de 10.000 vendidos', 'Lo compré hace 2 meses y estoy encantada'],
  },
  {
    id: 'text/activity-notification/18',
    version: V,
    category: 'social-proof',
    type: 'activity-notification',
    lang: 'es',
    source: String.raw`${B}(?:(?:alguien|un cliente|una clienta|un usuario|una usuaria|una persona|un comprador|una compradora|un viajero|una viajera)(?: (?:de|en) ${PLACE})?|${NAME} (?:de|en) ${PLACE}) (?:acaba de (?:comprar|reservar|pedir|adquirir|suscribirse)|compró hace|ha comprado hace|reservó hace|pidió hace)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['María de Sevilla acaba de comprar', 'Alguien en Madrid acaba de reservar esta habitación', 'Un cliente de Valencia compró hace 3 minutos'],
    counterExamples: ['Lo acabo de comprar y me encanta', 'Nuestra tienda de Sevilla acaba de abrir'],
  },

  // ===========================================================================================
  // Urgency: countdown timer (relative duration or a running clock to the end of an offer)
  {
    id: 'text/countdown-timer/1',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'en',
    source: String.raw`${B}(?<!(?:window|period|session|link|code|password|token|trial) (?:will )?)(?:end|ends|ending|expire|expires|expiring|close|closes|closing|finish|finishes|disappears|runs out|price goes up|price increases|price rises|prices go up)(?: in| within)?:? (?:${CLOCK}|\d{1,3} ?(?:d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)${E})|${B}(?<!(?:window|period|session|link|code|password|token|trial) (?:will )?)(?:ends|ending|expires|expiring|closes|finishes) in:? ${CLOCK2}${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Offer ends in 02:13:45', 'Sale ends in 3 hours', 'Deal expires in 2d 14h 05m', 'Price goes up in 45 minutes', 'Discount expires in 14:59'],
    counterExamples: ['Arrives in 2 days', 'Offer ends 31 March', 'Sale ends Sunday', 'Your session will expire in 5 minutes', 'The returns window closes in 30 days'],
    note: 'Sessions, links and return windows also "expire in …"; they are not offers.',
  },
  {
    id: 'text/countdown-timer/2',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'en',
    source: String.raw`${B}(?:hurry|deal|deals|offer|offers|sale|discount|price|prices|promo|promotion|coupon|code|ends|expires|left|remaining|countdown|time left|time remaining|limited time|flash sale|lightning deal|today only)${E}[^.?]{0,30}${CLOCK}|${CLOCK} ?(?:left|remaining|to go|until (?:the )?(?:sale|offer|deal|price)|before (?:the )?(?:sale|offer|deal|price))${E}|${B}(?:only |just )${CLOCK2} (?:left|remaining)${E}|${B}(?:items?|basket|cart|bag|order|tickets?|seats?|room|booking|reservation|price|discount|offer|deal|coupon|code|spot|place) (?:is |are |will be )?(?:reserved|held|saved|guaranteed) for (?:the next |another |only )?(?:${CLOCK2}|\d{1,2} ?(?:minutes?|mins?))${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Deal of the day 05:12:33', 'Time left: 00:14:59', '01:59:12 left', 'Hurry! 00 : 09 : 58', 'Only 10:42 left', 'Your items are reserved for 14:59', 'Limited time: 02:13:45'],
    counterExamples: ['Video 1:02:13', 'Doors open 19:30', 'Store hours 09:00 - 18:00'],
  },
  {
    id: 'text/countdown-timer/3',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'en',
    source: String.raw`${B}(?:only |just )?\d{1,3} (?:days?|hours?|hrs?)${E} (?:left|remaining|to go)(?! (?:in your (?:trial|subscription|membership|plan)|to (?:return|send back|exchange)))${E}|${B}(?:only|just) \d{1,3} (?:minutes?|mins?)${E} (?:left|remaining|to go)${E}`,
    flags: 'u',
    confidence: 0.75,
    examples: ['Only 2 days left!', '3 hours left to save', 'Just 20 minutes left'],
    counterExamples: ['30 days left to return your item', '12 min left', '14 days left in your trial'],
  },
  {
    id: 'text/countdown-timer/4',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'en',
    source: String.raw`${B}(?<!(?:finished in|finish time|time|took|lasted|duration|runtime|length|record|recorded|pace|in|of) :? ?)\d{1,2} ?(?:hours?|hrs?|h)${E},? ?\d{1,2} ?(?:minutes?|mins?|m)${E},? ?\d{1,2} ?(?:seconds?|secs?|s)${E}|${B}\d{1,2} ?(?:days?|d)${E},? ?\d{1,2} ?(?:hours?|hrs?|h)${E},? ?\d{1,2} ?(?:minutes?|mins?|m)${E}|${B}(?:days?|d) ?:? ?(?:hours?|hrs?|h) ?:? ?(?:minutes?|mins?|m) ?:? ?(?:seconds?|secs?|s)${E}|${B}(?:hours?|hrs?) ?:? ?(?:minutes?|mins?) ?:? ?(?:seconds?|secs?)${E}`,
    flags: 'u',
    confidence: 0.7,
    examples: ['02h 13m 45s', '2 days 13 hours 45 minutes', 'Days Hours Minutes Seconds', '00 : 13 : 45 Hrs Mins Secs'],
    counterExamples: ['Cook time: 1 h 20 min', 'Flight time 2h 45m', 'Race results: finished in 3h 12m 40s'],
  },
  {
    id: 'text/countdown-timer/5',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'de',
    source: String.raw`${B}(?:endet|enden|läuft ab|laufen ab|ablauf|gültig|gilt|verfällt|vorbei|nur noch|noch|angebot endet|aktion endet|deal endet|restzeit|verbleibende zeit|countdown)${E}[^.?]{0,20}${CLOCK}|${B}(?<!(?:sitzung|link|code|passwort) )(?:endet|enden|läuft|laufen|verfällt|ablaufend|vorbei) (?:in|ab in|in nur) \d{1,3} ?(?:tagen|tag|t|stunden|std\.?|h|minuten|min\.?|m|sekunden|sek\.?|s)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Angebot endet in 02:13:45', 'Nur noch 01:12:00', 'Aktion endet in 3 Stunden', 'Deal läuft in 2 Tagen ab'],
    counterExamples: ['Angebot endet am Sonntag', 'Lieferung in 2 Tagen', 'Öffnungszeiten 09:00 – 18:00'],
  },
  {
    id: 'text/countdown-timer/6',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'de',
    source: String.raw`${B}nur noch \d{1,3} (?:stunden|std\.?|minuten|min\.?|tage)${E}|${B}noch \d{1,3} (?:stunden|std\.?|minuten|min\.?|tage) (?:gültig|verfügbar|zum aktionspreis|zu diesem preis)${E}|${B}(?:tage ?:? ?stunden ?:? ?minuten ?:? ?sekunden|std\.? ?:? ?min\.? ?:? ?sek\.?)`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Nur noch 2 Tage!', 'Noch 5 Stunden gültig', 'Tage Stunden Minuten Sekunden'],
    counterExamples: ['Lieferung in noch 3 Tagen', 'Rückgabe innerhalb von 30 Tagen'],
  },
  {
    id: 'text/countdown-timer/7',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'fr',
    source: String.raw`${B}(?:se termine|termine|finit|prend fin|expire|fin de l'offre|fin de la promo|fin des soldes|fin dans|plus que|il reste|reste|encore|temps restant|compte à rebours)${E}[^.?]{0,20}${CLOCK}|${B}(?<!(?:session|lien|code) )(?:se termine|termine|finit|prend fin|expire|s'achève|fin|fin de l'offre|fin de la promo|fin des soldes|fin de la vente|se terminent|finissent|expirent) dans \d{1,3} ?(?:jours?|j|heures?|h|minutes?|min|mn|secondes?|sec|s)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Fin de l’offre dans 2 jours', 'L’offre se termine dans 3 heures', 'Fin de l’offre : 02:13:45', 'Expire dans 2 j'],
    counterExamples: ['L’offre se termine dimanche', 'Livraison dans 3 jours', 'Votre session expire dans 5 minutes'],
  },
  {
    id: 'text/countdown-timer/8',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'fr',
    source: String.raw`${B}(?:(?<!pas |ne |non )plus que|il ne reste (?:plus )?que) \d{1,3} (?:heures?|h|minutes?|min|jours?)${E}|${B}(?:il reste|encore) \d{1,3} (?:heures?|h|jours?|minutes?) pour (?:en )?profiter${E}|${B}(?:jours ?:? ?heures ?:? ?minutes ?:? ?secondes|j ?:? ?h ?:? ?min ?:? ?sec)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Plus que 2 jours !', 'Il ne reste que 3 heures pour en profiter', 'Il reste 2 jours pour profiter de -30 %', 'Jours Heures Minutes Secondes'],
    counterExamples: ['Il reste 30 jours pour retourner votre article', 'Livraison en 2 jours'],
  },
  {
    id: 'text/countdown-timer/9',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'es',
    source: String.raw`${B}(?:termina|terminan|finaliza|finalizan|acaba|acaban|expira|expiran|caduca|vence|quedan|queda|tiempo restante|oferta|promoción|descuento|cuenta atrás|cuenta regresiva)${E}[^.?]{0,20}${CLOCK}|${B}(?<!(?:sesión|sesion|enlace|código|codigo) )(?:termina|terminan|finaliza|finalizan|acaba|acaban|expira|expiran|caduca|caducan|vence|vencen) en \d{1,3} ?(?:días?|dias?|d|horas?|h|hrs?|minutos?|min|segundos?|seg|s)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['La oferta termina en 02:13:45', 'Termina en 3 horas', 'Oferta: 01:22:09'],
    counterExamples: ['La oferta termina el domingo', 'Tu sesión expira en 5 minutos', 'Entrega en 2 días'],
  },
  {
    id: 'text/countdown-timer/10',
    version: V,
    category: 'urgency',
    type: 'countdown-timer',
    lang: 'es',
    source: String.raw`${B}(?:(?:solo|sólo) )?(?:quedan|queda) \d{1,3} (?:horas?|minutos?|días?|dias?)${E}(?! (?:para (?:devolver|devolverlo|devolverla|cambiar|cambiarlo)|de (?:garantía|envío|prueba)))|${B}(?:días ?:? ?horas ?:? ?minutos ?:? ?segundos|d ?:? ?h ?:? ?min ?:? ?seg)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Quedan 2 días', '¡Solo quedan 5 horas!', 'Días Horas Minutos Segundos'],
    counterExamples: ['Quedan 30 días para devolverlo', 'Envío en 2 días'],
  },

  // ===========================================================================================
  // Urgency: limited-time message (imminence without a date)
  {
    id: 'text/limited-time-message/1',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'en',
    source: String.raw`${B}(?:limited[- ]time|limited[- ]period)(?: only)? (?:offer|offers|deal|deals|sale|price|pricing|discount|discounts|promotion|promo|savings?|special|event|bundle|only)${E}|^limited[- ]time(?: only)?!?\.?$|${B}(?:for|available for|only for|on sale for|offer (?:valid|available) for) (?:a )?limited (?:time|period)(?: only)?${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Limited time offer', 'Limited-time deal', 'For a limited time only', 'Limited time!'],
    counterExamples: ['Parents with limited time can try these 15-minute recipes', 'Limited edition', 'Time-limited access'],
  },
  {
    id: 'text/limited-time-message/2',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'en',
    source: String.raw`${B}(?:ends soon|ending soon|ends today|ends tonight|ends at midnight|ends midnight|expires at midnight|expires midnight|expires soon|expiring soon|expires today|expires tonight|ends in a few hours|ends tomorrow|last day to (?:save|buy|shop|get|grab|claim)|last day(?:!|$)|last day of (?:the )?sale|(?:only )?a few (?:hours|days|minutes) (?:left|remaining|to go)|final day of (?:the )?sale|final hours|last few hours|today only|one day only|24 hours only|48 hours only|72 hours only|this weekend only|this week only|tonight only|only today(?!')|only until midnight|until midnight only|almost over|nearly over|time is running out|running out of time|now or never|while you still can|(?:grab|get|buy|shop|order|snap up|book)${E}[^.!?]{0,15}while you (?:still )?can|prices? (?:will )?(?:increase|increases|rise|rises|go up|goes up) (?:soon|tomorrow|at midnight|tonight|after (?:today|tonight|this weekend))|won't last long|will not last long|won't be around (?:for )?long)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Sale ends soon!', 'Today only: 30% off', 'Ends tonight', 'Time is running out', 'This deal won’t last long'],
    counterExamples: ['Sale ends Sunday', 'Valid until 31 May', 'Open today 9am–6pm', 'Only today’s orders are shown', 'Rest while you can'],
  },
  {
    id: 'text/limited-time-message/3',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'en',
    source: String.raw`${B}(?<!(?:no need to|don't|do not|never|in a|not in a|no) )hurry(?:!| up|,| -| before| while| now| and| only| last| ends| sale| offer| to get|$)`,
    flags: 'u',
    confidence: 0.75,
    examples: ['Hurry! Sale ends soon', 'Hurry, offer ends at midnight', 'Hurry up and grab yours'],
    counterExamples: ['In a hurry? Choose express delivery', 'No need to hurry: free returns for 100 days'],
    note: '"In a hurry?" introduces express delivery; it asks, it does not press.',
  },
  {
    id: 'text/limited-time-message/4',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'en',
    source: String.raw`${B}(?:(?:last|final) chance(?:!|$|:| to (?:buy|save|shop|order|get|grab|claim|book|buy)| for (?:savings|this (?:deal|offer|price)))|don't miss (?:out on )?(?:this|these|our|the) (?:deal|deals|offer|offers|sale|savings|discount|price|bargains?)|don't miss out(?:!|$)|(?<!(?:must|should|to|need to|needs to) )act (?:now|fast|quickly)(?:!|$|,| before| and| to (?:save|get|claim|secure|grab))|(?:buy|order|shop|book|grab (?:it|yours)|get (?:it|yours)) (?:now|today) before (?:it's|its|they're|it is|they are) (?:too late|over)|before it's too late|before the price goes up|before prices go up|prices? (?:will )?(?:go|goes) up (?:soon|tomorrow|at midnight|tonight))`,
    flags: 'u',
    confidence: 0.7,
    examples: ['Last chance to buy', 'Don’t miss this deal', 'Act now!', 'Prices go up at midnight'],
    counterExamples: ['Governments must act now on climate', 'Last orders for Christmas delivery: 20 December', 'Don’t miss our newsletter', 'Last chance to see: the archive', 'The last chance for the team to qualify'],
    note: 'A "last chance" is only pressure when it is a chance to buy; "last chance to see the archive" is a label.',
  },
  {
    id: 'text/limited-time-message/5',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'de',
    source: String.raw`${B}(?:nur für kurze zeit|nur kurze zeit|für kurze zeit|für begrenzte zeit|nur für begrenzte zeit|nur für eine begrenzte zeit|für eine begrenzte zeit|zeitlich begrenzte?[rs]? (?:angebot|aktion|rabatt|deal)|zeitlich begrenzt!|befristetes angebot|begrenztes angebot|angebot nur heute|nur heute|nur noch heute|nur am wochenende|nur dieses wochenende|nur bis mitternacht|endet bald|endet heute|endet heute nacht|läuft bald ab|bald vorbei|fast vorbei|letzte chance|letzter tag|letzte gelegenheit|angebot nicht verpassen|deal nicht verpassen|nicht verpassen!|schnell sein lohnt sich|schnell sein!|schnell zugreifen|jetzt schnell zugreifen|beeil dich|beeilen sie sich|jetzt oder nie|die zeit läuft|die uhr tickt)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Nur für kurze Zeit', 'Zeitlich begrenztes Angebot', 'Nur heute: 20 % auf alles', 'Letzte Chance!', 'Schnell zugreifen'],
    counterExamples: ['Angebot gültig bis 31. Mai', 'Heute noch bestellen, morgen geliefert', 'Diese Filme sollten Sie nicht verpassen'],
  },
  {
    id: 'text/limited-time-message/6',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'fr',
    source: String.raw`${B}(?:offre limitée|(?:offre|promo|promotion|prix|remise|réduction|vente|soldes?) (?:à durée|pour une durée|à temps|pour un temps) limitée?|pour une durée limitée|pour un temps limité|durée limitée !|temps limité !|offre éphémère|dépêchez-vous|dépêche-toi|depechez-vous|faites vite|fais vite|dernière chance|derniers jours|dernier jour|derniers instants|dernières heures|aujourd'hui seulement|seulement aujourd'hui|uniquement aujourd'hui|ce week-end seulement|ce soir seulement|se termine bientôt|termine bientôt|finit bientôt|expire bientôt|bientôt terminée?|bientôt fini|se termine aujourd'hui|se termine ce soir|fin ce soir|jusqu'à minuit seulement|ne (?:ratez|manquez) pas (?:cette|cet|ces|nos|notre|l')(?: ?offre| ?occasion| promo| bon plan| remise| réduction| vente| promotion)|ne tardez pas|profitez-en vite|maintenant ou jamais|le temps presse)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Offre à durée limitée', 'Dépêchez-vous !', 'Dernière chance', 'Aujourd’hui seulement', 'Ne manquez pas cette offre'],
    counterExamples: ['Garantie de durée limitée', 'Offre valable jusqu’au 31 mai', 'Édition limitée'],
  },
  {
    id: 'text/limited-time-message/7',
    version: V,
    category: 'urgency',
    type: 'limited-time-message',
    lang: 'es',
    source: String.raw`${B}(?:oferta (?:por|de) tiempo limitado|por tiempo limitado|durante tiempo limitado|solo por tiempo limitado|tiempo limitado!|oferta limitada|date prisa|daos prisa|dese prisa|apúrate|apurate|apúrese|no te lo pierdas|no te la pierdas|no te las pierdas|no te los pierdas|no lo dejes escapar|no dejes pasar (?:esta|este)|no te quedes sin (?:el tuyo|la tuya|los tuyos|las tuyas)|última oportunidad|ultima oportunidad|últimos días|ultimos dias|último día|ultimo dia|últimas horas|ultimas horas|solo hoy|sólo hoy|solo por hoy|sólo por hoy|hoy solamente|únicamente hoy|solo este fin de semana|sólo este fin de semana|termina pronto|acaba pronto|finaliza pronto|termina hoy|acaba hoy|finaliza hoy|termina esta noche|acaba esta noche|solo hasta medianoche|sólo hasta medianoche|ahora o nunca|el tiempo se agota|se acaba el tiempo)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Oferta por tiempo limitado', '¡Date prisa!', 'Solo hoy', 'Última oportunidad', 'No te lo pierdas'],
    counterExamples: ['Oferta válida hasta el 31 de mayo', 'Con tiempo limitado para cocinar, prueba estas recetas', 'Edición limitada'],
  },

  // ===========================================================================================
  // Misdirection: confirmshaming (a decline worded as a personal failing)
  {
    id: 'text/confirmshaming/1',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'en',
    source: String.raw`${B}i (?:really )?(?:don't|dont|do not) (?:like|love|want|need|care about|care for|enjoy|believe in|deserve)(?: to)? (?:sav(?:e|ing)|money|discounts?|deals?|bargains?|free (?:stuff|shipping|delivery|gifts?|money|things)|rewards?|perks|(?:exclusive|special|great|good|best|amazing) (?:deals?|offers?|discounts?|savings|prices?|perks|content|stuff)|the (?:discount|deal|best deals|savings)|my (?:discount|reward|gift|free|savings|bonus|coupon|voucher|health|skin|future|family|safety|looks|style|wellbeing|well-being|finances)|a (?:discount|deal|bargain|free|gift|bonus|better|great|treat)|fun|nice things|treats|\d{1,3} ?%|(?:€|£|\$)\d{1,4}|(?:to )?(?:look|feel|stay|get|be) (?:good|great|better|healthy|healthier|happy|happier|fit|fitter|smarter|rich|richer|stylish|cool|beautiful|amazing|informed|updated|up to date|ahead|inspired|in the know|in shape)|(?:to )?(?:learn|improve|grow|succeed|win|know more|stay informed|stay in the loop|be the first to know))`,
    flags: 'u',
    confidence: 0.9,
    examples: ['No thanks, I don’t like saving money', 'I don’t want 15% off', 'No, I don’t want free shipping', 'I do not want to look good', 'No thanks, I don’t need a discount'],
    counterExamples: ['No, I don’t want to receive emails', 'I do not want to create an account', 'No thanks', 'I don’t need an account'],
  },
  {
    id: 'text/confirmshaming/2',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'en',
    source: String.raw`${B}i(?:'d| would|'ll| will) rather (?:pay (?:full|more|the full|regular|retail|extra|for shipping|shipping|the regular)|keep paying|spend more|miss out|not save|not get (?:(?:the|my|a) (?:discount|deal|reward|gift)|\d{1,3} ?%)|stay (?:uninformed|in the dark|ignorant|bored|boring|behind|unprotected|broke|poor|uncool)|be (?:left out|left behind|uninformed|bored|boring)|go without|skip (?:the|my) (?:discount|savings|deal|reward))${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['No, I’d rather pay full price', 'I’d rather miss out', 'No thanks, I would rather stay uninformed'],
    counterExamples: ['I’d rather pay by card', 'I’d rather not', 'I would rather collect in store'],
  },
  {
    id: 'text/confirmshaming/3',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'en',
    source: String.raw`${B}(?:i'm|i am) (?:not interested in|not a fan of|ok with|okay with|fine with|happy (?:to pay|paying)|good with|fine paying|ok paying|okay paying|good paying|not into) (?:sav(?:e|ing)|paying (?:full|more|extra|retail)|missing out|full price|money|discounts?|deals?|bargains?|free|exclusive|rewards?|\d{1,3} ?%|(?:looking|feeling|being) (?:good|great|better)|fashion|style|good (?:food|deals|things)|great (?:deals|offers))`,
    flags: 'u',
    confidence: 0.85,
    examples: ['No thanks, I’m not interested in saving', 'I’m happy to pay full price', 'I’m okay with missing out'],
    counterExamples: ['No thanks, I’m not interested', 'I’m happy with my order', 'I am fine with standard delivery'],
  },
  {
    id: 'text/confirmshaming/4',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'en',
    source: String.raw`${B}i (?:hate|dislike|despise) (?:sav(?:e|ing)|money|discounts?|deals?|bargains?|free|fun|good|great|nice|style|myself|\d{1,3} ?%|rewards?|treats?|gifts?)${E}|${B}i (?:prefer|like|enjoy|love|want) (?:to )?(?:pay|paying) (?:full|more(?! attention)|the full|regular|retail|extra|too much|over the odds|for shipping|for delivery)${E}|${B}i(?:'ll| will) (?:pay|keep paying|stick to paying|stick with paying) (?:full|more|the full|regular|retail|extra|too much)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['No, I hate saving money', 'I love paying full price', 'No thanks, I’ll pay full price', 'No thanks, I like paying for shipping'],
    counterExamples: ['I want to pay in instalments', 'I’d like to pay more attention to ingredients', 'I will pay on delivery'],
  },
  {
    id: 'text/confirmshaming/5',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'en',
    source: String.raw`${B}(?:no(?! more| need)|nope|nah|no thanks|no thank you|no way|skip|not now|not today|i'll pass)${E}[,.!:;-]{0,2} ?[^.!?]{0,25}(?:full price|pay more|paying more|miss out|missing out|stay (?:broke|uninformed|bored|boring|basic|behind|unprotected|ugly|in the dark|ignorant)|be (?:left out|left behind)|(?:i'm|i am) (?:rich|too rich|a millionaire|perfect|already perfect|good at everything)|i (?:know|already know) (?:it all|everything|enough)|i have (?:enough|too much) money|money to burn|without (?:my |a |the |any )?(?:discount|savings|free gift|gift|reward))${E}|${B}i(?:'ll| will) pass on (?:the |my |this |these )?(?:sav(?:e|ing|ings)|discounts?|deals?|free|gifts?|rewards?|\d{1,3} ?%|exclusive)`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Nope, I like missing out', 'No, I’m already perfect', 'No thanks, I know everything', 'No thanks, I have money to burn', 'I’ll pass on savings', 'No thanks, I’ll continue without my discount'],
    counterExamples: ['No more missing out on new arrivals: download the app', 'No need to pay full price', 'Why pay full price?'],
  },
  {
    id: 'text/confirmshaming/6',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'en',
    source: String.raw`${B}i(?:'ll| will) (?:take (?:the|my) (?:risk|chances?)|risk it|risk paying|risk losing|risk (?:my|it all)|pay for (?:repairs|damage) myself|go unprotected|stay unprotected|leave (?:it|my \p{L}{2,15}) unprotected)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['No thanks, I’ll risk it', 'No, I’ll take my chances', 'I’ll pay for repairs myself'],
    counterExamples: ['I will take the bus', 'I’ll pay by card'],
  },
  {
    id: 'text/confirmshaming/7',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'de',
    source: String.raw`${B}ich (?:zahle|bezahle|zahl) (?:lieber|gerne|gern) (?:den )?(?:vollen|ganzen|regulären|normalen|mehr|vollpreis)${E}|${B}ich (?:möchte|will|brauche|mag) (?:keinen|keine|kein) (?:rabatt|rabatte|gutschein|gutscheine|geld sparen|ersparnis|vorteile?|gratis|geschenk|geschenke|bonus|prämie|schnäppchen|exklusiven angebote|\d{1,2} ?%|\d{1,2} ?euro|\d{1,2} ?€)${E}|${B}ich (?:möchte|will) (?:nicht|kein geld) sparen|${B}ich (?:spare|spar) (?:nicht|ungern)(?: gern| gerne)?${E}|${B}ich (?:mag|hasse) (?:kein|keine|keinen|nicht)? ?(?:geld sparen|sparen|rabatte?|schnäppchen|gutscheine?)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Nein danke, ich zahle lieber den vollen Preis', 'Nein, ich möchte keinen Rabatt', 'Nein danke, ich spare nicht gern', 'Ich mag kein Geld sparen'],
    counterExamples: ['Nein, ich möchte keinen Newsletter', 'Nein danke', 'Ich möchte keine Angebote erhalten'],
  },
  {
    id: 'text/confirmshaming/8',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'de',
    source: String.raw`${B}ich verzichte (?:lieber |gerne |gern )?auf (?:meinen |meine |mein |den |die |das |diesen |diese |dieses )?(?:rabatt|gutschein|vorteil|vorteile|ersparnis|geschenk|bonus|prämie|\d{1,2} ?%|\d{1,2} ?€|gratis|willkommensrabatt|neukundenrabatt)|${B}(?:nein|nee)(?:,| danke,?| danke!?)? [^.!?]{0,25}(?:lieber den vollen preis|zahle lieber|verpasse lieber|bleibe lieber (?:uninformiert|ahnungslos|unwissend)|ich bin (?:schon )?reich|ich weiß schon alles|ich habe genug geld)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Ich verzichte auf meinen Rabatt', 'Nein, ich verzichte lieber auf 10 %', 'Nein danke, ich weiß schon alles'],
    counterExamples: ['Ich verzichte auf die Papierrechnung', 'Nein, danke'],
  },
  {
    id: 'text/confirmshaming/9',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'fr',
    source: String.raw`${B}je (?:préfère|prefere|préférerais|préfèrerais) payer (?:le )?(?:plein tarif|prix fort|prix plein|prix normal|plus cher|plus)${E}|${B}je paierai (?:le )?(?:plein tarif|prix fort)${E}|${B}je (?:n'aime pas|ne veux pas|ne souhaite pas|n'ai pas besoin|déteste)(?: d'| de | des | du | les | la | le | )(?:économiser|faire des économies|économies|réductions?|remises?|promos?|promotions?|bons plans|bonnes affaires|cadeaux?|offres exclusives|livraison gratuite|\d{1,2} ?%|mon cadeau|ma réduction|ma remise|gagner de l'argent|argent)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['Non merci, je préfère payer plein tarif', 'Non, je ne veux pas de réduction', 'Non merci, je n’aime pas économiser'],
    counterExamples: ['Non, je ne veux pas recevoir d’offres', 'Je préfère payer en trois fois', 'Non merci'],
  },
  {
    id: 'text/confirmshaming/10',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'fr',
    source: String.raw`${B}je renonce (?:à|a) (?:ma |mon |mes |la |le |l'|cette |ce )?(?:réduction|remise|cadeau|avantage|offre|code|bon|\d{1,2} ?%|économie)|${B}(?:non merci|non),? [^.!?]{0,20}(?:je préfère (?:rater|manquer|passer à côté|rester (?:mal informée?|dans l'ignorance|ignorant))|je suis (?:déjà )?(?:riche|parfaite?)|je sais déjà tout|j'ai assez d'argent|tant pis pour (?:moi|mes économies|la réduction))`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Je renonce à ma réduction', 'Non merci, je préfère rater les bons plans', 'Non, je sais déjà tout'],
    counterExamples: ['Je renonce à la facture papier', 'Non merci, plus tard'],
  },
  {
    id: 'text/confirmshaming/11',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'es',
    source: String.raw`${B}prefiero pagar (?:el )?(?:precio (?:completo|total|normal|íntegro|original|entero|de venta)|más|de más)${E}|${B}pagaré el precio (?:completo|normal|total)${E}|${B}no (?:me gusta|quiero|necesito|me interesa) (?:ahorrar|mi descuento|el descuento|descuentos|un descuento|ofertas exclusivas|regalos?|cosas gratis|envío gratis|ganar dinero|\d{1,2} ?%|mi regalo|mi cupón|el cupón|ventajas)${E}`,
    flags: 'u',
    confidence: 0.9,
    examples: ['No, gracias, prefiero pagar el precio completo', 'No gracias, no quiero ahorrar', 'No me gusta ahorrar dinero'],
    counterExamples: ['No quiero recibir ofertas', 'Prefiero pagar con tarjeta', 'No, gracias'],
  },
  {
    id: 'text/confirmshaming/12',
    version: V,
    category: 'misdirection',
    type: 'confirmshaming',
    lang: 'es',
    source: String.raw`${B}renuncio a (?:mi |mis |el |la |los |las |este |esta )?(?:descuento|regalo|oferta|ventaja|ventajas|cupón|cupon|\d{1,2} ?%|ahorro)|${B}prefiero (?:perdérmelo|perdermelo|perdérmela|perderme|quedarme sin|no ahorrar|seguir pagando|pagar más|seguir sin saber|no enterarme)`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Renuncio a mi descuento', 'No, prefiero perderme las ofertas', 'Prefiero seguir pagando más'],
    counterExamples: ['Renuncio a la factura en papel', 'Prefiero recogerlo en tienda'],
  },

  // ===========================================================================================
  // Misdirection: trick question (double negatives, inverted opt-outs)
  {
    id: 'text/trick-question/1',
    version: V,
    category: 'misdirection',
    type: 'trick-question',
    lang: 'en',
    source: String.raw`${B}(?:uncheck|untick|un-tick|un-check|deselect|unselect|clear) (?:this|the|this check|the check)? ?box (?:if|unless) you (?:do not|don't|would not|wouldn't|no longer|prefer not to|would prefer not to)${E}|${B}(?:(?:check|tick|select|mark) (?:this|the)? ?(?:check)?box|(?:check|tick|select|click) here) (?:if|unless) you (?:do not|don't|would not|wouldn't|prefer not to|would prefer not to|would rather not|object to)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Uncheck this box if you do not wish to not receive offers', 'Tick this box if you do not wish to receive marketing', 'Check the box if you don’t want to hear from our partners'],
    counterExamples: ['Tick this box if you would like to receive updates', 'Check the box to agree to the terms', 'Uncheck to unsubscribe'],
  },
  {
    id: 'text/trick-question/2',
    version: V,
    category: 'misdirection',
    type: 'trick-question',
    lang: 'en',
    source: String.raw`${B}(?:do not|don't|not) (?:wish|want|like|choose|prefer|opt) (?:us |our partners |them )?(?:to )?(?:not|never|opt out)${E}|${B}(?:leave|keep) (?:this|the)? ?(?:check)?box (?:un)?(?:checked|ticked|selected) (?:if|unless) you (?:do not|don't|would not|wouldn't)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['If you do not wish to not receive our offers, leave blank', 'Leave this box ticked if you don’t want to be excluded', 'If you don’t want us not to share your details, untick'],
    counterExamples: ['If you do not wish to receive offers, untick the box', 'Leave the box unchecked to opt out'],
  },

  // ===========================================================================================
  // Misdirection: pressured selling
  {
    id: 'text/pressured-selling/1',
    version: V,
    category: 'misdirection',
    type: 'pressured-selling',
    lang: 'en',
    source: String.raw`${B}are you sure\??[^.!?]{0,40}(?:unprotected|uninsured|without cover)${E}|${B}are you sure\??[^.!?]{0,40}without (?:any )?(?:protection|insurance|cover|coverage|warranty|protecting|upgrading|(?:a|an|the) (?:\p{L}{1,12} )?(?:warranty|protection plan|protection|insurance|upgrade|add-on|cover)|adding (?:protection|insurance|cover|a warranty))${E}|${B}are you sure\? ?(?:add|get|protect|include|upgrade to|choose|keep) (?:protection|insurance|cover|coverage|the warranty|a warranty|an extended warranty|your (?:purchase|device|order|trip|booking|item))${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Are you sure you want to leave your phone unprotected?', 'Are you sure? Add protection', 'Are you sure you want to continue without protection?', 'Are you sure you want to travel without insurance'],
    counterExamples: ['Are you sure? Remove item from basket', 'Are you sure you want to delete this address?'],
  },
  {
    id: 'text/pressured-selling/2',
    version: V,
    category: 'misdirection',
    type: 'pressured-selling',
    lang: 'en',
    source: String.raw`${B}(?:don't|do not) (?:leave|risk|let) [^.!?]{0,30}(?:unprotected|uninsured|without (?:protection|insurance|cover|coverage|a warranty))${E}|${B}(?:most|\d{1,2} out of 10|\d{1,3} ?% of|nearly all|almost all) (?:customers|shoppers|buyers|people|travell?ers|guests|drivers|owners) (?:also )?(?:add|added|choose|chose|pick|picked|buy|bought|purchase|get|select|protect|upgrade|opt for)${E}[^.!?]{0,25}(?:protection|insurance|cover|coverage|warranty|care plan|upgrade|premium|bundle|extended)${E}|${B}you(?:'ll| will| might| may) regret (?:not|it|missing|going|skipping)${E}`,
    flags: 'u',
    confidence: 0.75,
    examples: ['Don’t leave your new TV unprotected', 'Most customers add a 3-year protection plan', '9 out of 10 travellers choose insurance', 'You’ll regret not adding cover'],
    counterExamples: ['Most customers buy their usual size', 'You won’t regret it, five stars'],
  },

  // ===========================================================================================
  // Sneaking: hidden costs
  {
    id: 'text/hidden-costs/1',
    version: V,
    category: 'sneaking',
    type: 'hidden-costs',
    lang: 'en',
    source: String.raw`${B}(?<!(?:no|without|zero|free of) )${FEE_EN} (?:fee|fees|charge|charges|surcharge) (?:is |are )?not included${E}|${B}(?<!(?:no|without|zero|free of) )${FEE_EN} (?:fee|fees|charge|charges|surcharge) (?:will be |is |are |may be |gets |get )?(?:added|applied|charged|calculated|shown|displayed|revealed|included|payable|due) (?:at|during|in|on) (?:checkout|check-out|the checkout|the next step|the final step|the last step|the payment step|payment|the end|the next page|the booking summary|check-in|check in|the property|arrival)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Service fee added at checkout', 'A booking fee will be added at the final step', 'Resort fee payable at the property', 'Booking fee not included in the price shown'],
    counterExamples: ['Shipping calculated at checkout', 'Taxes and shipping calculated at checkout', 'Discount codes can be applied at checkout', 'No booking fee added at checkout'],
    note: 'Shipping and tax computed at checkout depend on the address; only named extra fees count.',
  },
  {
    id: 'text/hidden-costs/2',
    version: V,
    category: 'sneaking',
    type: 'hidden-costs',
    lang: 'en',
    source: String.raw`${B}(?<!(?:no|without|zero) )(?:excl(?:udes?|uding|\.)?|not including|does not include|doesn't include|plus|\+) (?:a |an |the )?(?:(?:€|£|\$)?\d[\d.,]{0,6} ?(?:€|£|\$|eur|usd|gbp)? )?(?:mandatory )?${FEE_EN} (?:fee|fees|charge|charges|surcharge)${E}|${B}(?:the )?(?:price|prices|total|fare|fares|rate|rates|amount)(?: shown| displayed| above| listed)? (?:does not|do not|doesn't|don't) include (?:all |the |mandatory |applicable )?(?:fees|service fees|booking fees|resort fees|taxes and fees|fees and taxes|${FEE_EN} (?:fee|fees|charge|charges))${E}|${B}(?:additional|extra|other|mandatory|further) (?:fees|charges|costs|taxes and fees|fees and charges|surcharges) (?:may |will |might )?(?:apply|be added|be charged|be applied|are added|added|payable) (?:at|during) (?:checkout|check-out|the property|check-in|payment|the final step)${E}`,
    flags: 'u',
    confidence: 0.7,
    examples: ['Plus £2.50 booking fee', 'Price shown does not include resort fees', 'Excl. service fee', 'Additional fees will be added at checkout'],
    counterExamples: ['Price includes all fees', 'Plus free delivery', 'Excl. VAT', 'No booking fees, ever'],
  },

  // ===========================================================================================
  // Sneaking: hidden subscription
  {
    id: 'text/hidden-subscription/1',
    version: V,
    category: 'sneaking',
    type: 'hidden-subscription',
    lang: 'en',
    source: String.raw`${B}(?:free trial|trial period|trial|introductory (?:offer|price|period|rate)|intro (?:offer|price)|first (?:month|box|order|delivery))${E}[^.!?]{0,50}(?<!(?:not|never|won't|doesn't|does not|will not) )(?:automatically|auto-?) ?(?:renews?|converts?|continues?|rolls? over|becomes?|upgrades?|bills?|billed|charged|charges|extends?|switches)${E}`,
    flags: 'u',
    confidence: 0.85,
    examples: ['Your free trial automatically converts to a paid subscription', 'Trial auto-renews at $9.99/month', 'Your first box is £1, then the plan automatically renews'],
    counterExamples: ['Start your 30-day free trial', 'Your trial will not automatically renew', 'Trial ends automatically, no charge'],
  },
  {
    id: 'text/hidden-subscription/2',
    version: V,
    category: 'sneaking',
    type: 'hidden-subscription',
    lang: 'en',
    source: String.raw`${B}(?:you(?:'ll| will)|we(?:'ll| will)|your (?:card|account|payment method) will) (?:then |automatically |only )?(?:be )?(?:automatically )?(?:charged|billed|debited)${E}[^.!?]{0,50}(?:unless you cancel|after (?:the|your) (?:\d{1,3}[- ]day )?(?:free )?trial|when (?:the|your) (?:free )?trial (?:ends|is over|expires)|at the end of (?:the|your) (?:free )?trial|every (?:month|week|year|\d{1,2} (?:weeks|months))|each month|monthly|per month|a month|/month|/mo|/week|per week|annually|per year|/year|until you cancel|until cancelled|until canceled)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['You will be charged £9.99/month after your free trial', 'Your card will be billed $14.99 every month until you cancel', 'Your payment method will be charged €4.99 each month unless you cancel'],
    counterExamples: ['You will be charged when your order ships', 'You won’t be charged until your order ships', 'You will not be charged today'],
  },
  {
    id: 'text/hidden-subscription/3',
    version: V,
    category: 'sneaking',
    type: 'hidden-subscription',
    lang: 'en',
    source: String.raw`${B}cancel (?:before|by|within|prior to)${E}[^.!?]{0,40}(?:to avoid|or you(?:'ll| will) be|otherwise you(?:'ll| will) be) (?:being )?(?:charged|billed)${E}|${B}unless (?:you )?cancel(?:led|ed)?(?: it| your (?:subscription|membership|plan|trial)| the (?:subscription|membership|plan|trial))? (?:before|at least|by|within|prior to|in time|during)${E}|${B}(?:subscription|membership|plan|contract|service|box|delivery plan)s? (?:will )?(?:automatically|auto-?) ?(?:renews?|continues?|rolls? over|extends?|converts?)${E}|${B}(?:subscription|membership|plan|contract)s? (?:will )?(?:renews?|continues?|rolls? over|extends?) automatically${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Cancel before the trial ends to avoid being charged', 'Renews unless cancelled at least 24 hours before the end of the period', 'Your membership renews automatically each year', 'Subscription auto-renews'],
    counterExamples: ['Orders can be cancelled before dispatch', 'Your membership will not renew automatically', 'Subscriptions do not auto-renew'],
  },
  {
    id: 'text/hidden-subscription/4',
    version: V,
    category: 'sneaking',
    type: 'hidden-subscription',
    lang: 'en',
    source: String.raw`${B}(?:free|\d{1,3}[- ]day(?: free)?|\d{1,2}[- ]month(?: free)?|first month(?: free)?) trial${E}[^.!?]{0,30}then (?:€|£|\$)?\d[\d.,]{0,6} ?(?:€|£|\$|eur|usd|gbp)? ?(?:/|per |a |each )(?:month|mo|week|wk|year|yr)${E}|${B}free for \d{1,3} (?:days|weeks|months?)${E}[^.!?]{0,20}then (?:€|£|\$)?\d[\d.,]{0,6} ?(?:€|£|\$|eur|usd|gbp)? ?(?:/|per |a |each )(?:month|mo|week|wk|year|yr)${E}|${B}(?:by (?:adding|purchasing|ordering|buying|checking out|continuing|placing|completing|redeeming|claiming|accepting)|with (?:this|your) (?:order|purchase))${E}[^.!?]{0,40}(?:you(?:'ll| will)? (?:also )?(?:be )?(?:join|joining|enrolled|enroll|enrolling|start|starting|become|becoming) (?:a |an |our |the )?(?:\p{L}{1,15} )?(?:membership|member|subscription|club|programme|program|trial)|(?:a|an) (?:\p{L}{1,15} )?(?:membership|subscription|trial) (?:will be|is) (?:started|activated|added))${E}`,
    flags: 'u',
    confidence: 0.65,
    examples: ['30-day free trial, then $14.99/month', 'Free for 30 days, then €9.99 per month', 'By placing your order you’ll also join our VIP Club membership'],
    counterExamples: ['Free trial, no card needed', 'By placing your order you agree to our terms'],
    note: 'A price after a trial is disclosed, but the one-off purchase becoming a repeating charge is the pattern; lower confidence than wording that hides it.',
  },

  // ===========================================================================================
  // Sneaking: sneak into basket
  {
    id: 'text/sneak-into-basket/1',
    version: V,
    category: 'sneaking',
    type: 'sneak-into-basket',
    lang: 'en',
    source: String.raw`${B}(?:(?:has|have) been|we(?:'ve| have)?|was|were) (?:automatically|also|kindly|conveniently) (?:added|included|selected|pre-?selected)${E}[^.!?]{0,40}(?:to|in|for|with) (?:your|this) (?:basket|cart|bag|order|booking|trolley|purchase|reservation|trip)${E}|${B}(?<!(?:gift|sample) )(?:automatically|auto-?|pre-?|by default) ?(?:added|included|selected) (?:to|in|into) (?:your|the|this) (?:basket|cart|bag|order|booking|trolley|reservation)${E}|${B}(?:added|included) (?:to|in) your (?:basket|cart|bag|order|booking|trolley|reservation) (?:automatically|by default|for your convenience|for your protection|to protect your (?:purchase|order|trip))${E}`,
    flags: 'u',
    confidence: 0.7,
    examples: ['Travel insurance has been automatically added to your booking', 'We’ve also added a magazine subscription to your basket', 'Shipping protection added to your cart for your protection'],
    counterExamples: ['Item added to your basket', 'We’ve added your item to your cart', 'Free gift automatically added to your basket', 'Promo code automatically applied at checkout'],
  },

  // ===========================================================================================
  // Forced action: forced enrollment
  {
    id: 'text/forced-enrollment/1',
    version: V,
    category: 'forced-action',
    type: 'forced-enrollment',
    lang: 'en',
    source: String.raw`${B}(?:you must|you need to|you'll need to|you will need to|you have to|please|required to) (?:first )?(?:create|register|open|sign up for|make|set up) (?:an |a free |a |your )?(?:account|profile|membership)(?: first)? (?:to|before|in order to) (?:continue|checkout|check out|proceed|buy|purchase|order|complete|view|see|access|download|use|read|place|add|save|get|placing|ordering|checking out|continuing|purchasing|buying|proceeding)${E}|^(?:sign up|register|join(?: now)?|join for free) to (?:continue|keep (?:reading|watching|browsing|shopping)|checkout|check out|proceed|read more|see more|view more)${E}|^(?:create|register|open) (?:an |a free |your )?account to (?:continue|checkout|check out|proceed|complete your (?:order|purchase)|place (?:an|your) order|view prices|access)${E}|${B}(?<!(?:no|without|not) )(?:an )?(?:account|registration|sign-?up|membership|login|log-?in) (?:is )?(?:required|mandatory|needed|necessary) (?:to|for|before|in order to) (?:checkout|check out|continue|proceed|purchase|buy|order|ordering|complete|view|access|download|purchasing|checking out|using|reading|placing)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['You need to create an account to checkout', 'Account required for checkout', 'Create an account to continue', 'You must create an account before placing an order', 'Sign up to continue', 'Please register an account to continue', 'Registration is required to view prices'],
    counterExamples: ['Create an account to track your orders', 'No account required to checkout', 'An account is not required'],
  },
  {
    id: 'text/forced-enrollment/2',
    version: V,
    category: 'forced-action',
    type: 'forced-enrollment',
    lang: 'en',
    source: String.raw`${B}(?:guest checkout (?:is )?(?:not available|unavailable|disabled|not possible|not supported)|no guest checkout|(?:cannot|can't|can not) (?:check ?out|order|purchase|buy) (?:as a guest|without (?:an account|registering|signing up|logging in)))${E}`,
    flags: 'u',
    confidence: 0.75,
    examples: ['Guest checkout is not available', 'You can’t check out as a guest', 'Sorry, you cannot order without an account'],
    counterExamples: ['Checkout as guest', 'Guest checkout available'],
  },
  {
    id: 'text/forced-enrollment/3',
    version: V,
    category: 'forced-action',
    type: 'forced-enrollment',
    lang: 'en',
    source: String.raw`${B}by (?:placing|completing|creating|continuing|registering|using|checking out|ordering|purchasing|proceeding|making|clicking (?:"|')?(?:place order|buy|pay|continue|checkout|book|complete|confirm)|submitting (?:your|this) order|booking)${E}[^.!?]{0,50}(?:you (?:agree|consent|accept)|you're agreeing|you are agreeing|you(?:'ll| will) (?:also |automatically )?(?:be|receive|get)|you (?:also |automatically )?(?:opt in|subscribe|join))${E}[^.!?]{0,30}(?:receive|receiving|be subscribed|subscribed|subscribe|signed up|sign up|added to|marketing|promotional|newsletters?|special offers|offers by|sms|text messages|calls from|be contacted|being contacted|share your|sharing your|our partners)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['By placing your order you agree to receive marketing emails', 'By creating an account, you consent to receiving promotional texts', 'By continuing you’ll also be subscribed to our newsletter'],
    counterExamples: ['By placing your order you agree to our Terms and Conditions', 'By signing up you agree to receive our newsletter', 'By clicking Subscribe, you agree to receive emails'],
    note: 'A newsletter form that says it sends newsletters is honest; marketing bundled into an order or account is the pattern.',
  },
  {
    id: 'text/forced-enrollment/4',
    version: V,
    category: 'forced-action',
    type: 'forced-enrollment',
    lang: 'en',
    source: String.raw`${B}you (?:must|have to|need to) (?:agree|consent|accept|allow|enable|turn on|opt in|sign up)${E}[^.!?]{0,35}(?:marketing|promotional|newsletters?|notifications|tracking|cookies|location|contacts|personali[sz]ed ads|advertising|offers)${E}[^.!?]{0,25}(?:to|before|in order to) (?:continue|check ?out|proceed|use|access|view|download|read|order|buy|place|complete|enter|play)${E}|${B}(?:download|install|get|use) (?:the|our) (?:\p{L}{1,12} )?app to (?:continue|keep (?:reading|watching|browsing|shopping)|view|see (?:the|this|more|full)|read|access|order|buy|check out|checkout|unlock (?:this|the|more))${E}|${B}(?:sign in|log in|login|register|sign up|create an account|join) (?:to|for) (?:see|view|unlock|reveal|get|access) (?:the |our |member |your )?(?:price|prices|pricing|full price|member price|discount|deal|full article|rest of (?:the|this) (?:article|page|story|recipe))${E}`,
    flags: 'u',
    confidence: 0.65,
    examples: ['You must accept marketing emails to continue', 'Download our app to continue reading', 'Log in to see prices'],
    counterExamples: ['Download our app for exclusive deals', 'Sign in for the best experience', 'Log in to see your orders'],
  },

  // ===========================================================================================
  // Obstruction: hard to cancel
  {
    id: 'text/hard-to-cancel/1',
    version: V,
    category: 'obstruction',
    type: 'hard-to-cancel',
    lang: 'en',
    source: String.raw`${B}to cancel(?: your| the| a| an)?(?: \p{L}{1,15})? (?:subscription|membership|plan|contract|account|service|auto-?renewal|trial)${E}[^.!?]{0,40}(?:call|phone|telephone|ring|in writing|by post|by mail|by letter|send (?:us )?a (?:letter|written)|in person|visit (?:a|one of our|your (?:nearest|local|home)) (?:store|branch|club|gym|location)|written notice|certified mail|registered (?:mail|post)|fax)${E}|${B}(?:cancellations?|cancelling|canceling|you can cancel|you may cancel)(?: is| are| can| must| may)?(?: only)? (?:be )?(?:made |done |submitted |requested |processed |possible |accepted )?(?:only )?(?:by (?:phone|telephone|calling|post|mail|letter|fax|registered (?:mail|post)|certified mail)|in writing|in person|in store|in-store|over the phone)${E}|${B}(?:cannot|can't|can not) be cancel(?:l?ed) online${E}|^to cancel,? (?:please )?(?:call|phone|ring|telephone|write to)${E}`,
    flags: 'u',
    confidence: 0.65,
    examples: ['To cancel, call our customer service team', 'To cancel your subscription, please call 0800 123 456', 'Cancellations must be made in writing', 'Cancellation is only possible by phone', 'Memberships cannot be cancelled online', 'To cancel your gym membership, visit your home club'],
    counterExamples: ['To cancel your subscription, go to Account > Subscriptions', 'You can cancel online at any time', 'To cancel your order, contact us'],
  },

  // ===========================================================================================
  // Attention: autoplay next
  {
    id: 'text/autoplay-next/1',
    version: V,
    category: 'attention',
    type: 'autoplay-next',
    lang: 'en',
    source: String.raw`${B}(?:up next|next episode|next video|playing next|next up|autoplay(?: is)? on)${E}[^.!?]{0,30}(?:in|starts in|starting in|plays in|begins in|playing in) \d{1,2}(?: ?(?:s|sec|secs|seconds)${E}|$)|${B}(?:next episode|next video) (?:starts|starting|plays|playing|begins) (?:automatically|in)${E}`,
    flags: 'u',
    confidence: 0.8,
    examples: ['Next episode starts in 5 seconds', 'Up next in 8', 'Next video plays automatically'],
    counterExamples: ['Next episode', 'Up next: Season 2'],
  },  ...WIDER,
];

/** `text/<type>/<n>@<version>`, as written to the log. */
export function ruleIdOf(rule: Pick<TextRule, 'id' | 'version'>): string {
  return `${rule.id}@${rule.version}`;
}
