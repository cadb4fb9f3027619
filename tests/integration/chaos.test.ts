import { CHAOS_DEFAULTS, printReport, runChaos } from '../../bench/chaos';

/**
 * The short chaos run (bench/chaos.ts; `npm run chaos` is the long one): install requests in flight
 * while the worker is SIGKILLed every few seconds, the API and our own Temporal dev server are
 * restarted once, and PSP-A fails 20 % / 5 % / 2 % of its calls (5xx, no answer, answer lost).
 * Every invariant must hold at the end.
 */
test('chaos (short): every request ends, none lost, no double registration, serials in one place, audit verifies', async () => {
  const report = await runChaos({
    ...CHAOS_DEFAULTS,
    requests: Number(process.env.CHAOS_REQUESTS ?? 20),
    killEveryMs: 6000,
    chaosWindowMs: 50_000,
    deadlineMs: 170_000,
    dialect: (process.env.DB_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres',
  });
  console.log(printReport(report));
  expect(report.workerKills).toBeGreaterThanOrEqual(3);
  // A worker started while Temporal restarts waits for it (TEMPORAL_CONNECT_PATIENCE) instead of exiting.
  expect(report.workerWaitedForTemporal).toBe(true);
  expect(report.workerExits).toBe(0);
  expect(report.apiRestarts).toBe(1);
  expect(report.temporalRestarts).toBe(1);
  expect(report.invariants.filter((i) => !i.ok)).toEqual([]);
}, 240_000);
