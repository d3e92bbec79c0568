/**
 * Numbers the structural detectors read in the content script itself (no words to look up): a
 * price with its currency and period (pressured selling compares tiers), and a flow's steps
 * ("Step 1 of 4", obstruction). Linear-time (tests/unit/dark-patterns/redos.test.ts).
 */

/** Steps of a flow: `Step 1 of 4`. */
export const STEPS = /\b(?:step|schritt|[ée]tape|paso|passo|stap|passo) (\d{1,2}) (?:of|von|sur|de|di|van) (\d{1,2})\b/i;

/** A price with its currency: `$11.99`, `11,99 €`, `£45`, `CHF 20`. */
export const PRICE = /(?:[$£€¥]|\b(?:USD|EUR|GBP|CHF|R\$)) ?(\d{1,6}(?:[.,]\d{3}){0,3}(?:[.,]\d{1,2})?)|(\d{1,6}(?:[.,]\d{3}){0,3}(?:[.,]\d{1,2})?) ?(?:[€£$]|\b(?:EUR|USD|GBP|CHF|kr)\b)/;
/** The period a price is for, so that "$100 a year" and "$10 a month" compare per month. */
export const PERIOD = /\/ ?(mo|month|monat|mois|mes|mese|maand|m[eê]s|yr|year|jahr|an|a[ñn]o|anno|jaar|ano|wk|week|woche)\b|\bper (month|year|week)\b|\ba (month|year|week)\b|\bpro (monat|jahr|woche)\b|\bpar (mois|an)\b|\bal (mes|a[ñn]o)\b|\bmonthly\b|\byearly\b|\bannually\b|monatlich|j[äa]hrlich|mensuel|annuel/i;

/** The amount of the first price in `text`, per month when a period is given; null without a price. */
export function priceOf(text: string): number | null {
  const t = text.length > 300 ? text.slice(0, 300) : text;
  const m = PRICE.exec(t);
  if (!m) return null;
  const raw = (m[1] ?? m[2])!;
  // `1.299,00` and `1,299.00`: the last separator followed by 1–2 digits is the decimal one.
  const decimal = /[.,](\d{1,2})$/.exec(raw);
  const whole = (decimal ? raw.slice(0, -decimal[0].length) : raw).replace(/[.,]/g, '');
  let value = Number(whole) + (decimal ? Number(`0.${decimal[1]}`) : 0);
  if (!Number.isFinite(value)) return null;
  const period = PERIOD.exec(t);
  if (period) {
    const word = (period[1] ?? period[2] ?? period[3] ?? period[4] ?? period[5] ?? period[6] ?? period[0]).toLowerCase();
    if (/^(?:yr|year|jahr|an|a[ñn]o|anno|jaar|ano|yearly|annually|j[äa]hrlich|annuel)$/.test(word)) value /= 12;
    else if (/^(?:wk|week|woche)$/.test(word)) value *= 4.33;
  }
  return value;
}
