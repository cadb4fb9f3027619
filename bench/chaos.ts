/**
 * `npm run chaos`: R install requests in flight while the worker (its own process) is SIGKILLed every
 * few seconds and restarted, the API process is restarted once, our own Temporal dev server is
 * restarted once on its database file, and PSP-A fails a seeded share of its calls (5xx, no answer,
 * processed but answer lost). The driver keeps acting as people would (bulk approvals, technician
 * confirmations, retries) until every request is final, then checks the invariants:
 * every request final, none lost, no double registration at the PSP, every serial in exactly one
 * place, the audit chain verifies.
 *
 *   npm run chaos -- --requests 500 --kill-every 5 --window 600 --dialect sqlite --deadline 1500
 *
 * Sizes also from CHAOS_REQUESTS, CHAOS_KILL_EVERY_S, CHAOS_WINDOW_S (kills go on that long after the
 * requests are created, then the worker is left to finish), CHAOS_DEADLINE_S, CHAOS_SEED; DB_DIALECT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../db/audit';
import { FINAL_STATES } from '../domain/requests/model';
import { driveOnce, finalCount, newStats, statesOf } from './lib/drive';
import { createMerchant, log, percentile, pool, sleep, startWorld, stockUp, type World } from './lib/world';

export interface ChaosOptions {
  requests: number;
  killEveryMs: number;
  dialect: 'sqlite' | 'postgres';
  deadlineMs: number;
  /** How long the worker keeps being killed after the requests are created; then it is left to finish. */
  chaosWindowMs: number;
  seed: number;
  /** Percentages of PSP-A calls that fail: 5xx, no answer (the adapter times out), processed but answer lost. */
  faults: { error: number; hang: number; lost: number };
  echo?: boolean;
}

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ChaosReport {
  options: ChaosOptions;
  seconds: number;
  workerKills: number;
  /** Workers that ended on their own (started again, as a supervisor would); 0 expected. */
  workerExits: number;
  /** The worker started while Temporal was down found it missing and waited for it. */
  workerWaitedForTemporal: boolean;
  apiRestarts: number;
  temporalRestarts: number;
  workerStartMs: { p50: number; max: number };
  states: Record<string, number>;
  drive: ReturnType<typeof newStats>;
  psp: { calls: number; registrations: number; duplicates: number };
  invariants: Invariant[];
  ok: boolean;
}

export const CHAOS_DEFAULTS: ChaosOptions = {
  requests: 500,
  killEveryMs: 5000,
  dialect: 'sqlite',
  deadlineMs: 25 * 60_000,
  chaosWindowMs: 10 * 60_000,
  seed: 1405,
  faults: { error: 20, hang: 5, lost: 2 },
};

const chaosKey = (i: number): string => `chaos-${String(i).padStart(6, '0')}`;

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  log(`chaos: ${o.requests} requests, worker SIGKILL every ${o.killEveryMs} ms, ${o.dialect}`);
  const world = await startWorld({
    dialect: o.dialect,
    ownTemporal: true,
    sim: { verdictDelayMs: 500 },
    // A PSP that does not answer is given up on after 3 s (the activity retries it).
    env: { PSP_HTTP_TIMEOUT_MS: '3000' },
    echo: o.echo,
  });
  try {
    return await chaos(world, o, started);
  } finally {
    await world.stop();
  }
}

