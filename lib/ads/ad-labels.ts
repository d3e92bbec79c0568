/**
 * The words pages print on an ad: "Sponsored", "Anzeige", "Publicité" … as data (ARCHITECTURE.md: rules
 * are data). `ads/sponsored-label` fires only when a small element's whole text is one of these
 * labels, after `normaliseLabelText`; a label is never a prefix or a substring match, which is what
 * keeps "Ad settings", "Anzeige aufgeben" and "Sponsored by our readers" out.
 *
 * Each language carries `examples` (element texts as pages print them, which must match) and
 * `counterExamples` (texts that must not, each with the false positive it stands for); the unit
 * tests run them all. Labels are matched whatever the page language, because pages mix them (German
 * sites print "Sponsored", Polish ones "Promoted"), except where `PAGE_LANGUAGE_EXCEPTIONS` says a
 * word is ordinary vocabulary in the page's language.
 */

export interface AdLabelCounterExample {
  text: string;
  why: string;
  /** The `<html lang>` the text appears under, when that is what makes it ordinary vocabulary. */
  pageLang?: string;
}

export interface AdLabelLanguage {
  /** ISO 639-1 code. */
  lang: string;
  /** Labels in normalised form: lower case, single spaces, no surrounding punctuation. */
  labels: readonly string[];
  examples: readonly string[];
  counterExamples: readonly AdLabelCounterExample[];
}

export const AD_LABELS_VERSION = 1;

