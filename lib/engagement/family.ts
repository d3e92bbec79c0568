import type { Family } from '../core/family';

/** Engagement is counted by a watcher of trusted input (lib/engagement/watch-engagement.ts), not by the walk. */
export const engagementFamily: Family = {
  id: 'engagement',
  version: 1,
  settingsKey: 'engagement',
  recordKind: 'engagement',
  label: 'Your engagement',
  description: 'Your own deliberate acts: clicks, typing, form submits and media you started.',
  outside: [],
};
