/**
 * The consent wording's terms and how much each says (support/consent-text.ts holds the patterns,
 * run in the background): a dialog needs one strong term, or two different weak ones
 * ("Datenschutz" alone is in every German footer and login form).
 */
export const CONSENT_TERM_STRENGTH = {
  cookies: 'strong',
  consent: 'strong',
  partners: 'strong',
  trackers: 'strong',
  privacy: 'weak',
  'personal-data': 'weak',
} as const;

export type ConsentTermId = keyof typeof CONSENT_TERM_STRENGTH;

/** Whether terms found in a text make it a consent dialog's: one strong term, or two weak ones. */
export function consentFromTerms(terms: readonly ConsentTermId[]): boolean {
  return terms.some((t) => CONSENT_TERM_STRENGTH[t] === 'strong') || terms.length >= 2;
}
