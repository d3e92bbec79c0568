// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  installNotificationHook,
  NOTIFICATION_HOOK_CONFIDENCE,
  NOTIFICATION_HOOK_SOURCE,
  notificationFinding,
  readNotificationHookMessage,
} from '../../../../lib/dark-patterns/detectors/notification-hook';

type W = Window & { Notification?: unknown; PushManager?: unknown };

/** A page-world Notification and PushManager with call counters, and a settable user activation. */
function fakePage(permission = 'default', isActive = false) {
  const calls = { request: 0, subscribe: 0 };
  const Notification = {
    permission,
    requestPermission: (..._args: unknown[]) => {
      calls.request += 1;
      return Promise.resolve('default');
    },
  };
  class PushManager {
    subscribe() {
      calls.subscribe += 1;
      return Promise.resolve({ endpoint: 'https://push.example/1' });
    }
  }
  Object.defineProperty(window, 'Notification', { value: Notification, configurable: true, writable: true });
  Object.defineProperty(window, 'PushManager', { value: PushManager, configurable: true, writable: true });
  Object.defineProperty(navigator, 'userActivation', { value: { isActive }, configurable: true });
  return { calls, Notification, PushManager };
}

let messages: unknown[] = [];
const onMessage = (e: MessageEvent) => messages.push(e.data);

beforeEach(() => {
  messages = [];
  window.addEventListener('message', onMessage);
});
afterEach(() => {
  window.removeEventListener('message', onMessage);
  delete (window as W).Notification;
  delete (window as W).PushManager;
});

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('installNotificationHook (page world)', () => {
  test('reports requestPermission and subscribe called without user activation, and still calls them', async () => {
    const page = fakePage('default', false);
    installNotificationHook();
    await expect((window as W & { Notification: typeof page.Notification }).Notification.requestPermission()).resolves.toBe('default');
    await new page.PushManager().subscribe();
    await settle();
    expect(page.calls).toEqual({ request: 1, subscribe: 1 });
    expect(messages.map((m) => readNotificationHookMessage(m)?.api)).toEqual(['Notification.requestPermission', 'PushManager.subscribe']);
  });

  test('says nothing after a click (activation), or once permission was decided', async () => {
    const page = fakePage('default', true);
    installNotificationHook();
    await page.Notification.requestPermission();
    const granted = fakePage('granted', false);
    installNotificationHook();
    await granted.Notification.requestPermission();
    await settle();
    expect(messages).toEqual([]);
  });

  test('wraps once when injected twice', async () => {
    const page = fakePage();
    installNotificationHook();
    installNotificationHook();
    await page.Notification.requestPermission();
    await settle();
    expect(messages).toHaveLength(1);
    expect(page.calls.request).toBe(1);
  });

  test('is self-contained: works when serialised, as executeScript({ world: "MAIN", func }) does', async () => {
    const page = fakePage();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function(`(${installNotificationHook.toString()})()`)();
    await page.Notification.requestPermission();
    await settle();
    expect(messages).toHaveLength(1);
  });

  test('without the userActivation API it says nothing', async () => {
    const page = fakePage();
    Object.defineProperty(navigator, 'userActivation', { value: undefined, configurable: true });
    installNotificationHook();
    await page.Notification.requestPermission();
    await settle();
    expect(messages).toEqual([]);
  });
});

describe('readNotificationHookMessage', () => {
  test('reads a report', () => {
    expect(readNotificationHookMessage({ source: NOTIFICATION_HOOK_SOURCE, api: 'PushManager.subscribe', at: 12 })).toEqual({ api: 'PushManager.subscribe', at: 12 });
  });
  test.each([
    null,
    'beaker-notification-hook',
    { source: 'other', api: 'Notification.requestPermission', at: 1 },
    { source: NOTIFICATION_HOOK_SOURCE, api: 'Geolocation.getCurrentPosition', at: 1 },
    { source: NOTIFICATION_HOOK_SOURCE, api: 'Notification.requestPermission', at: 'now' },
    { source: NOTIFICATION_HOOK_SOURCE, api: 'Notification.requestPermission', at: Number.NaN },
  ])('rejects %j', (data) => {
    expect(readNotificationHookMessage(data)).toBeNull();
  });
});

describe('notificationFinding', () => {
  test('a low-confidence hint on the document element', () => {
    const f = notificationFinding({ api: 'Notification.requestPermission', at: 10_000 }, document, { lastUserGestureAt: null });
    expect(f).toMatchObject({ type: 'notification-without-gesture', category: 'attention', confidence: NOTIFICATION_HOOK_CONFIDENCE, element: document.documentElement });
    expect(f!.confidence).toBeLessThan(0.5);
    expect(f!.evidence.length).toBeLessThanOrEqual(200);
  });
  test('dropped when the content script saw a gesture just before (the page report contradicts it)', () => {
    expect(notificationFinding({ api: 'Notification.requestPermission', at: 10_000 }, document, { lastUserGestureAt: 8_000 })).toBeNull();
    expect(notificationFinding({ api: 'Notification.requestPermission', at: 10_000 }, document, { lastUserGestureAt: 1_000 })).not.toBeNull();
  });
});