export const AD_LABELS: readonly AdLabelLanguage[] = [
  {
    lang: 'en',
    // Not "ads" (nav menus, "Ads" tabs of ad-account products) and not "advertising" (footer links
    // "About · Advertising · Privacy" on every Google page): both are ordinary site navigation.
    labels: ['sponsored', 'promoted', 'ad', 'advertisement', 'sponsored content', 'sponsored post', 'promoted content', 'paid content', 'paid post', 'advertorial'],
    examples: ['Sponsored', 'SPONSORED', 'Ad', 'Ad ·', '· Sponsored', 'Promoted', 'ADVERTISEMENT', '- Advertisement -', 'Sponsored content', 'Paid Post', 'Spon\u00ADsored'],
    counterExamples: [
      { text: 'Ad settings', why: 'a link to ad preferences, not an ad' },
      { text: 'Ads', why: 'nav menu entry (ads products, "Ads" tab)' },
      { text: 'Advertising', why: 'footer link on Google and most news sites' },
      { text: 'Advertise with us', why: 'a sales page link' },
      { text: 'Sponsored by our readers', why: 'editorial paragraph about funding' },
      { text: 'Sponsors', why: 'conference sponsor page heading' },
      { text: 'Ad-free', why: 'subscription upsell' },
      { text: 'Add', why: 'button' },
      { text: 'Promotion', why: 'shop discount badge' },
      { text: 'Ad', pageLang: 'tr', why: 'Turkish "Ad" is "first name": form labels and table headers' },
    ],
  },
  {
    lang: 'de',
    labels: ['anzeige', 'werbung', 'gesponsert', 'gesponserter inhalt', 'gesponserter beitrag', 'werbeanzeige', 'sponsored'],
    examples: ['Anzeige', 'ANZEIGE', '- Anzeige -', 'Werbung', 'Gesponsert', 'Gesponserter Inhalt', 'Werbeanzeige'],
    counterExamples: [
      { text: 'Anzeige aufgeben', why: 'classifieds: "place an ad" button' },
      { text: 'Anzeigen', why: 'classifieds section, or the verb "show" on buttons' },
      { text: 'Werbung widersprechen', why: 'consent dialog: object to advertising' },
      { text: 'Werbefrei lesen', why: 'subscription upsell' },
      { text: 'Werbung auf dieser Seite', why: 'footer link to the ad sales page' },
    ],
  },
  {
    lang: 'fr',
    labels: ['sponsorisé', 'sponsorisée', 'publicité', 'annonce', 'contenu sponsorisé', 'commandité', 'contenu commandité', 'publireportage', 'promu'],
    examples: ['Sponsorisé', 'SPONSORISÉ', 'Publicité', 'PUBLICITÉ', 'Annonce', 'Contenu sponsorisé', 'Commandité', 'Publireportage'],
    counterExamples: [
      { text: 'Annonces', why: 'classifieds section (petites annonces)' },
      { text: 'Déposer une annonce', why: 'classifieds: "place an ad" button' },
      { text: 'Publicités ciblées', why: 'consent/ad settings toggle' },
      { text: 'Sponsors', why: 'sponsor page heading' },
    ],
  },
  {
    lang: 'es',
    labels: ['patrocinado', 'patrocinada', 'publicidad', 'anuncio', 'contenido patrocinado', 'promocionado', 'publirreportaje'],
    examples: ['Patrocinado', 'PATROCINADO', 'Publicidad', 'Anuncio', 'Contenido patrocinado', 'Promocionado'],
    counterExamples: [
      { text: 'Anuncios', why: 'classifieds section' },
      { text: 'Publicar anuncio', why: 'classifieds: "place an ad" button' },
      { text: 'Patrocinadores', why: 'sponsor page heading' },
      { text: 'Publicidad personalizada', why: 'consent/ad settings toggle' },
    ],
  },
  {
    lang: 'it',
    labels: ['sponsorizzato', 'sponsorizzata', 'pubblicità', 'annuncio', 'contenuto sponsorizzato', 'pubbliredazionale'],
    examples: ['Sponsorizzato', 'PUBBLICITÀ', 'Pubblicità', 'Annuncio', 'Contenuto sponsorizzato'],
    counterExamples: [
      { text: 'Annunci', why: 'classifieds section' },
      { text: 'Inserisci annuncio', why: 'classifieds: "place an ad" button' },
      { text: 'Pubblicità personalizzata', why: 'consent/ad settings toggle' },
      { text: 'Sponsor', why: 'sponsor page heading' },
    ],
  },
  {
    lang: 'nl',
    labels: ['gesponsord', 'gesponsorde inhoud', 'advertentie', 'gepromoot'],
    examples: ['Gesponsord', 'ADVERTENTIE', 'Advertentie', 'Gesponsorde inhoud', 'Gepromoot'],
    counterExamples: [
      { text: 'Advertenties', why: 'classifieds section (Marktplaats-style)' },
      { text: 'Adverteren', why: '"advertise with us" link' },
      { text: 'Plaats advertentie', why: 'classifieds: "place an ad" button' },
    ],
  },
  {
    lang: 'pt',
    labels: ['patrocinado', 'patrocinada', 'publicidade', 'anúncio', 'conteúdo patrocinado', 'promovido'],
    examples: ['Patrocinado', 'Publicidade', 'PUBLICIDADE', 'Anúncio', 'Conteúdo patrocinado', 'Promovido'],
    counterExamples: [
      { text: 'Anúncios', why: 'classifieds section' },
      { text: 'Anuncie', why: '"advertise with us" link' },
      { text: 'Patrocinadores', why: 'sponsor page heading' },
    ],
  },
  {
    lang: 'pl',
    labels: ['sponsorowane', 'sponsorowany', 'reklama', 'promowane', 'treść sponsorowana', 'artykuł sponsorowany', 'materiał sponsorowany', 'materiał reklamowy'],
    examples: ['Sponsorowane', 'REKLAMA', 'Reklama', 'Promowane', 'Artykuł sponsorowany', 'Materiał sponsorowany'],
    counterExamples: [
      { text: 'Reklama w serwisie', why: '"advertise with us" link' },
      { text: 'Ogłoszenia', why: 'classifieds section' },
      { text: 'Sponsorzy', why: 'sponsor page heading' },
      { text: 'Reklamy', why: 'nav menu entry' },
    ],
  },
];

