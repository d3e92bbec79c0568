import { createClassifier, type Classifier } from '../../../../lib/trackers/classify-request';
import type { HostVerdict } from '../../../../lib/core/detector';
import { loadTrackerDbFromNodeModules } from '../../../helpers/trackerdb-node';

export type VerdictFor = (pageUrl: string) => (url: string) => HostVerdict | null;

/**
 * `ctx.verdict` backed by the real classifier and the real TrackerDB engine from node_modules, as
 * the background classifies an element's request: never a mock, so the fixtures test which hosts
 * TrackerDB actually calls advertising. The request type is `sub_frame` for every URL: TrackerDB's
 * ad-host entries do not depend on the type, and `ctx.verdict(url)` does not pass one.
 */
export function verdictFromClassifier(classifier: Classifier): VerdictFor {
  return (pageUrl) => (url) => {
    const finding = classifier.classify({ url, type: 'sub_frame', documentUrl: pageUrl });
    if (finding === null || finding.tracker === null) return null;
    return {
      category: finding.tracker.category,
      organization: finding.tracker.organization?.name ?? null,
      targeting: finding.targeting,
    };
  };
}

let loading: Promise<VerdictFor> | null = null;

/** Loads the engine once per process (about a second). */
export function loadRealVerdict(): Promise<VerdictFor> {
  loading ??= loadTrackerDbFromNodeModules().then((db) => verdictFromClassifier(createClassifier(db)));
  return loading;
}
