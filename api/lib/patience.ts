/**
 * Start-up against a service that may not answer yet (Temporal being restarted, a cluster coming up):
 * try, and on failure try again with a doubling pause, until `patienceMs` has passed. Every failed
 * attempt is told (what, why, when the next one is), so a wrong address is visible at once.
 */
export interface PatienceOptions {
  /** Total time to keep trying; 0 means a single attempt. */
  patienceMs: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Told about each failed attempt that is followed by another. */
  onRetry?: (info: { what: string; attempt: number; error: unknown; nextInMs: number }) => void;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export async function withPatience<T>(what: string, attempt: () => Promise<T>, o: PatienceOptions): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const until = now() + Math.max(0, o.patienceMs);
  let delay = o.firstDelayMs ?? 500;
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const left = until - now();
      if (left <= 0) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`${what}: not reachable after ${n} attempt(s): ${why}`, { cause: error });
      }
      const nextInMs = Math.min(delay, left);
      o.onRetry?.({ what, attempt: n, error, nextInMs });
      await sleep(nextInMs);
      delay = Math.min(delay * 2, o.maxDelayMs ?? 10_000);
    }
  }
}