/** Words that are labels in one language and ordinary vocabulary in another page language. */
export const PAGE_LANGUAGE_EXCEPTIONS: readonly { label: string; pageLangs: readonly string[]; why: string }[] = [
  { label: 'ad', pageLangs: ['tr', 'az'], why: '"Ad" means "name" in Turkish and Azerbaijani' },
];

/** Longest label plus room for separators and spacing: longer texts are never labels. */
export const MAX_LABEL_TEXT_LENGTH = 48;

// Zero-width characters and soft hyphens that feed markup inserts to break text matching.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Separators printed around labels: "Ad ·", "- Anzeige -", "(Sponsored)", "Sponsored |".
const EDGE_PUNCTUATION = /^[\s·•|:\-–—()[\]]+|[\s·•|:\-–—()[\]]+$/g;

export function normaliseLabelText(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '').toLowerCase();
}

export interface AdLabelMatch {
  label: string;
  lang: string;
}

const LABEL_INDEX = new Map<string, string>();
for (let i = 0; i < AD_LABELS.length; i++) {
  const language = AD_LABELS[i]!;
  for (let j = 0; j < language.labels.length; j++) {
    const label = language.labels[j]!;
    if (!LABEL_INDEX.has(label)) LABEL_INDEX.set(label, language.lang);
  }
}

/** ASCII characters as normalisation leaves them inside a label: lower case, whitespace as one space. */
const fold = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c <= 0x20 ? 0x20 : c);
/** The first two characters of every label, folded, as one number: `couldBeLabel`'s table. */
const PREFIXES = new Set<number>();
for (const label of LABEL_INDEX.keys()) PREFIXES.add(fold(label.charCodeAt(0)) * 128 + fold(label.charCodeAt(1)));
/** ASCII characters `normaliseLabelText` strips before a label: whitespace and edge punctuation. */
const LEADING = new Set<number>();
for (const ch of ' \t\n\v\f\r|:-()[]') LEADING.add(ch.charCodeAt(0));

/**
 * False only when `text` cannot normalise to any label: its first two kept characters are ASCII
 * and no label starts with them (every label has two or more). A non-ASCII character there (which
 * NFC, an invisible or Unicode punctuation may change) goes to the full normalisation. Most page
 * text fails here, before the normalisation (`npm run bench -- --only scan`).
 */
function couldBeLabel(text: string): boolean {
  let i = 0;
  while (i < text.length && LEADING.has(text.charCodeAt(i))) i += 1;
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  // NaN past the end: `>= 0x80` is false, so a text that ends here is no label.
  if (a >= 0x80 || b >= 0x80) return true;
  return PREFIXES.has(fold(a) * 128 + fold(b));
}

/**
 * The label `text` is, whole, after normalisation; null when it is anything else. `pageLang` is the
 * page's `<html lang>` (any case, region allowed: `tr-TR`).
 */
export function matchAdLabel(text: string, pageLang: string | null = null): AdLabelMatch | null {
  if (text.length > MAX_LABEL_TEXT_LENGTH * 2 || !couldBeLabel(text)) return null;
  const label = normaliseLabelText(text);
  if (label.length === 0 || label.length > MAX_LABEL_TEXT_LENGTH) return null;
  const lang = LABEL_INDEX.get(label);
  if (lang === undefined) return null;
  if (pageLang !== null) {
    const primary = pageLang.toLowerCase().split('-')[0] ?? '';
    for (let i = 0; i < PAGE_LANGUAGE_EXCEPTIONS.length; i++) {
      const exception = PAGE_LANGUAGE_EXCEPTIONS[i]!;
      if (exception.label !== label) continue;
      for (let j = 0; j < exception.pageLangs.length; j++) if (exception.pageLangs[j] === primary) return null;
    }
  }
  return { label, lang };
}
