import type { Finding } from '../../core/detector';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { isHidden, textOf, within } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';

export { CountdownTracker, readTime, countdownText, findCountdownHost } from '../support/countdown-tracker';
export type { CountdownReadout, CountdownSighting } from '../../core/detector';

const ID = 'dark-patterns/countdown';

/**
 * Running clocks that are not sales pressure: a one-time code you may ask again for, a session
 * about to time out, a redirect, a game clock. Checked on the timer and the text around it (typed data: each
 * entry with what it must and must not match).
 */
export const BENIGN_TIMER_CONTEXT: readonly { pattern: RegExp; examples: string[]; counterExamples: string[] }[] = [
  {
    pattern: /\b(?:resend|send (?:a )?new code|request (?:a )?new code|code (?:expires|valid))\b|erneut senden|neuen code|renvoyer|reenviar|c[oó]digo/i,
    examples: ['Resend code in 0:45', 'Neuen Code anfordern in 00:30', 'Renvoyer le code dans 00:30'],
    counterExamples: ['Offer ends in 04:59', 'Deal endet in 02:15:09'],
  },
  {
    pattern: /\bsession\b|sitzung|sesi[oó]n|\b(?:logged|signed) out\b|abgemeldet|d[ée]connect|redirect|weiterleitung|redirig|redirecci/i,
    examples: ['Your session expires in 04:59', 'Sie werden in 00:10 abgemeldet', 'Redirecting in 0:05'],
    counterExamples: ['Sale ends in 01:00:00', 'Plus que 00:10:00 pour en profiter'],
  },
  {
    // Live scores: a basketball or hockey game clock runs down in real time.
    pattern: /\b(?:quarter|period|q[1-4]|halftime|half-time|overtime|shot clock|game clock|live score)\b|viertel|drittel|verlängerung|mi-temps|prolongation|cuarto|pr[oó]rroga/i,
    examples: ['Q4 05:32 Lakers 98 – 95 Celtics', '2nd period 12:04', '3. Drittel 04:12'],
    counterExamples: ['Flash sale ends in 05:32', 'Nur heute: noch 04:12'],
  },
];

/** A media player's remaining-time display counts down too; a video or audio nearby means a player. */
function nearMedia(el: Element): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i < 5; i++, node = node.parentElement) {
    if (node.querySelector('video, audio')) return true;
  }
  return false;
}

/**
 * Timers seen counting down in step with the clock. The watching happens outside (a
 * MutationObserver in `watch-countdowns.ts` feeding a `CountdownTracker`); this detector only
 * reports the confirmed ones inside `root`, so it stays pure. Text that merely mentions a time
 * ("ends in 2 days") is `text-patterns`' business, not this one's.
 */
export const countdown: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['countdown-timer'],
  description: 'Timers that visibly count down by the elapsed time (watched over a few seconds), outside media players and login-code prompts.',
  // Candidates come from the countdown watcher (lib/content/watch-countdowns.ts), not the walk.
  sources: {},
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const sightings = ctx.countdowns?.confirmed() ?? [];
    const findings: Finding[] = [];
    for (const s of sightings) {
      if (!s.element.isConnected || !within(root, s.element)) continue;
      if (nearMedia(s.element) || isHidden(s.element, ctx.win)) continue;
      const around = s.element.parentElement ?? s.element;
      const context = `${s.text} ${textOf(around, { maxChars: 300, maxNodes: 300, ariaHidden: false })}`;
      if (BENIGN_TIMER_CONTEXT.some((rule) => rule.pattern.test(context))) continue;
      findings.push(
        darkPatternFinding(ID, s.element, 'countdown-timer', 0.9, s.text, [
          reason('countdown/falls-with-time', `fell ${s.fell} s in ${s.elapsed} s over ${s.samples} samples`),
        ]),
      );
    }
    return findings;
  },
};
