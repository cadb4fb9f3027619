/**
 * Work against a service that may not answer yet (Temporal being restarted, a cluster coming up):
 * try, and on failure try again with a doubling pause, until `patienceMs` has passed (Infinity: until
 * it works or `signal` aborts). Every failed attempt is told (what, why, when the next one is), so a
 * wrong address is visible at once.
 */
export interface PatienceOptions {
  /** Total time to keep trying; 0 means a single attempt. */
  patienceMs: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Told about each failed attempt that is followed by another; `why` is the error's message. */
  onRetry?: (info: { what: string; attempt: number; error: unknown; why: string; nextInMs: number }) => void;
  /** Stops the trying (the pending pause ends at once); the promise then rejects. */
  signal?: AbortSignal;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A pause that an abort ends at once (no timer left to hold the process). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function withPatience<T>(what: string, attempt: () => Promise<T>, o: PatienceOptions): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => pause(ms, o.signal));
  const now = o.now ?? Date.now;
  const until = now() + Math.max(0, o.patienceMs);
  let delay = o.firstDelayMs ?? 500;
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const why = reasonOf(error);
      if (o.signal?.aborted) throw new Error(`${what}: stopped after ${n} attempt(s): ${why}`, { cause: error });
      const left = until - now();
      if (left <= 0) throw new Error(`${what}: not reachable after ${n} attempt(s): ${why}`, { cause: error });
      const nextInMs = Math.min(delay, left);
      o.onRetry?.({ what, attempt: n, error, why, nextInMs });
      await sleep(nextInMs);
      if (o.signal?.aborted) throw new Error(`${what}: stopped after ${n} attempt(s): ${why}`, { cause: error });
      delay = Math.min(delay * 2, o.maxDelayMs ?? 10_000);
    }
  }
}
