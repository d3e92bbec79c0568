/**
 * Wording that makes a dialog a cookie or consent dialog, en/de/fr/es, as typed data: each entry
 * with what it must match and what it must not. A dialog needs one strong term, or two weak ones
 * ("Datenschutz" alone is in every German footer and login form).
 */
import { consentFromTerms, type ConsentTermId } from './consent-term-ids';

export interface ConsentTerm {
  /** Its strength is CONSENT_TERM_STRENGTH[id] (support/consent-term-ids.ts, what the content script keeps). */
  id: ConsentTermId;
  pattern: RegExp;
  examples: string[];
  counterExamples: string[];
}

export const CONSENT_TERMS: readonly ConsentTerm[] = [
  {
    id: 'cookies',
    pattern: /\bcookies?\b|\bcookie-/i,
    examples: ['We use cookies to improve your experience', 'Diese Website verwendet Cookies', 'Nous utilisons des cookies'],
    counterExamples: ['Sign in to continue', 'Cookware on sale'],
  },
  {
    id: 'consent',
    pattern: /\bconsent\b|einwillig|zustimmung|consentement|consentimiento|\bconsentir/i,
    examples: ['Manage consent', 'Ihre Einwilligung', 'Gérer le consentement', 'Su consentimiento'],
    counterExamples: ['Subscribe to our newsletter'],
  },
  {
    id: 'partners',
    pattern: /we and our (?:\d{1,5} )?(?:partners|vendors)|wir und unsere (?:\d{1,5} )?partner|nous et nos (?:\d{1,5} )?partenaires|nosotros y nuestros (?:\d{1,5} )?(?:socios|proveedores)/i,
    examples: ['We and our 842 partners store and access information', 'Wir und unsere Partner verarbeiten Daten', 'Nous et nos partenaires', 'Nosotros y nuestros socios'],
    counterExamples: ['Our partners include local shops'],
  },
  {
    id: 'trackers',
    pattern: /\btraceurs\b|tracking technolog|similar technologies|ähnliche technologien|tecnologías similares|store and\/or access information on a device/i,
    examples: ['Ce site utilise des traceurs', 'cookies and similar technologies', 'Store and/or access information on a device'],
    counterExamples: ['Track your order'],
  },
  {
    id: 'privacy',
    pattern: /\bprivacy\b|datenschutz|confidentialit|privacidad|\bgdpr\b|\bdsgvo\b|\brgpd\b/i,
    examples: ['Privacy settings', 'Datenschutzeinstellungen', 'Politique de confidentialité', 'Política de privacidad'],
    counterExamples: ['Terms of service'],
  },
  {
    id: 'personal-data',
    pattern: /personal (?:data|information)|personenbezogen|personalisierte|données personnelles|personnalis|datos personales|personaliza|personali[sz]ed (?:ads|advertising|content)|\banalytics\b/i,
    examples: ['We process personal data', 'personalisierte Anzeigen', 'publicités personnalisées', 'anuncios personalizados'],
    counterExamples: ['Your order has shipped'],
  },
];

/** Whether text reads as a consent dialog's: one strong term, or two different weak ones. */
export function consentScore(text: string): { consent: boolean; terms: ConsentTermId[] } {
  const terms = CONSENT_TERMS.filter((term) => term.pattern.test(text)).map((term) => term.id);
  return { consent: consentFromTerms(terms), terms };
}
