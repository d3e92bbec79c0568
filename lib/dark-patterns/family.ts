import type { Family } from '../core/family';
import { NOTIFICATION_HOOK_ID, NOTIFICATION_HOOK_VERSION } from './detectors/notification-hook';

export const darkPatternsFamily: Family = {
  id: 'dark-patterns',
  version: 1,
  settingsKey: 'darkPatterns',
  recordKind: 'dark-pattern',
  label: 'Dark patterns',
  description: 'Pressure and trick prompts: consent walls without a real reject, countdowns, shaming declines, pre-ticked boxes, nagging overlays.',
  outside: [
    {
      id: NOTIFICATION_HOOK_ID,
      version: NOTIFICATION_HOOK_VERSION,
      description: 'Notification permission asked without a click or key press (a page-world hook; a hint only).',
    },
  ],
};
