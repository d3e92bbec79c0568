/**
 * What a button in a cookie or consent dialog does, from its label (issue #4): `accept`,
 * `reject`, `settings` or `other`. The consent detectors use it to tell whether a dialog's first
 * layer offers a reject as easily as an accept (Nouwens et al. 2020).
 *
 * Phrases are data, per language, matched as whole words on a normalised label (NFKC, lower
 * case, punctuation and symbols to spaces). Order of precedence: reject, then settings, then
 * accept, so that "Accept only necessary", "Continue without accepting", "Do not accept",
 * "Accept selected" and "Nur notwendige akzeptieren" are read right. Anything else is `other`
 * ("Close", "Learn more", "Privacy policy", "×").
 *
 * Lines drawn:
 * - "OK", "Got it", "Agree", "Understood", "Continue" (alone) accept: inside a consent dialog
 *   they dismiss it with consent. `classifyButton` is meant for buttons inside such a dialog.
 * - "Only necessary", "Essential only", "Continue without accepting", "No thanks", "Not now",
 *   "Object to all" reject: they leave non-essential purposes off.
 * - "Save", "Confirm my choices", "Accept selected", "Allow selection" are `settings`: they commit
 *   whatever the toggles say, neither a blanket yes nor a blanket no.
 * - "Close", "×", "Dismiss" are `other`: what they do is not in the label.
 */

export type ButtonRole = 'accept' | 'reject' | 'settings' | 'other';

export const BUTTON_LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs'] as const;
export type ButtonLang = (typeof BUTTON_LANGS)[number];

/** Labels longer than this are text, not buttons. */
export const MAX_BUTTON_LABEL = 80;

interface Phrases {
  reject: readonly string[];
  settings: readonly string[];
  accept: readonly string[];
  /** Whole-label matches only (too short or too common to find inside a longer label). */
  exactAccept?: readonly string[];
  exactReject?: readonly string[];
}

