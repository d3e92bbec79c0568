import type { EngagementAct } from '../schema/content-messages';
import { MAX_ACTS_PER_MESSAGE } from '../message-limits';

export interface BatchSender {
  add(act: EngagementAct): void;
  flush(): void;
  stop(): void;
}

/**
 * Acts are sent in batches: at most one message per `intervalMs`, at most MAX_ACTS_PER_MESSAGE acts
 * each, and at once when the page is hidden. A failed send (extension reloaded, worker gone for
 * good) stops the sender instead of throwing into the page.
 */
export function createBatchSender(send: (acts: EngagementAct[]) => Promise<unknown>, intervalMs = 500): BatchSender {
  let acts: EngagementAct[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    while (acts.length > 0 && !stopped) {
      const batch = acts.splice(0, MAX_ACTS_PER_MESSAGE);
      let sending: Promise<unknown>;
      try {
        sending = send(batch);
      } catch {
        // Chrome throws at once when the extension context is gone (extension reloaded).
        stopped = true;
        break;
      }
      sending.catch(() => {
        stopped = true;
      });
    }
  };
  return {
    add(act) {
      if (stopped) return;
      acts.push(act);
      if (acts.length >= MAX_ACTS_PER_MESSAGE) flush();
      else timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
