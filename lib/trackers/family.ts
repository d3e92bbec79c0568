import type { Family } from '../core/family';

/** Trackers are found in the background, from the network (lib/trackers/classify-request.ts): nothing runs in pages. */
export const trackersFamily: Family = {
  id: 'trackers',
  version: 1,
  settingsKey: 'trackers',
  recordKind: 'tracker',
  label: 'Trackers',
  description: 'Requests to tracking and advertising services, beacons and tracking pixels, seen on the network.',
  outside: [],
};
