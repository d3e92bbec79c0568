/**
 * Label wording of checkboxes that opt the person into something: marketing, data sharing, paid
 * add-ons, insurance, donations. en/de/fr/es. Typed data: every rule lists labels it must match
 * (`examples`) and labels it must not (`counterExamples`); the unit test runs them all.
 */

export type OptInPurpose = 'marketing' | 'data-sharing' | 'add-on' | 'insurance' | 'donation';

export interface OptInRule {
  id: string;
  purpose: OptInPurpose;
  pattern: RegExp;
  examples: string[];
  counterExamples: string[];
}

export const OPT_IN_RULES: readonly OptInRule[] = [
  {
    id: 'marketing-en',
    purpose: 'marketing',
    pattern:
      /newsletter|\b(?:marketing|promotional|advertising) (?:e-?mails?|messages|communications?|material|texts?|sms)|\b(?:special |exclusive |latest )?(?:offers|deals|promotions)\b|\b(?:e-?mail|text|sms|send|notify) me\b|\bkeep me (?:informed|updated|posted|in the loop)\b|\bsubscribe\b|\bnews and updates\b|\bmailing list\b/i,
    examples: [
      'Send me special offers and news by email',
      'Yes, subscribe me to the newsletter',
      'Keep me updated about products and promotions',
      'I would like to receive marketing emails',
      'Email me exclusive deals',
    ],
    counterExamples: ['Remember me', 'Keep me signed in', 'Same as billing address', 'I agree to the Terms of Service'],
  },
  {
    id: 'marketing-de',
    purpose: 'marketing',
    pattern: /newsletter|werbung|werbliche|\bangebote\b|aktionen|gutscheine|rabatte|neuigkeiten|per e-?mail informier|informiert (?:werden|bleiben)/i,
    examples: ['Ja, ich möchte den Newsletter erhalten', 'Angebote und Neuigkeiten per E-Mail erhalten', 'Ich möchte über Aktionen informiert werden'],
    counterExamples: ['Angemeldet bleiben', 'Lieferadresse entspricht der Rechnungsadresse', 'Ich akzeptiere die AGB'],
  },
  {
    id: 'marketing-fr',
    purpose: 'marketing',
    pattern: /newsletter|lettre d['’]information|\boffres\b|promotions?\b|bons plans|actualités|communications? (?:commerciales|marketing)|informations commerciales|recevoir (?:des|les|nos) (?:e-?mails|courriels|sms)/i,
    examples: ["Je souhaite recevoir la newsletter", 'Recevoir les offres et promotions par e-mail', 'J’accepte de recevoir des communications commerciales'],
    counterExamples: ['Rester connecté', "Identique à l'adresse de facturation", "J'accepte les conditions générales"],
  },
  {
    id: 'marketing-es',
    purpose: 'marketing',
    pattern: /bolet[ií]n|newsletter|\bofertas\b|promociones|novedades|comunicaciones comerciales|publicidad|recibir (?:correos|e-?mails|sms)/i,
    examples: ['Quiero recibir el boletín', 'Acepto recibir ofertas y promociones', 'Recibir novedades por correo'],
    counterExamples: ['Mantener la sesión iniciada', 'Igual que la dirección de facturación', 'Acepto los términos y condiciones'],
  },
  {
    id: 'data-sharing',
    purpose: 'data-sharing',
    pattern:
      /\bshare my (?:data|information|details|e-?mail)|third[- ]part(?:y|ies)|(?:selected|trusted|carefully chosen) partners|personali[sz]ed (?:ads|advertising)|weitergabe (?:meiner|der) daten|an (?:partner|dritte)|personalisierte werbung|partenaires|\btiers\b|partager mes données|publicité personnalisée|\bsocios\b|\bterceros\b|compartir mis datos|publicidad personalizada/i,
    examples: [
      'Share my details with selected partners',
      'I agree that my data may be passed to third parties for advertising',
      'Weitergabe meiner Daten an Partner',
      'Partager mes données avec des partenaires',
      'Compartir mis datos con terceros',
    ],
    counterExamples: ['Save my details for next time', 'Remember me'],
  },
  {
    id: 'add-on',
    purpose: 'add-on',
    pattern:
      /extended warranty|protection plan|gift ?wrap|priority (?:shipping|delivery|boarding|handling)|\badd (?:a |an )?[\w -]{0,40}(?:for|\(?\+) ?[$€£]|garantieverlängerung|geschenkverpackung|express-?versand|extension de garantie|emballage cadeau|garantía (?:extendida|ampliada)|envoltorio de regalo/i,
    examples: [
      'Add 2-year extended warranty',
      'Add gift wrap for $4.99',
      'Priority shipping (+€9.90)',
      'Garantieverlängerung um 2 Jahre hinzufügen',
      "Ajouter une extension de garantie",
      'Añadir garantía extendida',
    ],
    counterExamples: ['Same as billing address', 'Add a note to your order', 'Remember me'],
  },
  {
    id: 'insurance',
    purpose: 'insurance',
    pattern: /insurance|travel protection|cancellation (?:cover|protection)|\binsure\b|versicherung|reiseschutz|\bassurance\b|\bassurer\b|seguro de (?:viaje|cancelaci[oó]n|equipaje)|\basegurar\b/i,
    examples: ['Add travel insurance', 'Yes, insure my trip', 'Reiserücktrittsversicherung abschließen', "Ajouter l'assurance annulation", 'Añadir seguro de viaje'],
    counterExamples: ['Secure checkout', 'Pago seguro', 'Are you sure?'],
  },
  {
    id: 'donation',
    purpose: 'donation',
    pattern: /donat(?:e|ion)|round (?:it )?up|carbon offset|offset (?:my|the) (?:carbon|emissions)|\bspende|aufrunden|faire un don|arrondi|\bdonar\b|donaci[oó]n|redondear/i,
    examples: ['Donate $1 to charity', 'Round up for a good cause', 'Offset my carbon emissions (+$2)', '1 € spenden', 'Arrondi solidaire', 'Donar 1 € a una ONG'],
    counterExamples: ['Remember me', 'Sign up'],
  },
];

/** Labels that are never an opt-in, whatever else they say (checked first). */
export interface NotOptInRule {
  id: string;
  pattern: RegExp;
  /** The veto does not apply when this also matches. */
  unless?: RegExp;
  examples: string[];
  counterExamples: string[];
}

export const NOT_OPT_IN_RULES: readonly NotOptInRule[] = [
  {
    id: 'stay-signed-in',
    pattern: /remember me|keep me (?:signed|logged) in|stay (?:signed|logged) in|angemeldet bleiben|eingeloggt bleiben|rester connecté|se souvenir de moi|mantener (?:la )?sesi[oó]n|recu[eé]rdame|mantenerme conectado/i,
    examples: ['Remember me', 'Keep me signed in', 'Angemeldet bleiben', 'Rester connecté', 'Mantener la sesión iniciada'],
    counterExamples: ['Keep me updated about offers'],
  },
  {
    id: 'same-address',
    pattern: /same as (?:billing|shipping|delivery)|billing address is the same|entspricht der (?:rechnungs|liefer)adresse|identique à l['’]adresse|igual que la direcci[oó]n|misma direcci[oó]n/i,
    examples: ['Same as billing address', 'Lieferadresse entspricht der Rechnungsadresse', "Identique à l'adresse de facturation", 'Igual que la dirección de facturación'],
    counterExamples: ['Add gift wrap'],
  },
  {
    id: 'terms-only',
    pattern: /(?:agree|accept|consent) to (?:the |our )?(?:terms|conditions|t&cs?|tos|eula|privacy policy)|\bagb\b|nutzungsbedingungen|conditions générales|t[eé]rminos y condiciones/i,
    // Terms bundled with offers or partners in one box are still an opt-in (and a worse one).
    unless: /offers|newsletter|marketing|partners|angebote|werbung|offres|partenaires|ofertas|publicidad/i,
    examples: ['I agree to the Terms of Service', 'Ich akzeptiere die AGB', "J'accepte les conditions générales", 'Acepto los términos y condiciones'],
    counterExamples: ['I agree to the terms and to receive offers from partners', 'Send me offers'],
  },
  {
    id: 'account-mechanics',
    pattern: /show password|passwort anzeigen|afficher le mot de passe|mostrar contraseña|save (?:this|my) (?:card|address|payment)|use as default|als standard|par défaut|predeterminad/i,
    examples: ['Show password', 'Save this card for future purchases', 'Use as default address'],
    counterExamples: ['Send me offers'],
  },
];

/** Whether a veto rule applies to a label (`examples` must be vetoed, `counterExamples` not). */
export function vetoes(rule: NotOptInRule, label: string): boolean {
  return rule.pattern.test(label) && !(rule.unless?.test(label) ?? false);
}

/** The opt-in a label asks for, or null (vetoes first). */
export function matchOptIn(label: string): OptInRule | null {
  if (!label) return null;
  if (NOT_OPT_IN_RULES.some((rule) => vetoes(rule, label))) return null;
  return OPT_IN_RULES.find((rule) => rule.pattern.test(label)) ?? null;
}
