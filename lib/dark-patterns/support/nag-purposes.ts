/**
 * What an overlay that jumps out at the person is asking for, en/de/fr/es. Typed data with
 * examples and counterExamples. An overlay that asks for none of these (a country picker, an age
 * check, a video lightbox) is not reported as nagging.
 */
import { NAG_PURPOSE_IDS } from './nag-purpose-ids';

export type NagPurposeId = (typeof NAG_PURPOSE_IDS)[number];

export interface NagPurpose {
  id: NagPurposeId;
  pattern: RegExp;
  examples: string[];
  counterExamples: string[];
}

export const NAG_PURPOSES: readonly NagPurpose[] = [
  {
    id: 'newsletter',
    pattern:
      /newsletter|subscribe|sign up for (?:our )?(?:e-?mails?|updates|news)|join (?:our )?(?:mailing list|community|list)|\d{1,3} ?% off your (?:first )?order|abonnieren|melden sie sich an|abonnez-vous|inscrivez-vous|lettre d['’]information|suscr[ií]bete|bolet[ií]n/i,
    examples: ['Subscribe to our newsletter', 'Get 10% off your first order', 'Jetzt Newsletter abonnieren', 'Abonnez-vous à notre lettre d’information', 'Suscríbete a nuestro boletín'],
    counterExamples: ['Choose your country', 'Play video'],
  },
  {
    id: 'app-download',
    pattern:
      /download (?:the|our) app|get the app|open in (?:the )?app|continue in (?:the )?app|use the app|app herunterladen|in der app öffnen|zur app|télécharge[rz]? l['’]app|ouvrir dans l['’]app|descarga(?:r)? (?:la|nuestra) app|abrir en la app/i,
    examples: ['Download our app for a better experience', 'Open in app', 'App herunterladen', "Téléchargez l'application", 'Abrir en la app'],
    counterExamples: ['Download invoice (PDF)'],
  },
  {
    id: 'ad-blocker',
    pattern: /ad ?-?block|disable your ad|allow ?list us|whitelist|werbeblocker|bloqueur de pub|bloqueurs? de publicité|bloqueador de (?:anuncios|publicidad)/i,
    examples: ['It looks like you are using an ad blocker', 'Please disable your AdBlock', 'Bitte deaktivieren Sie Ihren Werbeblocker', 'Désactivez votre bloqueur de publicité', 'Desactiva tu bloqueador de anuncios'],
    counterExamples: ['Advertise with us'],
  },
  {
    id: 'sign-up',
    pattern:
      /(?:sign up|register|create (?:a |an )?(?:free )?account|log ?in|sign in) to (?:continue|keep reading|read|see more|unlock)|kostenlos registrieren|registrieren sie sich|weiterlesen mit|inscrivez-vous pour (?:continuer|lire)|crea una cuenta para|reg[ií]strate para/i,
    examples: ['Sign up to continue reading', 'Create a free account to keep reading', 'Registrieren Sie sich, um weiterzulesen'],
    counterExamples: ['Sign in'],
  },
  {
    id: 'notifications',
    pattern: /(?:allow|enable|turn on|get) (?:push )?notifications|benachrichtigungen (?:aktivieren|erlauben|zulassen)|activer les notifications|activa(?:r)? las notificaciones/i,
    examples: ['Turn on notifications to never miss a story', 'Benachrichtigungen aktivieren', 'Activer les notifications'],
    counterExamples: ['Notification settings saved'],
  },
  {
    id: 'survey',
    pattern: /take (?:a |our )?(?:quick |short )?survey|quick survey|give (?:us )?feedback|rate (?:us|your experience)|umfrage|feedback geben|questionnaire|enqu[eê]te de satisfaction|encuesta/i,
    examples: ['Take our quick survey', 'Nehmen Sie an unserer Umfrage teil', 'Répondez à notre questionnaire', 'Responde a nuestra encuesta'],
    counterExamples: ['Contact support'],
  },
  {
    id: 'exit-offer',
    pattern: /before you (?:go|leave)|don['’]t (?:go|leave)|wait!|warte!|bevor sie gehen|avant de partir|attendez|antes de irte|no te vayas/i,
    examples: ['Wait! Before you go…', 'Bevor Sie gehen: 10 % Rabatt', 'Attendez ! Avant de partir', '¡Espera! No te vayas'],
    counterExamples: ['Go to checkout'],
  },
];
