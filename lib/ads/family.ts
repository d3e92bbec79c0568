import type { Family } from '../core/family';

export const adsFamily: Family = {
  id: 'ads',
  version: 1,
  settingsKey: 'ads',
  recordKind: 'ad',
  label: 'Ads',
  description: 'Ad units shown on the page, and which of them you actually saw (50 % in view for one second).',
  outside: [],
};
