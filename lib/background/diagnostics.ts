import type { ListDiagnostics } from '../ads/lists/list-manager';
import type { DropReason } from './message-router';

/** Diagnostics the e2e tests and `npm run bench` read from the worker; nothing leaves the device. */
export interface BackgroundDiagnostics {
  ready: boolean;
  startedAt: number;
  readyAt: number | null;
  firstClassifiedAt: number | null;
  /** When the first subresource request reached the worker (it is classified REQUEST_SETTLE_MS later, or at readiness). */
  firstRequestAt: number | null;
  queuedBeforeReady: number;
  dropped: Partial<Record<DropReason, number>>;
  writeRetries: number;
  writeFailures: number;
  /** Visit and event ops a previous worker left in the write-ahead copy, written at this start. */
  writeAheadReplayed: number;
  /** Requests recorded from their response alone: the request itself went to an earlier worker that was stopping (issue #10, item 4). */
  orphanResponses: number;
  /** Findings and acts the per-visit bounds kept out (lib/background/visit-bounds.ts), by kind, since this worker started. */
  capped: Record<string, number>;
  /** Tabs this worker found open that no worker of the session knew: their visits are partial. */
  joinedLate: number;
  /** Requests recorded from Resource Timing entries alone (ARCHITECTURE.md, "Requests Beaker did not see"). */
  resourceTimingRecorded: number;
  initError: string | null;
  /** EasyList (optional, off by default): fetches, failures, state. */
  lists: ListDiagnostics;
}

/** Fresh diagnostics, also put on `globalThis.__beaker` where the tests and the bench read them. */
export function createDiagnostics(): BackgroundDiagnostics {
  const diagnostics: BackgroundDiagnostics = {
    ready: false,
    startedAt: performance.now(),
    readyAt: null,
    firstClassifiedAt: null,
    firstRequestAt: null,
    queuedBeforeReady: 0,
    dropped: {},
    writeRetries: 0,
    writeFailures: 0,
    writeAheadReplayed: 0,
    orphanResponses: 0,
    capped: {},
    joinedLate: 0,
    resourceTimingRecorded: 0,
    initError: null,
    lists: { state: 'off', fetches: 0, fetchFailures: 0, parseFailures: 0, queryFailures: 0, fetchedAt: null, lastError: null },
  };
  (globalThis as { __beaker?: BackgroundDiagnostics }).__beaker = diagnostics;
  return diagnostics;
}
