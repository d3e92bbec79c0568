import { describe, expect, test } from 'vitest';
import {
  classifyTexts,
  MAX_TEXT_LENGTH,
  classifyText,
  isQuoted,
  matchText,
  normalizeText,
  ruleLangsFor,
} from '../../../lib/dark-patterns/classify-text';
import { TAXONOMY, type PatternType } from '../../../lib/dark-patterns/taxonomy';

describe('normalizeText', () => {
  test.each([
    ['collapses whitespace and trims', '  Only\n\t3   left ', 'only 3 left'],
    ['strips zero-width and soft hyphens', 'On\u200bly 3 l\u00adeft\ufeff', 'only 3 left'],
    ['applies NFKC: full-width digits, no-break spaces, ligatures', 'Only\u00a0３ left — ﬁnal', 'only 3 left - final'],
    ['straightens apostrophes and quotes', 'I don’t want “deals”', 'i don\'t want "deals"'],
    ['unifies decimal points', 'Then £9.99/month', 'then £9,99/month'],
    ['lower-cases', 'HURRY!', 'hurry!'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('cuts to MAX_TEXT_LENGTH (500, what a page may send) characters', () => {
    expect(normalizeText('a '.repeat(50_000)).length).toBe(MAX_TEXT_LENGTH);
  });
});

const detects: Array<[string, PatternType, string?]> = [
  // Scarcity
  ['Only 3 left in stock - order soon.', 'low-stock-message'],
  ['Only 2 left in stock.', 'low-stock-message'],
  ['Hurry! Only 1 left', 'low-stock-message'],
  ['Low stock', 'low-stock-message'],
  ['Nur noch 2 Stück auf Lager', 'low-stock-message', 'de'],
  ['Plus que 3 en stock', 'low-stock-message', 'fr'],
  ['¡Solo quedan 2 unidades!', 'low-stock-message', 'es'],
  ['Selling fast!', 'high-demand-message'],
  ['In high demand', 'high-demand-message'],
  ['Sehr gefragt', 'high-demand-message', 'de'],
  // Social proof
  ['Anna from Berlin just bought this', 'activity-notification'],
  ['23 people are looking at this right now', 'activity-notification'],
  ['1,203 sold in the last 24 hours', 'activity-notification'],
  ['12 personnes regardent cet article', 'activity-notification', 'fr'],
  ['23 personas están viendo este producto', 'activity-notification', 'es'],
  // Urgency
  ['Offer ends in 02:13:45', 'countdown-timer'],
  ['Hurry, sale ends in 3 hours', 'countdown-timer'],
  ['Limited time offer', 'limited-time-message'],
  ['Sale ends tonight', 'limited-time-message'],
  ['Hurry! Sale ends soon', 'limited-time-message'],
  ['Nur für kurze Zeit', 'limited-time-message', 'de'],
  // Misdirection
  ['No thanks, I don’t like saving money', 'confirmshaming'],
  ['No, I’d rather pay full price', 'confirmshaming'],
  ['Nein danke, ich zahle lieber den vollen Preis', 'confirmshaming', 'de'],
  ['Non merci, je préfère payer plein tarif', 'confirmshaming', 'fr'],
  ['No gracias, prefiero pagar el precio completo', 'confirmshaming', 'es'],
  ['Are you sure? Add protection', 'pressured-selling'],
  ['Uncheck this box if you do not wish to not receive offers', 'trick-question'],
  // Sneaking, forced action, obstruction
  ['Service fee added at checkout', 'hidden-costs'],
  ['Your free trial automatically converts to a paid plan', 'hidden-subscription'],
  ['You will be charged $9.99/month after your free trial ends', 'hidden-subscription'],
  ['Travel insurance has been automatically added to your booking', 'sneak-into-basket'],
  ['You must create an account to continue', 'forced-enrollment'],
  ['To cancel your membership, please call us', 'hard-to-cancel'],
  // Attention
  ['Next episode starts in 5 seconds', 'autoplay-next'],
];

describe('detects', () => {
  test.each(detects)('%s -> %s', (text, type, lang) => {
    const result = classifyText(text, lang ? { lang } : {});
    expect(result?.type).toBe(type);
    expect(result?.category).toBe(TAXONOMY[type].category);
    expect(result?.explanationId).toBe(TAXONOMY[type].explanationId);
    expect(result?.ruleId).toMatch(new RegExp(`^text/${type}/\\d+@\\d+$`));
    expect(result?.confidence).toBeGreaterThan(0);
    expect(result?.confidence).toBeLessThanOrEqual(1);
  });
});

const ignores: Array<[string, string]> = [
  // Delivery estimates and cut-offs: logistics, not pressure (see classify-text.ts).
  ['delivery estimate', 'Arrives in 2 days'],
  ['delivery date', 'Get it by Thursday, 14 March'],
  ['delivery cut-off', 'Order within 3 hrs for next-day delivery'],
  ['delivery cut-off with minutes', 'Want it tomorrow? Order within 2 hrs 15 mins'],
  ['same-day dispatch', 'Order in the next 4 hours for same-day dispatch'],
  // A plain end date is information.
  ['end date (weekday)', 'Sale ends Sunday'],
  ['end date (calendar)', 'Offer ends 31 March'],
  ['validity', 'Offer valid until 31 May 2024'],
  // Text about the patterns.
  ['news quoting a limited time offer', 'Regulators say the retailer’s “limited time offer” ran for 11 months.'],
  ['news sentence', 'Shoppers were lured by a limited time offer, the report found.'],
  ['blog on dark patterns', 'Dark patterns like fake countdown timers and “only 2 left” messages pressure shoppers.'],
  ['quoted decline wording', 'Wording such as "No thanks, I don’t like saving money" shames people.'],
  ['a study', 'A new study found that scarcity messages increase sales.'],
  // Honest stock.
  ['in stock', 'In stock'],
  ['out of stock', 'Out of stock'],
  ['only in stores', 'Only available in stores'],
  ['purchase limit', 'Only 2 per customer'],
  ['colour range', 'Only available in black'],
  ['stock count', '12 in stock'],
  // Prices, reviews, navigation.
  ['price', 'Was £49.99, now £29.99'],
  ['only a price', 'Only $9.99'],
  ['discount', 'Save 40%'],
  ['stars', '4.5 out of 5 stars (1,234 reviews)'],
  ['helpful votes', '12 people found this helpful'],
  ['review mentioning stock', 'When I ordered there were only 2 left, but it arrived fine.'],
  ['review with a purchase time', 'I bought this 2 hours ago and it already broke'],
  ['navigation', 'Sale'],
  ['navigation 2', 'Best sellers'],
  ['button', 'Add to basket'],
  // Other look-alikes.
  ['lifetime sales', 'Over 10,000 sold'],
  ['operational notice', 'Due to high demand, deliveries may take longer.'],
  ['express delivery', 'In a hurry? Choose express delivery at checkout.'],
  ['newsletter decline', 'No thanks, I’m not interested'],
  ['newsletter decline 2', 'No, I don’t want to receive emails'],
  ['standard checkout line', 'Taxes and shipping calculated at checkout'],
  ['optional account', 'Create an account to track your orders'],
  ['online cancel', 'You can cancel online at any time'],
  ['session timeout', 'Your session will expire in 5 minutes'],
  ['while supplies last', 'Offer valid while stocks last.'],
  ['video runtime', 'Runtime 1:42:10'],
  ['empty', ''],
  ['symbols', '★★★★☆'],
];

describe('ignores', () => {
  test.each(ignores)('%s: %s', (_name, text) => {
    expect(classifyText(text)).toBeNull();
  });
});

describe('languages', () => {
  test('unknown language: every rule language', () => {
    expect([...ruleLangsFor()].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    expect([...ruleLangsFor('')].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    expect(classifyText('Nur noch 2 Stück auf Lager')?.type).toBe('low-stock-message');
  });

  test('a supported page language: its rules plus English', () => {
    expect([...ruleLangsFor('de-AT')].sort()).toEqual(['de', 'en']);
    expect(classifyText('Nur noch 2 Stück auf Lager', { lang: 'de' })?.type).toBe('low-stock-message');
    expect(classifyText('Only 2 left', { lang: 'de' })?.type).toBe('low-stock-message');
    expect(classifyText('Nur noch 2 Stück auf Lager', { lang: 'fr' })).toBeNull();
  });

  test('a page language without rules: English only', () => {
    expect([...ruleLangsFor('pl')]).toEqual(['en']);
    expect(classifyText('Only 2 left', { lang: 'pl' })?.type).toBe('low-stock-message');
    expect(classifyText('Quedan 3 unidades', { lang: 'pl' })).toBeNull();
  });

  test('Italian, Dutch and Portuguese have rules of their own (issue #11 item 3)', () => {
    expect([...ruleLangsFor('it-IT')].sort()).toEqual(['en', 'it']);
    expect(classifyText('Solo 2 pezzi disponibili', { lang: 'it' })?.type).toBe('low-stock-message');
    expect(classifyText('Nog maar 3 op voorraad', { lang: 'nl' })?.type).toBe('low-stock-message');
    expect(classifyText('Restam apenas 3 unidades', { lang: 'pt-BR' })?.type).toBe('low-stock-message');
    expect(classifyText('Quedan 3 unidades', { lang: 'it' })).toBeNull();
  });
});

describe('selection and limits', () => {
  test('the highest-confidence rule wins', () => {
    // "hurry" alone is a limited-time message (0.75); the stock count is stronger (0.9).
    const result = classifyText('Hurry, only 2 left!');
    expect(result?.type).toBe('low-stock-message');
    expect(result?.confidence).toBe(0.9);
  });

  test('matchText reports the span it matched', () => {
    const m = matchText('Great jacket. Only 3 left in stock!');
    expect(m?.match).toBe('only 3 left');
    expect(m?.index).toBe('great jacket. '.length);
  });

  test('looks at the first 500 characters only', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(100);
    expect(classifyText(`Only 2 left! ${filler}`)?.type).toBe('low-stock-message');
    expect(classifyText(`${filler} Only 2 left!`)).toBeNull();
  });

  test('zero-width characters cannot hide a pattern', () => {
    expect(classifyText('On\u200bly 2 le\u200dft')?.type).toBe('low-stock-message');
  });

  test('isQuoted: inside an open quotation only', () => {
    const s = 'the "limited time offer" banner';
    expect(isQuoted(s, s.indexOf('limited'), s.indexOf('" banner'))).toBe(true);
    const t = '"sale" - limited time offer';
    expect(isQuoted(t, t.indexOf('limited'), t.length)).toBe(false);
  });

  test('never throws on odd input', () => {
    for (const input of ['\u0000', '\ud800', '((((', '\\', '$&', 'ﷺ'.repeat(3000)]) expect(() => classifyText(input)).not.toThrow();
  });
});

describe('classifyTexts (a batch, rule by rule)', () => {
  test('gives every string the answer classifyText gives it alone', async () => {
    const { POSITIVE } = await import('../../fixtures/text-corpus/positive');
    const { NEGATIVE } = await import('../../fixtures/text-corpus/negative');
    const texts = [...POSITIVE, ...NEGATIVE].map((s) => s.text).concat(['', 'ok', 'the "only 2 left" banner', 'A study found: only 2 left']);
    for (const lang of [undefined, 'de', 'it', 'pl']) {
      expect(classifyTexts(texts, { lang })).toEqual(texts.map((t) => classifyText(t, { lang })));
    }
  });

  test('textFactsBatch gives every string the facts textFacts gives it alone', async () => {
    const { textFacts, textFactsBatch } = await import('../../../lib/dark-patterns/text-facts');
    const texts = ['Only 2 left!', 'No thanks, I hate saving money', 'Accept all', 'Researchers found fake timers', 'Nur noch 3 Stück', 'x'.repeat(900)];
    for (const lang of [null, 'de']) expect(textFactsBatch(texts, lang)).toEqual(texts.map((t) => textFacts(t, lang)));
  });
});