export const BUTTON_PHRASES: Readonly<Record<ButtonLang, Phrases>> = {
  en: {
    reject: [
      'reject', 'reject all', 'decline', 'decline all', 'refuse', 'refuse all', 'deny', 'deny all', 'disagree', 'i disagree',
      'do not accept', "don't accept", 'i do not accept', 'not accept', 'do not agree', "don't agree", 'do not consent', "don't consent",
      "don't allow", 'do not allow', 'disallow', 'no thanks', 'no thank you', 'not now', 'maybe later', 'opt out', 'object', 'object all', 'object to all',
      'necessary only', 'only necessary', 'necessary cookies only', 'only necessary cookies', 'use necessary cookies only', 'accept necessary',
      'essential only', 'only essential', 'essential cookies only', 'only essential cookies', 'strictly necessary only', 'required only', 'only required',
      'functional only', 'only functional', 'reject non-essential', 'decline optional', 'continue without accepting', 'continue without agreeing',
      'continue without consent', 'continue without consenting', 'proceed without accepting', 'without accepting',
    ],
    settings: [
      'settings', 'cookie settings', 'preferences', 'cookie preferences', 'manage', 'manage preferences', 'manage settings', 'manage options',
      'manage cookies', 'manage consent', 'manage choices', 'customise', 'customize', 'customise cookies', 'customize cookies', 'options', 'more options',
      'configure', 'set preferences', 'show purposes', 'purposes', 'vendors', 'see vendors', 'partners', 'show details', 'details', 'adjust',
      'save', 'save preferences', 'save settings', 'save and exit', 'save choices', 'save my choices', 'confirm choices', 'confirm my choices',
      'confirm selection', 'accept selected', 'accept selection', 'allow selection', 'allow selected', 'let me choose', 'choose',
    ],
    accept: [
      'accept', 'accept all', 'accept cookies', 'accept all cookies', 'i accept', 'allow', 'allow all', 'allow cookies', 'allow all cookies',
      'agree', 'i agree', 'agree and close', 'agree and continue', 'ok', 'okay', 'got it', 'understood', 'i understand', 'alright',
      'sounds good', 'fine by me', 'consent', 'i consent', 'enable all', 'turn on all', "yes i'm happy", 'yes i agree', "that's ok",
    ],
    exactAccept: ['yes', 'continue', 'proceed', 'accept and continue'],
    exactReject: ['no'],
  },
  de: {
    reject: [
      'ablehnen', 'alle ablehnen', 'alles ablehnen', 'verweigern', 'alle verweigern', 'nicht akzeptieren', 'nicht zustimmen', 'nicht einverstanden',
      'ich stimme nicht zu', 'widersprechen', 'nein danke', 'nur notwendige', 'nur notwendige cookies', 'nur erforderliche', 'nur erforderliche cookies',
      'nur essenzielle', 'nur essentielle', 'nur essenzielle cookies', 'nur technisch notwendige', 'nur funktionale', 'notwendige cookies akzeptieren',
      'weiter ohne zustimmung', 'weiter ohne einwilligung', 'weiter ohne cookies', 'ohne zustimmung fortfahren', 'ohne einwilligung fortfahren',
      'ohne zustimmung weiter', 'ablehnen und schließen', 'später',
    ],
    settings: [
      'einstellungen', 'cookie einstellungen', 'anpassen', 'verwalten', 'optionen verwalten', 'präferenzen', 'optionen', 'mehr optionen',
      'individuelle einstellungen', 'details', 'details anzeigen', 'auswahl speichern', 'auswahl bestätigen', 'auswahl erlauben', 'auswahl akzeptieren',
      'auswahl übernehmen', 'speichern', 'konfigurieren', 'zwecke', 'partner', 'einstellungen speichern',
    ],
    accept: [
      'akzeptieren', 'alle akzeptieren', 'alles akzeptieren', 'alle cookies akzeptieren', 'zustimmen', 'allen zustimmen', 'ich stimme zu', 'einverstanden',
      'annehmen', 'alle annehmen', 'zulassen', 'alle zulassen', 'erlauben', 'alle erlauben', 'einwilligen', 'verstanden', 'akzeptieren und schließen',
      'zustimmen und weiter', 'akzeptieren und weiter', 'ok', 'okay', 'alles klar',
    ],
    exactAccept: ['ja', 'weiter', 'fortfahren'],
    exactReject: ['nein'],
  },
  fr: {
    reject: [
      'refuser', 'tout refuser', 'refuser tout', 'je refuse', 'refuser et fermer', 'continuer sans accepter', 'continuer sans consentir', 'sans accepter',
      'non merci', 'interdire', 'tout interdire', 'rejeter', 'tout rejeter', "je n'accepte pas", 'ne pas accepter', "s'opposer", "je m'oppose",
      'uniquement les cookies nécessaires', 'cookies nécessaires uniquement', 'nécessaires uniquement', 'seulement les nécessaires', 'strictement nécessaires',
      'uniquement nécessaires', 'plus tard',
    ],
    settings: [
      'paramétrer', 'paramètres', 'personnaliser', 'gérer', 'gérer mes choix', 'gérer les cookies', 'gérer les préférences', 'préférences',
      "plus d'options", 'options', 'configurer', 'enregistrer', 'enregistrer mes choix', 'valider mes choix', 'valider la sélection', 'confirmer mes choix',
      'choisir', 'détails', 'partenaires', 'finalités',
    ],
    accept: [
      'accepter', 'tout accepter', 'accepter tout', "j'accepte", 'accepter et fermer', 'accepter et continuer', "d'accord", "ok pour moi",
      'autoriser', 'tout autoriser', "j'ai compris", 'compris', 'consentir', 'je consens', 'accepter les cookies', 'ok',
    ],
    exactAccept: ['oui', 'continuer'],
    exactReject: ['non'],
  },
  es: {
    reject: [
      'rechazar', 'rechazar todo', 'rechazar todas', 'rechazarlas todas', 'solo necesarias', 'sólo necesarias', 'solo las necesarias', 'sólo las necesarias',
      'solo cookies necesarias', 'únicamente necesarias', 'solo esenciales', 'solo las esenciales', 'continuar sin aceptar', 'no acepto', 'no aceptar',
      'denegar', 'denegar todo', 'no gracias', 'rehusar', 'oponerse', 'más tarde', 'ahora no',
    ],
    settings: [
      'configurar', 'configuración', 'personalizar', 'gestionar', 'administrar', 'preferencias', 'más opciones', 'opciones', 'ajustes', 'guardar',
      'guardar preferencias', 'guardar selección', 'confirmar selección', 'configurar cookies', 'gestionar cookies', 'administrar preferencias', 'detalles', 'socios',
    ],
    accept: [
      'aceptar', 'aceptar todo', 'aceptar todas', 'acepto', 'aceptar y cerrar', 'aceptar y continuar', 'permitir', 'permitir todas', 'permitir todo',
      'de acuerdo', 'estoy de acuerdo', 'entendido', 'vale', 'consentir', 'aceptar cookies', 'ok',
    ],
    exactAccept: ['sí', 'si', 'continuar'],
    exactReject: ['no'],
  },
  it: {
    reject: [
      'rifiuta', 'rifiuta tutto', 'rifiuta tutti', 'rifiutare', 'rifiuto', 'non accetto', 'nega', 'nega tutto', 'solo necessari', 'solo cookie necessari',
      'solo i necessari', 'solo essenziali', 'solo tecnici', 'continua senza accettare', 'prosegui senza accettare', 'no grazie', 'rifiuta e chiudi', 'opponiti',
    ],
    settings: [
      'personalizza', 'impostazioni', 'gestisci', 'gestisci preferenze', 'gestisci cookie', 'gestisci opzioni', 'preferenze', 'più opzioni', 'opzioni',
      'configura', 'salva', 'salva e esci', 'salva ed esci', 'salva le preferenze', 'dettagli', 'partner', 'finalità',
    ],
    accept: [
      'accetta', 'accetta tutto', 'accetta tutti', 'accetto', 'acconsento', 'ho capito', 'va bene', 'consenti', 'consenti tutti', 'accetta e chiudi',
      'accetta e continua', 'ok', 'accetta i cookie',
    ],
    exactAccept: ['sì', 'continua'],
    exactReject: [],
  },
  nl: {
    reject: [
      'weigeren', 'alles weigeren', 'alle weigeren', 'afwijzen', 'alles afwijzen', 'alleen noodzakelijke', 'alleen noodzakelijke cookies',
      'alleen functionele', 'alleen functionele cookies', 'alleen essentiële', 'niet akkoord', 'niet accepteren', 'ga niet akkoord', 'nee bedankt',
      'doorgaan zonder accepteren', 'doorgaan zonder te accepteren', 'weigeren en sluiten', 'later',
    ],
    settings: [
      'instellingen', 'voorkeuren', 'aanpassen', 'beheren', 'beheer', 'voorkeuren beheren', 'cookie instellingen', 'meer opties', 'opties',
      'keuze opslaan', 'opslaan', 'mijn keuze opslaan', 'selectie toestaan', 'instellen', 'details', 'partners', 'doeleinden',
    ],
    accept: [
      'accepteren', 'alles accepteren', 'alle cookies accepteren', 'akkoord', 'ik ga akkoord', 'ga akkoord', 'toestaan', 'alles toestaan', 'alle toestaan',
      'oké', 'ok', 'prima', 'accepteer', 'accepteer alles', 'akkoord en sluiten',
    ],
    exactAccept: ['ja', 'doorgaan'],
    exactReject: ['nee'],
  },
  pt: {
    reject: [
      'rejeitar', 'rejeitar tudo', 'rejeitar todos', 'recusar', 'recusar tudo', 'recusar todos', 'apenas necessários', 'somente necessários', 'só necessários',
      'apenas os necessários', 'apenas essenciais', 'somente essenciais', 'continuar sem aceitar', 'não aceito', 'não aceitar', 'não concordo', 'negar',
      'não obrigado', 'não obrigada',
    ],
    settings: [
      'configurações', 'definições', 'personalizar', 'gerir', 'gerenciar', 'gerir preferências', 'gerenciar preferências', 'preferências', 'mais opções',
      'opções', 'configurar', 'guardar', 'salvar', 'salvar preferências', 'guardar preferências', 'detalhes', 'parceiros',
    ],
    accept: [
      'aceitar', 'aceitar tudo', 'aceitar todos', 'aceito', 'concordo', 'permitir', 'permitir todos', 'permitir tudo', 'entendi', 'ok',
      'aceitar e fechar', 'aceitar e continuar', 'consentir', 'aceitar cookies',
    ],
    exactAccept: ['sim', 'continuar'],
    exactReject: ['não'],
  },
  pl: {
    reject: [
      'odrzuć', 'odrzuć wszystkie', 'odrzuć wszystko', 'odrzucam', 'tylko niezbędne', 'tylko wymagane', 'tylko konieczne', 'nie zgadzam się', 'nie akceptuję',
      'odmów', 'odmawiam', 'kontynuuj bez akceptacji', 'przejdź bez akceptacji', 'zezwól tylko na niezbędne', 'nie dziękuję', 'później',
    ],
    settings: [
      'ustawienia', 'dostosuj', 'zarządzaj', 'zarządzaj opcjami', 'zarządzaj ustawieniami', 'preferencje', 'więcej opcji', 'opcje', 'konfiguruj',
      'zapisz', 'zapisz wybór', 'zapisz ustawienia', 'ustawienia plików cookie', 'ustawienia cookie', 'szczegóły', 'partnerzy',
    ],
    accept: [
      'zaakceptuj', 'zaakceptuj wszystkie', 'zaakceptuj wszystko', 'akceptuj', 'akceptuj wszystkie', 'akceptuję', 'zgadzam się', 'zezwól', 'zezwól na wszystkie',
      'rozumiem', 'ok', 'przejdź do serwisu', 'wyrażam zgodę',
    ],
    exactAccept: ['tak', 'dalej'],
    exactReject: ['nie'],
  },
  sv: {
    reject: [
      'avvisa', 'avvisa alla', 'neka', 'neka alla', 'avböj', 'avböj alla', 'endast nödvändiga', 'bara nödvändiga', 'endast nödvändiga cookies',
      'tillåt endast nödvändiga', 'godkänn endast nödvändiga', 'acceptera endast nödvändiga', 'nej tack', 'fortsätt utan att godkänna', 'jag godkänner inte',
      'inte nu',
    ],
    settings: [
      'inställningar', 'anpassa', 'hantera', 'hantera inställningar', 'cookie inställningar', 'fler alternativ', 'alternativ', 'preferenser', 'spara',
      'spara inställningar', 'spara och stäng', 'visa detaljer', 'detaljer', 'ändra inställningar', 'partner',
    ],
    accept: [
      'acceptera', 'acceptera alla', 'godkänn', 'godkänn alla', 'jag godkänner', 'tillåt', 'tillåt alla', 'jag förstår', 'okej', 'ok', 'jag accepterar',
      'godta', 'godta alla', 'acceptera alla cookies',
    ],
    exactAccept: ['ja', 'fortsätt'],
    exactReject: ['nej'],
  },
  da: {
    reject: [
      'afvis', 'afvis alle', 'afslå', 'afslå alle', 'kun nødvendige', 'kun nødvendige cookies', 'tillad kun nødvendige', 'tillad nødvendige',
      'brug kun nødvendige', 'nej tak', 'fortsæt uden at acceptere', 'jeg accepterer ikke', 'accepter ikke', 'kun de nødvendige', 'ikke nu',
    ],
    settings: [
      'indstillinger', 'tilpas', 'administrer', 'administrer indstillinger', 'vis detaljer', 'detaljer', 'cookie indstillinger', 'flere valgmuligheder',
      'valgmuligheder', 'præferencer', 'gem', 'gem valg', 'gem indstillinger', 'tillad valgte', 'tillad udvalgte', 'partnere',
    ],
    accept: [
      'accepter', 'accepter alle', 'acceptér', 'acceptér alle', 'tillad', 'tillad alle', 'jeg accepterer', 'godkend', 'godkend alle', 'forstået', 'ok',
      'jeg forstår', 'ja tak', 'accepter alle cookies',
    ],
    exactAccept: ['ja', 'fortsæt'],
    exactReject: ['nej'],
  },
  fi: {
    reject: [
      'hylkää', 'hylkää kaikki', 'kieltäydy', 'kiellä', 'kiellä kaikki', 'vain välttämättömät', 'vain välttämättömät evästeet', 'salli vain välttämättömät',
      'hyväksy vain välttämättömät', 'en hyväksy', 'ei kiitos', 'jatka hyväksymättä', 'ei nyt',
    ],
    settings: [
      'asetukset', 'evästeasetukset', 'mukauta', 'hallitse', 'hallitse asetuksia', 'lisää vaihtoehtoja', 'vaihtoehdot', 'näytä tiedot', 'tiedot',
      'tallenna', 'tallenna valinnat', 'muokkaa asetuksia', 'valitse', 'kumppanit',
    ],
    accept: [
      'hyväksy', 'hyväksy kaikki', 'hyväksyn', 'salli', 'salli kaikki', 'selvä', 'ymmärrän', 'ok', 'hyväksy ja sulje', 'hyväksy ja jatka', 'hyväksy evästeet',
    ],
    exactAccept: ['kyllä', 'jatka'],
    exactReject: ['ei'],
  },
  cs: {
    reject: [
      'odmítnout', 'odmítnout vše', 'odmítnout všechny', 'odmítnout vše a zavřít', 'zamítnout', 'zamítnout vše', 'pouze nezbytné', 'jen nezbytné',
      'pouze nutné', 'jen nutné', 'pouze nezbytné cookies', 'povolit pouze nezbytné', 'přijmout pouze nezbytné', 'nesouhlasím', 'nepřijímám',
      'ne děkuji', 'pokračovat bez přijetí', 'odmítám', 'teď ne',
    ],
    settings: [
      'nastavení', 'přizpůsobit', 'spravovat', 'upravit nastavení', 'další možnosti', 'možnosti', 'předvolby', 'uložit', 'uložit nastavení',
      'uložit výběr', 'povolit vybrané', 'přijmout vybrané', 'podrobnosti', 'zobrazit podrobnosti', 'partneři',
    ],
    accept: [
      'přijmout', 'přijmout vše', 'přijmout všechny', 'souhlasím', 'povolit', 'povolit vše', 'povolit všechny', 'rozumím', 'ok', 'beru na vědomí',
      'přijímám', 'souhlasím a pokračovat', 'přijmout vše a zavřít',
    ],
    exactAccept: ['ano', 'pokračovat'],
    exactReject: ['ne'],
  },
};