async function chaos(world: World, o: ChaosOptions, started: number): Promise<ChaosReport> {
  await stockUp(world, o.requests, 'CHAOS');
  const merchants = await pool(
    Array.from({ length: o.requests }, (_, i) => i),
    4,
    (i) => createMerchant(world, i + 1),
  );
  log(`${o.requests} merchants and serials ready`);

  const chances = [
    { failure: 'error', percent: o.faults.error, status: 503 },
    { failure: 'hang', percent: o.faults.hang },
    { failure: 'lost', percent: o.faults.lost },
  ];
  for (const operation of ['register', 'defineDevice', 'status'] as const)
    world.sim.control.setFault(operation, { chances: chances as never, seed: o.seed });

  world.startWorker();
  let workerKills = 0;
  let workerExits = 0;
  /** Whether the worker started during the Temporal restart saw it down and waited (not exited). */
  let workerWaitedForTemporal = false;
  /** Spawn → polling, ms, of each worker started (tsx start, database, Temporal connection). */
  const workerStartMs: number[] = [];
  let apiRestarts = 0;
  let temporalRestarts = 0;
  let stopChaos = false;
  let paused = false;
  let chaosUntil = Number.POSITIVE_INFINITY;

  // The worker is SIGKILLed every few seconds of its life (counted from its first poll: a tsx start
  // takes seconds here) and started again at once.
  const killer = (async () => {
    while (!stopChaos) {
      while (!stopChaos && world.worker()?.readyMs === null) {
        // A worker that ends on its own is started again, as a supervisor would; it is reported.
        const w = world.worker();
        if (w && (w.proc.exitCode !== null || w.proc.signalCode !== null)) {
          workerExits += 1;
          log(`the worker exited on its own (${String(w.proc.exitCode ?? w.proc.signalCode)}):\n${w.log.slice(-15).join('\n')}`);
          world.startWorker();
        }
        await sleep(100);
      }
      await sleep(o.killEveryMs);
      if (Date.now() > chaosUntil) break;
      if (stopChaos || paused) continue;
      const before = world.worker();
      if (before?.readyMs != null) workerStartMs.push(before.readyMs);
      await world.killWorker();
      workerKills += 1;
      world.startWorker();
    }
  })();

  // Requests are created through the API; a failure (the API restarting…) is retried with the same client key.
  const ids: string[] = new Array<string>(o.requests);
  const create = pool(merchants, 4, async (m, i) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const res = await world.call('alpha-user', 'POST', '/api/requests', {
          type: 'install',
          pspCode: 'psp-a',
          clientKey: chaosKey(i),
          submit: true,
          payload: { ...m, deviceModel: 'pax-s90' },
        });
        if (res.status === 200 || res.status === 201) {
          ids[i] = (res.body as { id: string }).id;
          return;
        }
        if (res.status < 500 || attempt > 30) throw new Error(`create ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      } catch (err) {
        if (attempt > 30 || (err instanceof Error && err.message.startsWith('create '))) throw err;
      }
      await sleep(1000);
    }
  });

  // The API is restarted once, while requests are being created.
  const apiRestart = (async () => {
    await sleep(Math.min(8000, 200 * o.requests));
    log('restarting the API process');
    await world.stopApi('SIGTERM');
    await world.startApi();
    apiRestarts += 1;
    log('API back');
  })();
  await Promise.all([create, apiRestart]);
  log(`${o.requests} requests created (${workerKills} worker kills so far)`);
  const createdAt = Date.now();
  chaosUntil = createdAt + o.chaosWindowMs;

  const stats = newStats();
  let temporalDone = false;
  const deadline = started + o.deadlineMs;
  let states: Record<string, number> = {};
  let lastLog = 0;
  for (;;) {
    const round = Date.now();
    await driveOnce(world, stats);
    const roundMs = Date.now() - round;
    states = await statesOf(world, ids);
    const final = finalCount(states);
    if (Date.now() - lastLog > 10_000) {
      log(`states ${JSON.stringify(states)}; worker kills ${workerKills}; last driver round ${roundMs} ms`);
      lastLog = Date.now();
    }
    // Temporal is restarted once, halfway through the chaos window (or when a third is past approval).
    const pastApproval = (states.at_psp ?? 0) + (states.installing ?? 0) + (states.done ?? 0);
    if (!temporalDone && (pastApproval >= o.requests * 0.3 || Date.now() > createdAt + o.chaosWindowMs / 2)) {
      temporalDone = true;
      paused = true;
      log('restarting the Temporal dev server (same database file); the worker is killed and started while it is down');
      await world.restartTemporal(async () => {
        // A worker starting while Temporal is down must wait for it (TEMPORAL_CONNECT_PATIENCE), not exit.
        await world.killWorker();
        workerKills += 1;
        const w = world.startWorker();
        // Temporal comes back only once the new worker has found it missing (or after 30 s).
        const until = Date.now() + 30_000;
        while (
          !w.log.some((l) => /Temporal at .* not reachable .*again in/.test(l)) &&
          w.proc.exitCode === null &&
          Date.now() < until
        )
          await sleep(100);
        workerWaitedForTemporal = w.log.some((l) => /Temporal at .* not reachable .*again in/.test(l));
        if (!workerWaitedForTemporal)
          log(`the worker started while Temporal was down did not wait for it:\n${w.log.slice(-15).join('\n')}`);
      });
      temporalRestarts += 1;
      paused = false;
      log('Temporal back');
    }
    if (final === o.requests) break;
    if (Date.now() > deadline) {
      log(`deadline reached with ${final}/${o.requests} final`);
      break;
    }
    await sleep(1000);
  }
  stopChaos = true;
  await killer;
  world.sim.control.clearFaults();
  states = await statesOf(world, ids);
  workerStartMs.sort((a, b) => a - b);

  const report: ChaosReport = {
    options: o,
    seconds: (Date.now() - started) / 1000,
    workerKills,
    workerExits,
    workerWaitedForTemporal,
    apiRestarts,
    temporalRestarts,
    workerStartMs: { p50: percentile(workerStartMs, 50), max: workerStartMs[workerStartMs.length - 1] ?? NaN },
    states,
    drive: stats,
    psp: { calls: 0, registrations: 0, duplicates: 0 },
    invariants: await invariants(world, ids, o),
    ok: false,
  };
  const pspCalls = await world.db.models.PspCall.count();
  report.psp = {
    calls: pspCalls,
    registrations: world.sim.control.requests.filter((r) => r.operation === 'register').length,
    duplicates: world.sim.control.duplicates.length,
  };
  report.ok = report.invariants.every((i) => i.ok);
  return report;
}

async function invariants(world: World, ids: string[], o: ChaosOptions): Promise<Invariant[]> {
  const out: Invariant[] = [];
  const m = world.db.models;
  const rows = await m.Request.findAll({ raw: true });
  const byId = new Map(rows.map((r) => [r.id, r]));

  const created = ids.filter(Boolean);
  const notFinal = rows.filter((r) => created.includes(r.id) && !FINAL_STATES.has(r.state as never));
  out.push({
    name: 'every request reached a final state',
    ok: created.length === o.requests && notFinal.length === 0,
    detail: `${created.length - notFinal.length}/${o.requests} final${
      notFinal.length
        ? `; not final: ${notFinal
            .map((r) => `${r.number}=${r.state}`)
            .join(', ')
            .slice(0, 300)}`
        : ''
    }`,
  });

  const missing = created.filter((id) => !byId.has(id));
  const keys = new Set(rows.map((r) => r.clientKey));
  const missingKeys = Array.from({ length: o.requests }, (_, i) => chaosKey(i)).filter((k) => !keys.has(k));
  const extra = rows.filter((r) => r.clientKey.startsWith('chaos-')).length - o.requests;
  out.push({
    name: 'no request lost (nor created twice)',
    ok: missing.length === 0 && missingKeys.length === 0 && extra === 0,
    detail: `${rows.length} requests in the database for ${o.requests} client keys; missing ${missing.length + missingKeys.length}, extra ${extra}`,
  });

  const sim = world.sim.control;
  const perKey = new Map<string, number>();
  for (const r of sim.requests) perKey.set(r.clientRequestId, (perKey.get(r.clientRequestId) ?? 0) + 1);
  const doubled = [...perKey.entries()].filter(([, n]) => n > 1);
  const registrations = sim.requests.filter((r) => r.operation === 'register');
  const regPerRequest = new Map<string, number>();
  for (const r of registrations) {
    const requestId = r.clientRequestId.replace(/-\d+$/, '');
    regPerRequest.set(requestId, (regPerRequest.get(requestId) ?? 0) + 1);
  }
  const twiceRegistered = [...regPerRequest.values()].filter((n) => n > 1).length;
  const dups = sim.duplicates;
  const differentBody = dups.filter((d) => !d.sameBody);
  out.push({
    name: 'zero double registrations at the PSP',
    ok: doubled.length === 0 && twiceRegistered === 0 && differentBody.length === 0,
    detail: `${registrations.length} registrations for ${regPerRequest.size} requests; ${dups.length} duplicates recorded (all same body: ${differentBody.length === 0}); keys registered twice: ${doubled.length}`,
  });

  const devices = await m.Device.findAll({ where: {}, raw: true });
  const ours = devices.filter((d) => d.serial.startsWith('CHAOS-'));
  const terminals = await m.Terminal.findAll({ raw: true });
  const terminalById = new Map(terminals.map((t) => [t.id, t]));
  const serialOnTerminals = new Map<string, number>();
  for (const t of terminals) if (t.serial) serialOnTerminals.set(t.serial, (serialOnTerminals.get(t.serial) ?? 0) + 1);
  const problems: string[] = [];
  for (const d of ours) {
    const onTerminals = serialOnTerminals.get(d.serial) ?? 0;
    if (d.state === 'installed') {
      const t = d.terminalId ? terminalById.get(d.terminalId) : undefined;
      if (!t || t.serial !== d.serial || d.warehouseId) problems.push(`${d.serial} installed but not on its terminal`);
      if (onTerminals !== 1) problems.push(`${d.serial} on ${onTerminals} terminals`);
    } else {
      if (!d.warehouseId || d.terminalId) problems.push(`${d.serial} ${d.state} without exactly a warehouse`);
      if (onTerminals !== 0) problems.push(`${d.serial} ${d.state} in a warehouse and on a terminal`);
      if (d.state === 'reserved') problems.push(`${d.serial} still reserved for ${String(d.reservedForRequestId)}`);
    }
  }
  const installed = ours.filter((d) => d.state === 'installed').length;
  const done = rows.filter((r) => created.includes(r.id) && r.state === 'done').length;
  if (installed !== done) problems.push(`${installed} serials installed for ${done} done installs`);
  out.push({
    name: 'every serial in exactly one place',
    ok: ours.length === o.requests && problems.length === 0,
    detail: `${ours.length} serials: ${installed} on terminals, ${ours.length - installed} in warehouses${problems.length ? `; ${problems.slice(0, 5).join('; ')}` : ''}`,
  });

  const audit = await verifyAuditChain(world.db);
  out.push({
    name: 'the audit chain verifies',
    ok: audit.ok,
    detail: `${audit.checked} entries${audit.firstBroken ? `; broken at ${audit.firstBroken.seq} (${audit.firstBroken.reason})` : ''}`,
  });
  return out;
}

export function printReport(r: ChaosReport): string {
  const lines = [
    `chaos: ${r.options.requests} requests, ${r.seconds.toFixed(0)} s, worker SIGKILLs ${r.workerKills} (restart to polling p50 ${r.workerStartMs.p50} ms, max ${r.workerStartMs.max} ms), worker exits on its own ${r.workerExits}, a worker waited for Temporal to come back: ${r.workerWaitedForTemporal ? 'yes' : 'no'}, API restarts ${r.apiRestarts}, Temporal restarts ${r.temporalRestarts}`,
    `states: ${JSON.stringify(r.states)}; PSP calls ${r.psp.calls}, registrations ${r.psp.registrations}, duplicates ${r.psp.duplicates}`,
    `driver: ${r.drive.bulkCalls} bulk calls, ${r.drive.approved} approvals, ${r.drive.confirmed} confirmations, ${r.drive.retried} retries, ${r.drive.cancelled} cancellations; refusals/errors ${JSON.stringify(r.drive.errors).slice(0, 600)}`,
    ...r.invariants.map((i) => `${i.ok ? '✔' : '✖'} ${i.name}: ${i.detail}`),
  ];
  return lines.join('\n');
}

function arg(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : process.env[env];
  return v ? Number(v) : fallback;
}

async function main(): Promise<void> {
  const dialectArg = process.argv.indexOf('--dialect');
  const dialect = (dialectArg >= 0 ? process.argv[dialectArg + 1] : (process.env.DB_DIALECT ?? 'sqlite')) as
    'sqlite' | 'postgres';
  const o: ChaosOptions = {
    ...CHAOS_DEFAULTS,
    dialect,
    requests: arg('requests', 'CHAOS_REQUESTS', CHAOS_DEFAULTS.requests),
    killEveryMs: arg('kill-every', 'CHAOS_KILL_EVERY_S', CHAOS_DEFAULTS.killEveryMs / 1000) * 1000,
    chaosWindowMs: arg('window', 'CHAOS_WINDOW_S', CHAOS_DEFAULTS.chaosWindowMs / 1000) * 1000,
    deadlineMs: arg('deadline', 'CHAOS_DEADLINE_S', CHAOS_DEFAULTS.deadlineMs / 1000) * 1000,
    seed: arg('seed', 'CHAOS_SEED', CHAOS_DEFAULTS.seed),
    echo: process.argv.includes('--echo'),
  };
  const report = await runChaos(o);
  const text = printReport(report);
  console.log(`\n${text}`);
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'chaos-latest.json'), JSON.stringify(report, null, 2));
  console.log(
    `\n${report.invariants.filter((i) => i.ok).length} passed, ${report.invariants.filter((i) => !i.ok).length} failed`,
  );
  process.exit(report.ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
