import { describe, expect, test } from 'vitest';
import { BUTTON_LANGS, BUTTON_PHRASES, classifyButton, normalizeLabel, type ButtonRole } from '../../../lib/dark-patterns/classify-button';

type Row = [label: string, role: ButtonRole];

const TABLE: Record<(typeof BUTTON_LANGS)[number], Row[]> = {
  en: [
    ['Accept all', 'accept'], ['Accept All Cookies', 'accept'], ['Accept & close', 'accept'], ['Allow all', 'accept'], ['I agree', 'accept'],
    ['Agree', 'accept'], ['OK', 'accept'], ['Ok!', 'accept'], ['Got it', 'accept'], ['Got it!', 'accept'], ['Understood', 'accept'], ['Yes', 'accept'],
    ['Continue', 'accept'], ['Yes, I’m happy', 'accept'], ['Consent', 'accept'],
    ['Reject all', 'reject'], ['Reject', 'reject'], ['Decline', 'reject'], ['Deny', 'reject'], ['Refuse all', 'reject'], ['Disagree', 'reject'],
    ['Do not accept', 'reject'], ['I do not agree', 'reject'], ['Continue without accepting', 'reject'], ['Only necessary', 'reject'],
    ['Necessary cookies only', 'reject'], ['Use necessary cookies only', 'reject'], ['Accept only essential cookies', 'reject'],
    ['Allow essential cookies only', 'reject'], ['No thanks', 'reject'], ['Object to all', 'reject'], ['Do not consent', 'reject'],
    ['Manage preferences', 'settings'], ['Cookie settings', 'settings'], ['Settings', 'settings'], ['Customise', 'settings'], ['Customize', 'settings'],
    ['More options', 'settings'], ['Manage options', 'settings'], ['Save preferences', 'settings'], ['Confirm my choices', 'settings'],
    ['Accept selected', 'settings'], ['Allow selection', 'settings'], ['Show purposes', 'settings'], ['Manage consent', 'settings'],
    ['Close', 'other'], ['×', 'other'], ['X', 'other'], ['Learn more', 'other'], ['Privacy policy', 'other'], ['Dismiss', 'other'], ['', 'other'],
  ],
  de: [
    ['Alle akzeptieren', 'accept'], ['Akzeptieren', 'accept'], ['Alle Cookies akzeptieren', 'accept'], ['Zustimmen', 'accept'], ['Ich stimme zu', 'accept'],
    ['Einverstanden', 'accept'], ['Alle zulassen', 'accept'], ['Annehmen', 'accept'], ['Verstanden', 'accept'], ['Akzeptieren und schließen', 'accept'],
    ['Alle ablehnen', 'reject'], ['Ablehnen', 'reject'], ['Nur notwendige Cookies', 'reject'], ['Nur notwendige Cookies akzeptieren', 'reject'],
    ['Nur essenzielle Cookies', 'reject'], ['Weiter ohne Einwilligung', 'reject'], ['Nicht einverstanden', 'reject'], ['Nicht zustimmen', 'reject'],
    ['Einstellungen', 'settings'], ['Cookie-Einstellungen', 'settings'], ['Anpassen', 'settings'], ['Auswahl speichern', 'settings'],
    ['Auswahl erlauben', 'settings'], ['Individuelle Einstellungen', 'settings'], ['Details anzeigen', 'settings'],
    ['Schließen', 'other'], ['Mehr erfahren', 'other'], ['Datenschutzerklärung', 'other'],
  ],
  fr: [
    ['Tout accepter', 'accept'], ['Accepter', 'accept'], ['Accepter et fermer', 'accept'], ['J’accepte', 'accept'], ['D’accord', 'accept'],
    ['OK pour moi', 'accept'], ['Tout autoriser', 'accept'], ['J’ai compris', 'accept'], ['Accepter et continuer', 'accept'],
    ['Tout refuser', 'reject'], ['Refuser', 'reject'], ['Continuer sans accepter', 'reject'], ['Continuer sans accepter →', 'reject'],
    ['Non merci', 'reject'], ['Je refuse', 'reject'], ['Uniquement les cookies nécessaires', 'reject'],
    ['Paramétrer', 'settings'], ['Personnaliser', 'settings'], ['Paramètres', 'settings'], ['Gérer mes choix', 'settings'], ['Plus d’options', 'settings'],
    ['Enregistrer mes choix', 'settings'],
    ['Fermer', 'other'], ['En savoir plus', 'other'],
  ],
  es: [
    ['Aceptar todo', 'accept'], ['Aceptar todas', 'accept'], ['Aceptar', 'accept'], ['Acepto', 'accept'], ['Aceptar y cerrar', 'accept'],
    ['Permitir todas', 'accept'], ['De acuerdo', 'accept'], ['Entendido', 'accept'],
    ['Rechazar todo', 'reject'], ['Rechazar', 'reject'], ['Solo necesarias', 'reject'], ['Sólo las necesarias', 'reject'], ['Continuar sin aceptar', 'reject'],
    ['No acepto', 'reject'], ['Denegar', 'reject'],
    ['Configurar', 'settings'], ['Configuración', 'settings'], ['Personalizar', 'settings'], ['Gestionar cookies', 'settings'], ['Más opciones', 'settings'],
    ['Cerrar', 'other'], ['Más información', 'other'],
  ],
  it: [
    ['Accetta tutto', 'accept'], ['Accetta', 'accept'], ['Accetto', 'accept'], ['Acconsento', 'accept'], ['Ho capito', 'accept'], ['Consenti tutti', 'accept'],
    ['Rifiuta tutto', 'reject'], ['Rifiuta', 'reject'], ['Solo necessari', 'reject'], ['Continua senza accettare', 'reject'], ['Non accetto', 'reject'],
    ['Personalizza', 'settings'], ['Impostazioni', 'settings'], ['Gestisci preferenze', 'settings'], ['Scopri di più e personalizza', 'settings'],
    ['Chiudi', 'other'], ['Scopri di più', 'other'],
  ],
  nl: [
    ['Alles accepteren', 'accept'], ['Accepteren', 'accept'], ['Akkoord', 'accept'], ['Ik ga akkoord', 'accept'], ['Alle cookies toestaan', 'accept'],
    ['Alles weigeren', 'reject'], ['Weigeren', 'reject'], ['Alleen noodzakelijke cookies', 'reject'], ['Niet akkoord', 'reject'], ['Afwijzen', 'reject'],
    ['Instellingen', 'settings'], ['Voorkeuren', 'settings'], ['Aanpassen', 'settings'], ['Selectie toestaan', 'settings'], ['Cookie-instellingen', 'settings'],
    ['Sluiten', 'other'], ['Meer informatie', 'other'],
  ],
  pt: [
    ['Aceitar tudo', 'accept'], ['Aceitar todos', 'accept'], ['Aceitar', 'accept'], ['Aceito', 'accept'], ['Concordo', 'accept'], ['Permitir todos', 'accept'],
    ['Rejeitar tudo', 'reject'], ['Recusar', 'reject'], ['Apenas necessários', 'reject'], ['Continuar sem aceitar', 'reject'], ['Não aceito', 'reject'],
    ['Configurações', 'settings'], ['Definições', 'settings'], ['Personalizar', 'settings'], ['Gerir preferências', 'settings'],
    ['Fechar', 'other'], ['Saiba mais', 'other'],
  ],
  pl: [
    ['Zaakceptuj wszystkie', 'accept'], ['Akceptuję', 'accept'], ['Zgadzam się', 'accept'], ['Zezwól na wszystkie', 'accept'], ['Akceptuj wszystko', 'accept'],
    ['Odrzuć wszystkie', 'reject'], ['Odrzuć', 'reject'], ['Tylko niezbędne', 'reject'], ['Nie zgadzam się', 'reject'], ['Zezwól tylko na niezbędne', 'reject'],
    ['Ustawienia', 'settings'], ['Dostosuj', 'settings'], ['Zarządzaj opcjami', 'settings'], ['Ustawienia plików cookie', 'settings'],
    ['Zamknij', 'other'], ['Dowiedz się więcej', 'other'],
  ],
  sv: [
    ['Acceptera alla', 'accept'], ['Godkänn alla', 'accept'], ['Acceptera', 'accept'], ['Jag godkänner', 'accept'], ['Tillåt alla', 'accept'],
    ['Avvisa alla', 'reject'], ['Neka alla', 'reject'], ['Avböj', 'reject'], ['Endast nödvändiga', 'reject'], ['Tillåt endast nödvändiga', 'reject'],
    ['Inställningar', 'settings'], ['Anpassa', 'settings'], ['Hantera inställningar', 'settings'], ['Spara och stäng', 'settings'],
    ['Stäng', 'other'], ['Läs mer', 'other'],
  ],
  da: [
    ['Accepter alle', 'accept'], ['Acceptér alle', 'accept'], ['Tillad alle', 'accept'], ['Jeg accepterer', 'accept'], ['Godkend', 'accept'], ['Forstået', 'accept'],
    ['Afvis alle', 'reject'], ['Afvis', 'reject'], ['Kun nødvendige', 'reject'], ['Tillad kun nødvendige', 'reject'], ['Nej tak', 'reject'],
    ['Indstillinger', 'settings'], ['Tilpas', 'settings'], ['Vis detaljer', 'settings'], ['Tillad valgte', 'settings'],
    ['Luk', 'other'], ['Læs mere', 'other'],
  ],
  fi: [
    ['Hyväksy kaikki', 'accept'], ['Hyväksy', 'accept'], ['Hyväksyn', 'accept'], ['Salli kaikki', 'accept'], ['Selvä', 'accept'],
    ['Hylkää kaikki', 'reject'], ['Hylkää', 'reject'], ['Vain välttämättömät', 'reject'], ['Salli vain välttämättömät', 'reject'], ['En hyväksy', 'reject'],
    ['Asetukset', 'settings'], ['Evästeasetukset', 'settings'], ['Mukauta', 'settings'], ['Näytä tiedot', 'settings'],
    ['Sulje', 'other'], ['Lue lisää', 'other'],
  ],
  cs: [
    ['Přijmout vše', 'accept'], ['Přijmout všechny', 'accept'], ['Souhlasím', 'accept'], ['Povolit vše', 'accept'], ['Rozumím', 'accept'],
    ['Odmítnout vše', 'reject'], ['Odmítnout', 'reject'], ['Pouze nezbytné', 'reject'], ['Nesouhlasím', 'reject'], ['Povolit pouze nezbytné', 'reject'],
    ['Nastavení', 'settings'], ['Přizpůsobit', 'settings'], ['Upravit nastavení', 'settings'], ['Povolit vybrané', 'settings'],
    ['Zavřít', 'other'], ['Více informací', 'other'],
  ],
};

