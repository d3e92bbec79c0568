import type { DarkPatternFinding } from '../../core/detector';
import { darkPatternFinding, reason } from '../support/finding';

/**
 * Notification permission prompts the page asks for before the person did anything.
 *
 * Two halves. `installNotificationHook` runs in the page's MAIN world (the only place that sees
 * the page's own `Notification`), wraps `Notification.requestPermission` and
 * `PushManager.prototype.subscribe`, and posts a window message when one is called while the
 * browser says there was no recent click or key press (`navigator.userActivation.isActive`
 * false; the same transient activation browsers use to gate pop-ups, about 5 s). The other half,
 * `readNotificationHookMessage` and `notificationFinding`, is pure and runs in the content script.
 *
 * The page can forge the message or unwrap the hook, so a finding from it is only a hint: low
 * confidence, and dropped when the content script itself saw a gesture just before.
 */

export const NOTIFICATION_HOOK_SOURCE = 'beaker-notification-hook';
export const NOTIFICATION_HOOK_ID = 'dark-patterns/notification-hook';
export const NOTIFICATION_HOOK_VERSION = 1;
const ID = NOTIFICATION_HOOK_ID;
const APIS = ['Notification.requestPermission', 'PushManager.subscribe'] as const;
export type HookedApi = (typeof APIS)[number];

export interface NotificationHookReport {
  api: HookedApi;
  /** `Date.now()` in the page when the call happened. */
  at: number;
}

/**
 * Injected into the MAIN world (e.g. `browser.scripting.executeScript({ world: 'MAIN', func })`
 * or a WXT unlisted script): it must stay self-contained, using nothing from this module's scope.
 */
export function installNotificationHook(): void {
  const SOURCE = 'beaker-notification-hook';
  const MARK = Symbol.for('beaker.notification-hook');
  type Fn = ((...args: unknown[]) => unknown) & { [key: symbol]: boolean };
  const report = (api: string) => {
    try {
      const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
      // Without the API (older browsers) the question cannot be answered: say nothing.
      if (!activation || activation.isActive) return;
      const N = (window as Window & { Notification?: { permission?: string } }).Notification;
      // Only a call that can show a prompt counts; once granted or denied, nothing is shown.
      if (N && N.permission !== 'default') return;
      window.postMessage({ source: SOURCE, api, at: Date.now() }, '*');
    } catch {
      // Never break the page's own call.
    }
  };
  const wrap = (owner: object | undefined, key: string, api: string) => {
    if (!owner) return;
    const original = (owner as Record<string, unknown>)[key];
    if (typeof original !== 'function' || (original as Fn)[MARK]) return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      report(api);
      return (original as Fn).apply(this, args);
    } as Fn;
    wrapped[MARK] = true;
    try {
      Object.defineProperty(owner, key, { value: wrapped, writable: true, configurable: true });
    } catch {
      // A frozen or non-configurable property: leave the page alone.
    }
  };
  const w = window as Window & { Notification?: object; PushManager?: { prototype: object } };
  wrap(w.Notification, 'requestPermission', 'Notification.requestPermission');
  wrap(w.PushManager?.prototype, 'subscribe', 'PushManager.subscribe');
}

/** Validate a window message as a hook report (it comes from the page: trust nothing). */
export function readNotificationHookMessage(data: unknown): NotificationHookReport | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as { source?: unknown; api?: unknown; at?: unknown };
  if (m.source !== NOTIFICATION_HOOK_SOURCE) return null;
  if (typeof m.api !== 'string' || !(APIS as readonly string[]).includes(m.api)) return null;
  if (typeof m.at !== 'number' || !Number.isFinite(m.at)) return null;
  return { api: m.api as HookedApi, at: m.at };
}

/** Transient user activation lasts about 5 s in Chrome and Firefox. */
const ACTIVATION_MS = 5000;
export const NOTIFICATION_HOOK_CONFIDENCE = 0.3;

/**
 * The finding for a hook report, on the document element (the prompt itself is browser UI), or
 * null when the content script saw a trusted gesture within the activation window: then the report
 * contradicts what we saw, and we believe our own eyes.
 */
export function notificationFinding(
  report: NotificationHookReport,
  doc: Document,
  facts: { lastUserGestureAt?: number | null } = {},
): DarkPatternFinding | null {
  const gesture = facts.lastUserGestureAt;
  if (typeof gesture === 'number' && report.at - gesture >= 0 && report.at - gesture < ACTIVATION_MS) return null;
  const what = report.api === 'PushManager.subscribe' ? 'push notifications' : 'notification permission';
  return darkPatternFinding(ID, doc.documentElement, 'notification-without-gesture', NOTIFICATION_HOOK_CONFIDENCE, `The page asked for ${what} before any click or key press.`, [
    reason('notification/no-user-activation', `${report.api}() called without user activation (reported by the page world)`),
  ]);
}