const ZERO_WIDTH = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const NOT_WORD = /[^\p{L}\p{N}']+/gu;

/** NFKC, lower case, apostrophes straightened, every run of non-letters to one space. */
export function normalizeLabel(label: string): string {
  const cut = label.length > 400 ? label.slice(0, 400) : label;
  return cut
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .replace(NOT_WORD, ' ')
    .trim();
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledPhrases {
  reject: RegExp;
  settings: RegExp;
  accept: RegExp;
  exactAccept: ReadonlySet<string>;
  exactReject: ReadonlySet<string>;
}

/** Whole-word alternation of literal phrases: linear, no quantifiers at all. */
function phraseRegex(phrases: readonly string[]): RegExp {
  const normalized = [...new Set(phrases.map(normalizeLabel).filter((p) => p.length > 0))];
  // Longer first, so the alternation prefers the fuller phrase (cosmetic: only the class matters).
  normalized.sort((a, b) => b.length - a.length);
  if (normalized.length === 0) return /$^/u;
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${normalized.map(escapeRegex).join('|')})(?![\p{L}\p{N}])`, 'u');
}

function compileAll(): Readonly<Record<ButtonLang, CompiledPhrases>> {
  const out = {} as Record<ButtonLang, CompiledPhrases>;
  for (const lang of BUTTON_LANGS) {
    const p = BUTTON_PHRASES[lang];
    out[lang] = {
      reject: phraseRegex(p.reject),
      settings: phraseRegex(p.settings),
      accept: phraseRegex(p.accept),
      exactAccept: new Set((p.exactAccept ?? []).map(normalizeLabel)),
      exactReject: new Set((p.exactReject ?? []).map(normalizeLabel)),
    };
  }
  return out;
}

const COMPILED = compileAll();

/**
 * Every language's phrases in one expression per role. `roleIn` tries a role in every language
 * before the next role, so one alternation per role answers the same as one per language, and it
 * is one regex walk instead of twelve (`npm run bench -- --only dark-patterns`, textFacts per string).
 */
function compileEvery(): CompiledPhrases {
  const every = (role: 'reject' | 'settings' | 'accept') => BUTTON_LANGS.flatMap((lang) => BUTTON_PHRASES[lang][role]);
  const exact = (role: 'exactAccept' | 'exactReject') => new Set(BUTTON_LANGS.flatMap((lang) => [...COMPILED[lang][role]]));
  return { reject: phraseRegex(every('reject')), settings: phraseRegex(every('settings')), accept: phraseRegex(every('accept')), exactAccept: exact('exactAccept'), exactReject: exact('exactReject') };
}

const EVERY_LANGUAGE = compileEvery();

function roleIn(label: string, p: CompiledPhrases): ButtonRole | null {
  if (p.exactReject.has(label)) return 'reject';
  if (p.exactAccept.has(label)) return 'accept';
  if (p.reject.test(label)) return 'reject';
  if (p.settings.test(label)) return 'settings';
  if (p.accept.test(label)) return 'accept';
  return null;
}

export interface ClassifyButtonOptions {
  /** The page language (`<html lang>`); its phrases are tried first, then every other language. */
  lang?: string | null;
}

export function classifyButton(text: string, opts: ClassifyButtonOptions = {}): ButtonRole {
  const label = normalizeLabel(text);
  if (label.length === 0 || label.length > MAX_BUTTON_LABEL) return 'other';
  const base = (opts.lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const pageLang = (BUTTON_LANGS as readonly string[]).includes(base) ? (base as ButtonLang) : null;
  if (pageLang !== null) {
    const own = roleIn(label, COMPILED[pageLang]);
    if (own !== null) return own;
  }
  return roleIn(label, EVERY_LANGUAGE) ?? 'other';
}
