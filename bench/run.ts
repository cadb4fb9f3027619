/**
 * `npm run bench`: measures Kartabl against baselines taken in the same run, and writes
 * bench/results/latest.json + latest.md. Not part of the test suite.
 *
 *   npm run bench -- [--only throughput,inbox,tokens,import] [--requests 2000] [--inbox-rows 1000000]
 *                    [--serials 100000] [--dialects sqlite,postgres]
 *
 * Sizes also from BENCH_REQUESTS, BENCH_INBOX_ROWS, BENCH_SERIALS, BENCH_INBOX_QUERIES,
 * BENCH_TOKEN_CALLS, BENCH_PSP_LATENCY_MS. PostgreSQL is measured when KARTABL_TEST_PG_URL is set.
 * Keycloak and Temporal: the shared ones from KARTABL_TEST_* when set (see bench/lib/world.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FINAL_STATES } from '../domain/requests/model';
import { requestThroughput, type ThroughputResult } from './throughput';
import { inboxLatency, type InboxResult } from './inbox';
import { tokenVerification, type TokenResult } from './tokens';
import { serialImport, type ImportResult } from './import';
import { log } from './lib/world';

export interface BenchOptions {
  only: string[];
  requests: number;
  pspLatencyMs: number;
  inboxRows: number;
  inboxQueries: number;
  clients: number;
  realms: number;
  tokenCalls: number;
  serials: number;
  dialects: ('sqlite' | 'postgres')[];
}

function flag(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : process.env[env]) ?? fallback;
}

export function options(): BenchOptions {
  const num = (name: string, env: string, d: number) => Number(flag(name, env, String(d)));
  return {
    only: flag('only', 'BENCH_ONLY', 'throughput,inbox,tokens,import').split(','),
    requests: num('requests', 'BENCH_REQUESTS', 2000),
    pspLatencyMs: num('psp-latency', 'BENCH_PSP_LATENCY_MS', 100),
    inboxRows: num('inbox-rows', 'BENCH_INBOX_ROWS', 1_000_000),
    inboxQueries: num('inbox-queries', 'BENCH_INBOX_QUERIES', 2000),
    clients: num('clients', 'BENCH_CLIENTS', 50),
    realms: num('realms', 'BENCH_REALMS', 200),
    tokenCalls: num('token-calls', 'BENCH_TOKEN_CALLS', 2000),
    serials: num('serials', 'BENCH_SERIALS', 100_000),
    dialects: flag('dialects', 'BENCH_DIALECTS', process.env.KARTABL_TEST_PG_URL ? 'sqlite,postgres' : 'sqlite').split(
      ',',
    ) as BenchOptions['dialects'],
  };
}

export interface BenchResults {
  at: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; loadAverage: number[]; platform: string };
  versions: Record<string, string>;
  options: BenchOptions;
  throughput?: { ours: ThroughputResult; baseline: ThroughputResult & { description: string }; ratio: number };
  inbox?: InboxResult[];
  tokens?: TokenResult;
  import?: ImportResult[];
  /** When each section was measured (sections of one file may come from separate runs, see --merge). */
  measuredAt?: Partial<Record<Section, { at: string; loadAverage: number[] }>>;
}

type Section = 'throughput' | 'inbox' | 'tokens' | 'import';

const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '–');

