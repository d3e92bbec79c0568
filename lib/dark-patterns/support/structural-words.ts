/**
 * Wording the structural detectors of issue #11 key on (obstruction, forced action, soft prompts,
 * pressured selling), en/de/fr/es/it/nl/pt. Typed data: each entry has examples it must match and
 * counter-examples it must not (tests/unit/dark-patterns/detectors/structural-words.test.ts), and
 * every pattern is run on 100 KB adversarial input (tests/unit/dark-patterns/redos.test.ts). No
 * pattern nests a quantifier inside another, and bounded gaps are at most `.{0,30}`: linear time.
 * Words alone never make a finding: each detector adds what the page does (no online way out, no
 * guest option, a box ticked in advance, a prompt nobody asked for).
 */
import type { ConsentTermId } from './consent-term-ids';
import { CONSENT_TERMS } from './consent-text';
import { NAG_PURPOSES, type NagPurposeId } from './nag-purposes';
import { STEPS } from './offer-numbers';
import { matchOptIn } from './opt-in-keywords';

export interface WordRule {
  id: string;
  pattern: RegExp;
  examples: readonly string[];
  counterExamples: readonly string[];
}

export const WORDS = {
  /** Ending something the person signed up for. */
  cancelTopic: {
    id: 'cancel-topic',
    pattern:
      /\bcancel(?:l?ation|l?ing|s)?\b|\bunsubscrib|\bterminat(?:e|ion) (?:your |my |the )?(?:membership|subscription|contract|account)|\b(?:delete|close|deactivate) (?:your |my )?account|\bend (?:your |my )?(?:membership|subscription)|k[üu]ndig|abo beenden|mitgliedschaft beenden|r[ée]sili|d[ée]sabonn|d[ée]sinscri|cancelar|cancelaci[oó]n|darse de baja|dar de baja|disdett|disdire|annullare l['’ ]abbonamento|opzeg|cancelamento/i,
    examples: ['To cancel your contract', 'Abo kündigen', 'Résilier mon abonnement', 'Cancelar suscripción', 'Disdetta abbonamento', 'Abonnement opzeggen', 'Delete your account', 'Unsubscribe'],
    counterExamples: ['Add to cart', 'Manage your delivery address', 'Track my order'],
  },
  /** A way out that is not online: a call, a letter, a visit, a chat. */
  offlineWay: {
    id: 'offline-way',
    pattern:
      /\b(?:please |you (?:must|need to|will need to|have to|can only) |simply )?(?:call|phone|ring) (?:us|our|the|customer|member)|\bby (?:phone|telephone|post|mail|letter|fax|live chat|chat|calling)\b|\bin writing\b|\bin person\b|\bvisit (?:your|a|the|one of our) (?:home |local |nearest )?(?:club|store|branch|gym|shop)|\bcontact (?:our |the )?(?:customer (?:service|care|support)|member services|support team)\b|schriftlich|per (?:post|brief|telefon|fax|einschreiben)|telefonisch|par (?:t[ée]l[ée]phone|courrier|lettre|[ée]crit)|en agence|por (?:tel[ée]fono|correo postal|carta|escrito)|llamando|per (?:telefono|iscritto|lettera)|raccomandata|per post|schriftelijk|telefonisch|por (?:telefone|carta)/i,
    examples: ['please call our Retentions team', 'only by phone', 'Kündigung nur schriftlich per Einschreiben', 'par courrier recommandé', 'por teléfono', 'per raccomandata', 'visit your local branch'],
    counterExamples: ['Cancel online in your account', 'Email us any time'],
  },
  /** Saying the online route does not exist ("cannot be made online"). */
  notOnline: {
    id: 'not-online',
    pattern:
      /\b(?:cannot|can['’]t|can not) be (?:made|done|processed|submitted|completed) (?:online|by e-?mail|via (?:e-?mail|the app))|\bnot (?:possible|available) online|\bonly (?:by|via|through|over|in) (?:phone|telephone|post|mail|letter|writing|person|chat)|nur (?:schriftlich|telefonisch|per)|nicht online|uniquement par|seulement par|solo (?:por|per)|s[oó]lamente por|alleen (?:per|telefonisch|schriftelijk)|apenas por/i,
    examples: ['Cancellations cannot be made online', 'only by phone', 'nur schriftlich', 'uniquement par courrier', 'solo por teléfono'],
    counterExamples: ['You can cancel online at any time'],
  },
  /** The page offering the online way: a form, the account, a button. */
  onlineWay: {
    id: 'online-way',
    pattern:
      /\bonline (?:cancel+ation )?form|\bcancel (?:it )?online|\bfrom (?:your|the) account|\bin (?:your|the) account|\b(?:account|subscription) settings|\bself-service|\bselect \W?cancel|\bclick \W?cancel|online k[üu]ndigen|k[üu]ndigungsformular|k[üu]ndigungsbutton|in ihrem konto|en ligne|dans votre (?:compte|espace)|en l[ií]nea|en tu cuenta|online (?:opzeggen|formulier)|in je account|nel tuo account|na sua conta/i,
    examples: ['use our online cancellation form', 'go to Account › Subscription and select Cancel', 'Jetzt online kündigen', 'résilier en ligne'],
    counterExamples: ['please call us', 'Cancellations cannot be made by email'],
  },
  /** The page speaking to the person (not a report about others: "members could only cancel by phone"). */
  address: {
    id: 'address',
    pattern:
      /\b(?:you|your|please|bitte|ihr(?:e[nmrs]?)?|ihnen|vous|votre|vos|veuillez|usted|tu|por favor|la preghiamo|si prega|uw|você|seu|sua)\b/i,
    examples: ['To cancel your contract', 'Bitte schreiben Sie uns', 'veuillez nous écrire'],
    counterExamples: ['Subscribers said they could only cancel by phone'],
  },
  /** A button or link that carries on cancelling past an offer. */
  continueCancel: {
    id: 'continue-cancel',
    pattern:
      /\b(?:continue|proceed|go on|keep going|carry on) (?:to |with )?(?:my |the )?cancel|\bno,? thanks?,? (?:i (?:still )?want to |just |continue |take me to )?cancel|\b(?:i )?still want to cancel|\bcancel anyway\b|\bdecline (?:the )?offer and cancel|weiter (?:zur|mit der) k[üu]ndigung|trotzdem k[üu]ndigen|continuer (?:la|ma|vers la) r[ée]siliation|r[ée]silier quand m[êe]me|continuar con la cancelaci[oó]n|seguir cancelando|continua(?:re)? (?:con )?la disdetta|doorgaan met opzeggen|toch opzeggen|continuar (?:o|com o) cancelamento/i,
    examples: ['No thanks, continue cancelling', 'Continue to cancel', 'I still want to cancel', 'Weiter zur Kündigung', 'Résilier quand même'],
    counterExamples: ['Cancel', 'Keep my plan', 'Continue shopping'],
  },
  /** What a retention step offers instead of letting the person go. */
  retentionOffer: {
    id: 'retention-offer',
    pattern:
      /\d{1,3} ?% off|\d{1,3} ?% (?:discount|rabatt|de r[ée]duction|de descuento|di sconto|korting|de desconto)|\bfree (?:month|months|weeks?)\b|\bpause (?:your |my )?(?:membership|subscription|plan)|\bbefore you (?:cancel|go)\b|\bhate to see you go\b|\bspecial offer\b|\bstay (?:with us|and (?:get|save))|bevor sie (?:k[üu]ndigen|gehen)|gratismonat|avant de (?:partir|r[ée]silier)|antes de (?:irte|cancelar)|prima di (?:andare|disdire)|voordat je (?:gaat|opzegt)/i,
    examples: ['Pause your subscription and get 30% off your next box', 'Before you cancel', 'Stay and save', '1 Gratismonat'],
    counterExamples: ['Your plan renews on 3 June'],
  },
  /** Steps of a flow: `Step 1 of 4`. */
  steps: { id: 'steps', pattern: STEPS, examples: ['Step 1 of 4', 'Schritt 2 von 5'], counterExamples: ['Step by step'] },
  /** An account, a login or a registration is demanded. */
  accountRequired: {
    id: 'account-required',
    pattern:
      /\b(?:must|need to|have to|are required to|required to) (?:be )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|registered|register|create an account|have an account)|\b(?:login|log in|sign in|sign-in|registration|an account) (?:is )?(?:required|mandatory)|\baccount required\b|m[üu]ssen (?:sie )?(?:sich )?(?:angemeldet|eingeloggt|registriert|anmelden|einloggen|registrieren)|(?:anmeldung|registrierung|kundenkonto) (?:ist )?erforderlich|vous devez (?:[êe]tre connect[ée]|vous connecter|cr[ée]er un compte|[êe]tre inscrit)|debes? (?:iniciar sesi[oó]n|registrarte|estar registrado|crear una cuenta)|devi (?:accedere|essere registrato|creare un account)|je moet (?:ingelogd|inloggen|een account)|precisa (?:fazer login|entrar|criar uma conta)/i,
    examples: ['You must be signed in to check out', 'An account is required to place an order', 'Sie müssen sich anmelden, um zu bestellen', 'Vous devez être connecté pour commander'],
    counterExamples: ['Sign in or continue as guest', 'Log in to see your orders faster'],
  },
  /** The purchase itself, so that "log in to comment" is not a checkout wall. */
  checkout: {
    id: 'checkout',
    pattern:
      /\b(?:check ?out|place (?:your |an )?order|order summary|your (?:cart|basket|bag)|payment|billing)\b|kasse|bestellung|zur kasse|commande|panier|paiement|pago|pedido|carrito|cassa|ordine|carrello|afrekenen|bestelling|winkelwagen|finalizar compra|pagamento/i,
    examples: ['You must be signed in to check out', 'Zur Kasse', 'Valider ma commande'],
    counterExamples: ['You must be logged in to reply.'],
  },
  /** A way to buy without an account. */
  guest: {
    id: 'guest',
    pattern:
      /\bguest\b|\bwithout (?:an |creating an )?account|\bno account (?:needed|required)|\bdon['’]t need an account|\bgast\b|als gast|ohne (?:kunden)?konto|invit[ée]|sans (?:cr[ée]er (?:de |un )?)?compte|invitado|sin (?:registr|cuenta)|ospite|senza registrazione|zonder account|convidado|sem cadastro/i,
    examples: ['Continue as guest', 'Checkout without an account', 'Als Gast bestellen', 'Commander en tant qu’invité', 'Comprar como invitado'],
    counterExamples: ['Sign in'],
  },
  /** Content held back until the person shares, follows or gives an email. */
  locked: {
    id: 'locked',
    pattern:
      /\b(?:this |the )?content is (?:locked|hidden)|\bunlock (?:the |this )?(?:content|article|post|download|guide|rest|full)|\bto unlock\b|\b(?:share|tweet|like|follow) (?:this|us|it|the post)? ?to (?:unlock|continue|read|see|access|download|get)|\b(?:enter|give|leave|submit) your e-?mail(?: address)? to (?:read|continue|unlock|see|access|download|get|view)|\bunlock (?:article|now)\b|inhalt (?:ist )?gesperrt|freischalten|contenu (?:est )?(?:verrouill|bloqu)|d[ée]bloquer|contenido bloqueado|desbloquear|contenuto bloccato|sblocca|ontgrendel|conte[úu]do bloqueado/i,
    examples: ['The content is locked', 'Share to unlock the download', 'Enter your email address to download the full report', 'Inhalt freischalten', 'Débloquer le contenu'],
    counterExamples: ['Read the full article', 'Share this post'],
  },
  /** The page sends the person to its app to go on. */
  appWall: {
    id: 'app-wall',
    pattern:
      /\bcontinue (?:with|in|on) (?:the |our )?app\b|\b(?:see|view|read|open|watch) (?:this|it|more|the) (?:(?:full )?(?:post|thread|story|video|page|article|comments?) )?in the app\b|\b(?:only|full \w+ (?:are )?only) (?:available )?in (?:the|our) app\b|\bget the app to (?:continue|see|read|view)|in der app (?:fortfahren|ansehen|weiterlesen)|nur in der app|continuer (?:dans|avec) l['’]app|uniquement dans l['’]app|contin[uú]a(?:r)? en la app|solo en la app|continua (?:nell|con l)['’]app|solo nell['’]app|verder in de app|alleen in de app|continuar no app|apenas no app/i,
    examples: ['Continue with app', 'Watch this video in the app', 'Continue in the app for the full experience', 'In der App fortfahren'],
    counterExamples: ['Get the app', 'Download our app for iOS'],
  },
  /** A way to stay on the web instead. */
  stayOnWeb: {
    id: 'stay-on-web',
    pattern:
      /\b(?:continue|stay|keep reading|go on) (?:in|on|with) (?:the |this |your |mobile )?(?:browser|web|website|site)\b|\bnot now\b|\bmaybe later\b|im browser (?:fortfahren|bleiben)|continuer (?:sur|dans) le (?:navigateur|site)|continuar en el navegador|continua (?:sul|nel) (?:browser|sito)|doorgaan in (?:de )?browser|continuar no navegador/i,
    examples: ['Continue in browser', 'Not now', 'Im Browser fortfahren'],
    counterExamples: ['Continue with app'],
  },
  /** A page's own "allow notifications?" box. */
  notify: {
    id: 'notify',
    pattern:
      /\b(?:show|send) you (?:push |browser )?notifications|\b(?:allow|enable|turn on|activate|get|receive) (?:push |browser |desktop |web )?notifications\b|\bsubscribe to (?:our )?(?:push |web )?notifications|\bget notified\b|\bnotify me\b.{0,30}\b(?:news|stories|updates|articles)|(?:benachrichtigungen|mitteilungen) (?:aktivieren|erlauben|zulassen|erhalten)|push-benachrichtigungen|(?:activer|autoriser|recevoir) (?:les |des |nos )?notifications|(?:activar|permitir|recibir) (?:las )?notificaciones|(?:attiva(?:re)?|consenti(?:re)?|ricevi(?:re)?) (?:le )?notifiche|meldingen (?:aanzetten|inschakelen|toestaan|ontvangen)|(?:ativar|permitir|receber) (?:as )?notifica[çc][õo]es/i,
    examples: ["We'd like to send you notifications about deals", 'Enable push notifications', 'Benachrichtigungen aktivieren', 'Activer les notifications'],
    counterExamples: ['Notification settings saved', 'Replies to my comments'],
  },
  /** Upsell boxes: "frequently bought together", "add all to cart". */
  upsell: {
    id: 'upsell',
    pattern:
      /\bfrequently bought together|\bcustomers (?:who bought this (?:item )?)?also bought|\boften bought together|\badd (?:all|both|all three|these|selected) (?:items )?to (?:cart|basket|bag)|\bcomplete (?:the|your) (?:look|set|order)\b|\brecommended (?:add-ons|extras|accessories)|\bupgrade your (?:order|purchase)|(?:wird oft|h[äa]ufig) zusammen gekauft|kunden kauften auch|alle (?:drei |beide )?in den warenkorb|(?:souvent|fr[ée]quemment) achet[ée]s ensemble|ajouter (?:les|tout) au panier|comprados juntos|a[ñn]adir (?:todo|ambos) al carrito|spesso comprati insieme|aggiungi (?:tutti|entrambi) al carrello|vaak samen gekocht|alles in winkelwagen/i,
    examples: ['Frequently bought together', 'Add both to cart', 'Wird oft zusammen gekauft', 'Souvent achetés ensemble'],
    counterExamples: ['Customers also viewed', 'You may also like'],
  },
  /** A badge that points at one tier. */
  featured: {
    id: 'featured',
    pattern:
      /\bmost popular\b|\bbest (?:value|seller|deal)\b|\brecommended\b|\bour pick\b|\bbeliebteste|\bempfohlen|\bmeilleure offre|\ble plus populaire|\brecommand[ée]|\bm[aá]s popular|\brecomendado|\bpi[uù] popolare|\bconsigliato|\bpopulairst|\baanbevolen|\bmais popular/i,
    examples: ['Most popular', 'Best value', 'Am beliebtesten', 'Le plus populaire'],
    counterExamples: ['Popular searches'],
  },
  /** Choices that are not a price tier: a donation or tip amount. */
  notTier: { id: 'not-tier', pattern: /donat|spende|\btip\b|trinkgeld|pourboire|propina|mancia|fooi|gorjeta|\bdon\b/i, examples: ['Donation amount', 'Trinkgeld'], counterExamples: ['Pro plan'] },
} as const satisfies Record<string, WordRule>;

/** Every rule, for the tests. */
export const WORD_RULES: readonly WordRule[] = Object.values(WORDS);

export type WordKey = keyof typeof WORDS;
/**
 * What `matchWords` found: the matched text of every structural rule that matched, by rule key;
 * and the label and overlay wording of two more detectors: `optIn` (the opt-in rule a checkbox
 * label matches after its vetoes, support/opt-in-keywords.ts) with `optInPurpose`, and
 * `nag.<purpose>` for every overlay purpose the text names (support/nag-purposes.ts), its matched text;
 * `consent.<term>` for every consent term it names (support/consent-text.ts).
 */
export type WordHits = Readonly<Partial<Record<WordKey | 'optIn' | 'optInPurpose' | `nag.${NagPurposeId}` | `consent.${ConsentTermId}`, string>>>;

const ENTRIES = Object.entries(WORDS) as [WordKey, WordRule][];

/**
 * Every rule run on `text`: the background's answer (with the text facts, lib/dark-patterns/text-facts.ts),
 * so the rules never ship in the content script (ARCHITECTURE.md, "Content collects, the background
 * classifies"). About 4 µs a string.
 */
export function matchWords(text: string): WordHits {
  const hits: Partial<Record<string, string>> = {};
  for (const [key, rule] of ENTRIES) {
    const m = rule.pattern.exec(text);
    if (m) hits[key] = m[0];
  }
  const optIn = matchOptIn(text);
  if (optIn) {
    hits.optIn = optIn.id;
    hits.optInPurpose = optIn.purpose;
  }
  for (const purpose of NAG_PURPOSES) {
    const m = purpose.pattern.exec(text);
    if (m) hits[`nag.${purpose.id}`] = m[0];
  }
  for (const term of CONSENT_TERMS) {
    const m = term.pattern.exec(text);
    if (m) hits[`consent.${term.id}`] = m[0];
  }
  return hits;
}
