/**
 * Wording that makes a dialog a cookie or consent dialog, en/de/fr/es, as typed data: each entry
 * with what it must match and what it must not. A dialog needs one strong term, or two weak ones
 * ("Datenschutz" alone is in every German footer and login form).
 */
export interface ConsentTerm {
  id: string;
  strength: 'strong' | 'weak';
  pattern: RegExp;
  examples: string[];
  counterExamples: string[];
}

export const CONSENT_TERMS: readonly ConsentTerm[] = [
  {
    id: 'cookies',
    strength: 'strong',
    pattern: /\bcookies?\b|\bcookie-/i,
    examples: ['We use cookies to improve your experience', 'Diese Website verwendet Cookies', 'Nous utilisons des cookies'],
    counterExamples: ['Sign in to continue', 'Cookware on sale'],
  },
  {
    id: 'consent',
    strength: 'strong',
    pattern: /\bconsent\b|einwillig|zustimmung|consentement|consentimiento|\bconsentir/i,
    examples: ['Manage consent', 'Ihre Einwilligung', 'Gérer le consentement', 'Su consentimiento'],
    counterExamples: ['Subscribe to our newsletter'],
  },
  {
    id: 'partners',
    strength: 'strong',
    pattern: /we and our (?:\d{1,5} )?(?:partners|vendors)|wir und unsere (?:\d{1,5} )?partner|nous et nos (?:\d{1,5} )?partenaires|nosotros y nuestros (?:\d{1,5} )?(?:socios|proveedores)/i,
    examples: ['We and our 842 partners store and access information', 'Wir und unsere Partner verarbeiten Daten', 'Nous et nos partenaires', 'Nosotros y nuestros socios'],
    counterExamples: ['Our partners include local shops'],
  },
  {
    id: 'trackers',
    strength: 'strong',
    pattern: /\btraceurs\b|tracking technolog|similar technologies|ähnliche technologien|tecnologías similares|store and\/or access information on a device/i,
    examples: ['Ce site utilise des traceurs', 'cookies and similar technologies', 'Store and/or access information on a device'],
    counterExamples: ['Track your order'],
  },
  {
    id: 'privacy',
    strength: 'weak',
    pattern: /\bprivacy\b|datenschutz|confidentialit|privacidad|\bgdpr\b|\bdsgvo\b|\brgpd\b/i,
    examples: ['Privacy settings', 'Datenschutzeinstellungen', 'Politique de confidentialité', 'Política de privacidad'],
    counterExamples: ['Terms of service'],
  },
  {
    id: 'personal-data',
    strength: 'weak',
    pattern: /personal (?:data|information)|personenbezogen|personalisierte|données personnelles|personnalis|datos personales|personaliza|personali[sz]ed (?:ads|advertising|content)|\banalytics\b/i,
    examples: ['We process personal data', 'personalisierte Anzeigen', 'publicités personnalisées', 'anuncios personalizados'],
    counterExamples: ['Your order has shipped'],
  },
];

/** Whether text reads as a consent dialog's: one strong term, or two different weak ones. */
export function consentScore(text: string): { consent: boolean; terms: string[] } {
  const terms = CONSENT_TERMS.filter((term) => term.pattern.test(text));
  const strong = terms.some((term) => term.strength === 'strong');
  return { consent: strong || terms.length >= 2, terms: terms.map((term) => term.id) };
}
