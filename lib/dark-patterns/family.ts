import type { Family } from '../core/family';

export const darkPatternsFamily: Family = {
  id: 'dark-patterns',
  version: 1,
  settingsKey: 'darkPatterns',
  recordKind: 'dark-pattern',
  label: 'Dark patterns',
  description: 'Pressure and trick prompts: consent walls without a real reject, countdowns, shaming declines, pre-ticked boxes, nagging overlays.',
  // No page-world hooks (issue #13): a hook on Notification.requestPermission could be told apart
  // from the browser's own function by any page, so Beaker runs no code in the page's world.
  outside: [],
};