export function markdown(r: BenchResults): string {
  const o = r.options;
  const out = [
    `# Kartabl benchmarks — ${r.at}`,
    '',
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${f(r.machine.memoryGiB)} GiB, load average at start ${r.machine.loadAverage.map((x) => f(x, 2)).join(' ')}; ` +
      Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
    '',
    'Ratios are against a baseline measured in the same run on the same machine; absolute figures are beside them.',
    '',
    '| measurement | sizes | ours | baseline | ratio |',
    '| --- | --- | --- | --- | --- |',
  ];
  if (r.throughput) {
    const { ours, baseline, ratio } = r.throughput;
    out.push(
      `| request throughput (install, API → PSP-A → technician → active) | ${ours.count} requests, PSP latency ${o.pspLatencyMs} ms | ${f(ours.perSecond, 2)} req/s; e2e p50 ${f(ours.p50Ms / 1000, 2)} s, p95 ${f(ours.p95Ms / 1000, 2)} s | bare workflow (${baseline.description}): ${f(baseline.perSecond, 2)} wf/s; p50 ${f(baseline.p50Ms / 1000, 2)} s, p95 ${f(baseline.p95Ms / 1000, 2)} s | ours/baseline = ${f(ratio, 3)} |`,
    );
  }
  for (const i of r.inbox ?? []) {
    out.push(
      `| inbox list (${i.dialect}) | ${i.rows.toLocaleString('en')} requests (+ tasks), ${i.queries} calls, ${i.clients} clients | GET /api/inbox p50 ${f(i.api.p50)} / p95 ${f(i.api.p95)} / p99 ${f(i.api.p99)} ms | plain SQL p50 ${f(i.sql.p50)} / p95 ${f(i.sql.p95)} / p99 ${f(i.sql.p99)} ms | API/SQL p50 ${f(i.api.p50 / i.sql.p50, 2)}, p95 ${f(i.api.p95 / i.sql.p95, 2)} |`,
    );
  }
  if (r.tokens) {
    // Files of earlier versions have no one-at-a-time figures.
    const t = { ...r.tokens, serial: r.tokens.serial ?? { authedP50: NaN, publicP50: NaN, costMs: NaN } };
    out.push(
      `| token verification | ${t.realms} agent realms, ${t.calls} calls, ${t.clients} clients (and ${Math.min(500, t.calls)} one at a time) | authenticated p50 ${f(t.authed.p50, 2)} ms, ${f(t.authed.perSecond, 0)} req/s; one at a time p50 ${f(t.serial.authedP50, 2)} ms | public /api/health p50 ${f(t.public.p50, 2)} ms, ${f(t.public.perSecond, 0)} req/s; one at a time p50 ${f(t.serial.publicP50, 2)} ms | one at a time +${f(t.serial.costMs, 2)} ms per request (×${f(t.serial.authedP50 / t.serial.publicP50, 2)}); CPU per request from the rates +${f(t.costFromRateMs, 2)} ms; p50 at ${t.clients} clients +${f(t.costPerRequestMs, 2)} ms (queueing); RS256 check alone ${f(t.cryptoMs, 3)} ms, the route's query alone ${f(t.routeQueryMs, 2)} ms |`,
    );
  }
  for (const i of r.import ?? []) {
    out.push(
      `| bulk serial import (${i.dialect}) | ${i.serials.toLocaleString('en')} serials | ${f(i.seconds)} s (${f(i.serials / i.seconds, 0)} serials/s), peak RSS ${f(i.peakRssMiB, 0)} MiB | idle process RSS ${f(i.baseRssMiB, 0)} MiB | +${f(i.peakRssMiB - i.baseRssMiB, 0)} MiB |`,
    );
  }
  const when = Object.entries(r.measuredAt ?? {});
  if (new Set(when.map(([, w]) => w.at)).size > 1) {
    out.push(
      '',
      'Measured in separate runs (each ratio is within its own run): ' +
        when.map(([k, w]) => `${k} at ${w.at} (load ${w.loadAverage.map((x) => f(x, 2)).join(' ')})`).join('; ') +
        '.',
    );
  }
  if (r.throughput) {
    out.push('', `Request throughput end states: ${JSON.stringify(r.throughput.ours.states)}.`);
  }
  for (const i of r.inbox ?? []) if (i.note) out.push('', `Inbox (${i.dialect}): ${i.note}`);
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  const o = options();
  const results: BenchResults = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: os.totalmem() / 2 ** 30,
      loadAverage: os.loadavg(),
      platform: `${os.platform()} ${os.release()}`,
    },
    versions: { node: process.version },
    options: o,
  };
  log(`bench: ${JSON.stringify(o)}`);
  const dir = path.resolve(process.env.BENCH_OUT ?? path.join(__dirname, 'results'));
  const merge = process.argv.includes('--merge') || process.env.BENCH_MERGE === '1';
  const stamp = (k: Section) => ((results.measuredAt ??= {})[k] = { at: new Date().toISOString(), loadAverage: os.loadavg() });
  if (merge && fs.existsSync(path.join(dir, 'latest.json'))) {
    // Keep the sections of the previous file that this run does not measure again.
    const previous = JSON.parse(fs.readFileSync(path.join(dir, 'latest.json'), 'utf8')) as BenchResults;
    for (const k of ['throughput', 'inbox', 'tokens', 'import'] as const) {
      if (o.only.includes(k) || previous[k] === undefined) continue;
      (results as unknown as Record<string, unknown>)[k] = previous[k];
      (results.measuredAt ??= {})[k] = previous.measuredAt?.[k] ?? { at: previous.at, loadAverage: previous.machine.loadAverage };
    }
    // The options of the sections measured now replace those of the previous run.
    const keys: Record<Section, (keyof BenchOptions)[]> = {
      throughput: ['requests', 'pspLatencyMs'],
      inbox: ['inboxRows', 'inboxQueries', 'clients', 'dialects'],
      tokens: ['realms', 'tokenCalls'],
      import: ['serials', 'dialects'],
    };
    const now = o.only.flatMap((k) => keys[k as Section] ?? []);
    results.options = {
      ...previous.options,
      ...Object.fromEntries(now.map((k) => [k, o[k]])),
      only: [...new Set([...Object.keys(results.measuredAt ?? {}), ...o.only])],
    };
    results.versions = { ...previous.versions, ...results.versions };
  }
  if (o.only.includes('throughput')) {
    stamp('throughput');
    const { ours, baseline } = await requestThroughput(o, results.versions);
    results.throughput = { ours, baseline, ratio: ours.perSecond / baseline.perSecond };
    if (Object.entries(ours.states).some(([s, n]) => n > 0 && !FINAL_STATES.has(s as never)))
      log(`⚠ not every request ended: ${JSON.stringify(ours.states)}`);
  }
  if (o.only.includes('inbox')) {
    stamp('inbox');
    results.inbox = [];
    for (const dialect of o.dialects) results.inbox.push(await inboxLatency(o, dialect, results.versions));
  }
  if (o.only.includes('tokens')) {
    stamp('tokens');
    results.tokens = await tokenVerification(o);
  }
  if (o.only.includes('import')) {
    stamp('import');
    results.import = [];
    for (const dialect of o.dialects) results.import.push(await serialImport(o, dialect));
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  fs.writeFileSync(path.join(dir, 'latest.md'), md);
  // The README shows the latest table between its markers.
  const readme = path.join(__dirname, '..', 'README.md');
  if (process.env.BENCH_OUT) {
    console.log(`\n${md}`);
    return;
  }
  const text = fs.readFileSync(readme, 'utf8');
  const table = md.split('\n').filter((l) => l.startsWith('|') || l.startsWith('Machine:'));
  const updated = text.replace(
    /<!-- bench:latest -->[\s\S]*<!-- \/bench:latest -->/,
    `<!-- bench:latest -->\n\n${table.join('\n')}\n\n<!-- /bench:latest -->`,
  );
  if (updated !== text) {
    // Formatted as `npm run format:check` wants it.
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(readme)) ?? {};
    fs.writeFileSync(readme, await prettier.format(updated, { ...config, filepath: readme }));
  }
  console.log(`\n${md}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
