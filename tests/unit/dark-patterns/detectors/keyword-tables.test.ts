import { describe, expect, test } from 'vitest';
import { z } from 'zod/mini';
import { regexShapeProblem } from '../../../../lib/dark-patterns/regex-shape';
import { BENIGN_TIMER_CONTEXT } from '../../../../lib/dark-patterns/detectors/countdown';
import { NECESSARY_PURPOSE } from '../../../../lib/dark-patterns/detectors/consent-dialog';
import { CONSENT_TERMS, consentScore } from '../../../../lib/dark-patterns/support/consent-text';
import { NAG_PURPOSES } from '../../../../lib/dark-patterns/support/nag-purposes';
import { matchOptIn, NOT_OPT_IN_RULES, OPT_IN_RULES, vetoes } from '../../../../lib/dark-patterns/support/opt-in-keywords';

/** Every keyword table of the dark-pattern detectors: rules are data, checked here. */
const entry = z.object({
  pattern: z.custom<RegExp>((v) => v instanceof RegExp && !v.global && !v.sticky),
  examples: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  counterExamples: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
});

type Entry = { pattern: RegExp; unless?: RegExp; examples: string[]; counterExamples: string[]; id?: string };
const TABLES: Record<string, readonly Entry[]> = {
  OPT_IN_RULES,
  NOT_OPT_IN_RULES,
  CONSENT_TERMS,
  NAG_PURPOSES,
  BENIGN_TIMER_CONTEXT,
};

const rows = Object.entries(TABLES).flatMap(([table, entries]) => entries.map((e, i) => [`${table}[${e.id ?? i}]`, e] as const));

describe('keyword tables', () => {
  test.each(rows)('%s is well-formed and linear-time by shape', (_, e) => {
    expect(entry.safeParse(e).success).toBe(true);
    // The same lint the text classifier's rules pass (no unbounded or nested repetition).
    expect(regexShapeProblem(e.pattern.source)).toBeNull();
    if (e.unless) expect(regexShapeProblem(e.unless.source)).toBeNull();
  });

  /** What a row's examples are about: the pattern, or for a veto with `unless`, the veto. */
  const applies = (e: Entry, text: string) => (e.unless ? vetoes({ id: e.id ?? '', ...e }, text) : e.pattern.test(text));

  const examples = rows.flatMap(([name, e]) => e.examples.map((x) => [name, x, e] as const));
  const counter = rows.flatMap(([name, e]) => e.counterExamples.map((x) => [name, x, e] as const));
  test.each(examples)('%s matches %j', (_, text, e) => {
    expect(applies(e, text)).toBe(true);
  });
  test.each(counter)('%s does not match %j', (_, text, e) => {
    expect(applies(e, text)).toBe(false);
  });
});

describe('matchOptIn', () => {
  test.each([
    ['Send me special offers and news by email', 'marketing'],
    ['Ja, ich möchte den Newsletter erhalten', 'marketing'],
    ['Partager mes données avec des partenaires', 'data-sharing'],
    ['Añadir seguro de viaje', 'insurance'],
    ['Add gift wrap for $4.99', 'add-on'],
    ['1 € spenden', 'donation'],
    ['I agree to the terms and to receive offers from partners', 'marketing'],
  ])('detects %j as %s', (label, purpose) => {
    expect(matchOptIn(label)?.purpose).toBe(purpose);
  });

  test.each(['Remember me', 'Keep me signed in', 'I agree to the Terms of Service', 'Same as billing address', 'Angemeldet bleiben', 'Show password', 'Save this card for future purchases', ''])(
    'ignores %j',
    (label) => {
      expect(matchOptIn(label)).toBeNull();
    },
  );
});

describe('consentScore', () => {
  test.each(['We use cookies to improve your site', 'Wir und unsere Partner verarbeiten Daten', 'Datenschutz und personenbezogene Daten'])('consent: %j', (text) => {
    expect(consentScore(text).consent).toBe(true);
  });
  test.each(['Anmelden · Datenschutz · Impressum', 'Subscribe to our newsletter', 'Privacy policy'])('not consent: %j', (text) => {
    expect(consentScore(text).consent).toBe(false);
  });
});

describe('NECESSARY_PURPOSE', () => {
  test.each(['Strictly necessary', 'Technisch notwendig', 'Cookies nécessaires', 'Cookies técnicas', 'Essential'])('necessary: %j', (t) => {
    expect(NECESSARY_PURPOSE.test(t)).toBe(true);
  });
  test.each(['Analytics', 'Personalised advertising', 'Marketing', 'Statistiken', 'Publicité'])('optional: %j', (t) => {
    expect(NECESSARY_PURPOSE.test(t)).toBe(false);
  });
});