describe.each(Object.entries(TABLE))('%s', (lang, rows) => {
  test.each(rows)('"%s" -> %s (page language given)', (label, role) => {
    expect(classifyButton(label, { lang })).toBe(role);
  });
  test.each(rows)('"%s" -> %s (page language unknown)', (label, role) => {
    expect(classifyButton(label)).toBe(role);
  });
});

describe('classifyButton', () => {
  test('covers the twelve languages', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...BUTTON_LANGS].sort());
    for (const lang of BUTTON_LANGS) {
      const p = BUTTON_PHRASES[lang];
      expect(p.accept.length, lang).toBeGreaterThan(3);
      expect(p.reject.length, lang).toBeGreaterThan(3);
      expect(p.settings.length, lang).toBeGreaterThan(3);
    }
  });

  test('a region subtag or unknown language still works', () => {
    expect(classifyButton('Alle ablehnen', { lang: 'de-CH' })).toBe('reject');
    expect(classifyButton('Alle ablehnen', { lang: 'ja' })).toBe('reject');
    expect(classifyButton('Tout refuser', { lang: 'en' })).toBe('reject');
  });

  test('a long text is not a button', () => {
    expect(classifyButton('By clicking Accept all you agree to the storing of cookies on your device to enhance site navigation and analyse usage.')).toBe('other');
  });

  test('normalises case, punctuation, symbols and zero-width characters', () => {
    expect(normalizeLabel('  ACCEPT\u200b ALL ✓ ')).toBe('accept all');
    expect(normalizeLabel('Don’t allow')).toBe("don't allow");
    expect(classifyButton('Don’t allow')).toBe('reject');
    expect(classifyButton('→ Tout accepter')).toBe('accept');
  });

  test('reject beats accept, settings beats accept', () => {
    expect(classifyButton('Accept necessary cookies only')).toBe('reject');
    expect(classifyButton('Accept selection')).toBe('settings');
    expect(classifyButton('Nur notwendige akzeptieren')).toBe('reject');
  });
});
