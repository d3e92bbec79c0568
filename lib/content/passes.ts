import type { Pass } from '../core/detector';
import { CONTENT_FAMILIES } from '../registry-page';

export { CONTENT_INDEX_SPEC, FAMILY_PASSES, versionedDetectorId, type FamilyContentPass } from '../registry-page';

/** The passes the content script runs, in registry order. */
export const CONTENT_PASSES: readonly Pass[] = CONTENT_FAMILIES.map((f) => f.pass);
