/**
 * `npm test`: starts the shared test services once, runs every test suite in order and prints
 * one summary line `N passed, N failed, N skipped`. Exit code 1 when anything failed or crashed.
 *
 * Services (free ports, throw-away state): Temporal dev server (in memory), Keycloak (fresh temp
 * data dir, test realms provisioned), PostgreSQL (temp cluster, when the binaries exist).
 * Their coordinates reach the suites as environment variables:
 *   KARTABL_TEST_TEMPORAL_ADDRESS, TEMPORAL_CLI_PATH, KARTABL_TEST_KEYCLOAK_URL,
 *   KARTABL_TEST_KC_ADMIN_USER, KARTABL_TEST_KC_ADMIN_PASSWORD, KARTABL_TEST_PG_URL,
 *   KARTABL_CHROMIUM_PATH.
 *
 * Options: `--only unit,portal` / `--skip e2e` (step ids: unit, integration-sqlite,
 * integration-postgres, mssql, portal, e2e). KARTABL_TEST_STEP_TIMEOUT_MIN (default 30).
 * Service logs and step outputs go to test-results/logs/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionWorld, testWorld } from '../keycloak/provision';
import { ensureChromium, ensureKeycloak, ensureTemporalCli, findJava21, findPostgresBin } from '../setup/ensure';
import { freePort, reportFailure, repoRoot, signalGroup, stopAllManaged, timesOut } from '../dev/process';
import { startKeycloak, startPostgres, startTemporal, type RunningService } from '../dev/services';

const ROOT = repoRoot();
const RESULTS = join(ROOT, 'test-results');
const LOGS = join(RESULTS, 'logs');
const STEP_TIMEOUT_MS = Number(process.env.KARTABL_TEST_STEP_TIMEOUT_MIN ?? 30) * 60_000;

const log = (msg: string): void => console.log(`[test] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Results

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface StepResult extends Counts {
  id: string;
  title: string;
  status: 'ok' | 'failed' | 'crashed' | 'skipped';
  note?: string;
  /** Failed tests: `file › title — first line of the failure`, printed under the summary. */
  failures?: string[];
  seconds: number;
}

const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

// ---------------------------------------------------------------------------------------------
// Running a step's command

interface CommandOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The tail of stdout+stderr, ANSI colours removed. */
  output: string;
}

let currentStepPid: number | undefined;

/** Runs a command in its own process group, echoing its output live and into a log file. */
function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    const chunks: string[] = [];
    let size = 0;
    const keep = (text: string): void => {
      chunks.push(text);
      size += text.length;
      while (size > 512_000 && chunks.length > 1) size -= chunks.shift()?.length ?? 0;
    };
    writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    currentStepPid = child.pid;
    const relay =
      (stream: NodeJS.WriteStream) =>
      (data: Buffer): void => {
        const text = data.toString('utf8');
        stream.write(text);
        keep(text);
        writeFileSync(logFile, text, { flag: 'a' });
      };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[test] step timed out after ${STEP_TIMEOUT_MS / 60_000} min, killing it`);
      if (child.pid) signalGroup(child.pid, 'SIGKILL');
    }, STEP_TIMEOUT_MS);
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      currentStepPid = undefined;
      // Leftovers of the step (e.g. servers a suite forgot to close) must not outlive it.
      if (child.pid) signalGroup(child.pid, 'SIGKILL');
      resolve({ code, signal, timedOut, output: stripAnsi(chunks.join('')) });
    };
    child.once('error', (err) => {
      keep(`spawn error: ${err.message}\n`);
      finish(-1, null);
    });
    child.once('close', finish);
  });
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

function localBin(name: string): string {
  const bin = join(ROOT, 'node_modules', '.bin', name);
  return existsSync(bin) ? bin : name;
}

// ---------------------------------------------------------------------------------------------
// Parsers

interface JestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numRuntimeErrorTestSuites?: number;
  testResults?: {
    name?: string;
    message?: string;
    status?: string;
    assertionResults?: { fullName?: string; status?: string; failureMessages?: string[] }[];
  }[];
}

function failureGist(text: string | undefined): string {
  // The message and, for an expectation, its Expected/Received lines.
  const lines = stripAnsi(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('●') && !l.startsWith('at '));
  return lines.slice(0, 4).join(' · ').slice(0, 300);
}

function parseJestJson(file: string): (Counts & { failures: string[] }) | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as JestJson;
    const failures: string[] = [];
    for (const suite of j.testResults ?? []) {
      const where = (suite.name ?? '').replace(`${ROOT}/`, '');
      const failed = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
      for (const a of failed) failures.push(`${where} › ${a.fullName ?? '?'} — ${failureGist(a.failureMessages?.[0])}`);
      if (suite.status === 'failed' && failed.length === 0) failures.push(`${where} — ${failureGist(suite.message)}`);
    }
    return {
      passed: j.numPassedTests ?? 0,
      // A suite that fails to load has no failed tests but is a failure.
      failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0),
      skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
      failures,
    };
  } catch {
    return undefined;
  }
}

/** Vitest: ` Tests  1 failed | 11 passed | 2 skipped (14)`; Karma: `Executed 12 of 13 (1 FAILED) (skipped 1)`. */
export function parseRunnerSummary(output: string): Counts | undefined {
  const testsLine = output
    .split('\n')
    .filter((l) => /^\s*Tests\s+\d+\s+(passed|failed|skipped|todo)/.test(l))
    .pop();
  if (testsLine) {
    const counts = zero();
    for (const m of testsLine.matchAll(/(\d+)\s+(passed|failed|skipped|todo)/g)) {
      const n = Number(m[1]);
      if (m[2] === 'passed') counts.passed += n;
      else if (m[2] === 'failed') counts.failed += n;
      else counts.skipped += n;
    }
    return counts;
  }
  const karma = [...output.matchAll(/Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?(?: \(skipped (\d+)\))?/g)].pop();
  if (karma) {
    const failed = Number(karma[3] ?? 0);
    return { passed: Number(karma[1]) - failed, failed, skipped: Number(karma[4] ?? 0) };
  }
  return parseCountsLine(output);
}

/** `N passed, N failed, N skipped` (the e2e runner's and our own final line). */
export function parseCountsLine(output: string): Counts | undefined {
  const m = [...output.matchAll(/(\d+) passed, (\d+) failed, (\d+) skipped/g)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Steps

interface Step {
  id: string;
  title: string;
  needs: { temporal?: boolean; keycloak?: boolean; postgres?: boolean };
  run(env: NodeJS.ProcessEnv): Promise<Omit<StepResult, 'id' | 'title' | 'seconds'>>;
}

/** Failed tests named in a runner's own output (e2e `✗ name`, Vitest `× name` / `FAIL file`). */
function failedLines(output: string): string[] {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^(✗|×|FAIL)\s/.test(l))
    .map((l) => l.slice(0, 240));
}

function outcomeResult(outcome: CommandOutcome, counts: Counts | undefined): Omit<StepResult, 'id' | 'title' | 'seconds'> {
  if (outcome.timedOut) return { ...(counts ?? zero()), failed: (counts?.failed ?? 0) + 1, status: 'crashed', note: 'timed out' };
  if (!counts) {
    // No result at all: count the step itself as one failure so the summary line shows it.
    return { ...zero(), failed: 1, status: 'crashed', note: `no test results (exit ${String(outcome.code ?? outcome.signal)})` };
  }
  if (counts.failed > 0) return { failures: failedLines(outcome.output), ...counts, status: 'failed' };
  if (outcome.code !== 0)
    return {
      ...counts,
      failed: counts.failed + 1,
      status: 'crashed',
      note: `exit ${String(outcome.code ?? outcome.signal)} without failed tests`,
    };
  return { ...counts, status: 'ok' };
}

function jestStep(id: string, title: string, projects: string[], extraEnv: NodeJS.ProcessEnv, needs: Step['needs']): Step {
  return {
    id,
    title,
    needs,
    async run(env) {
      const outputFile = join(RESULTS, `jest-${id}.json`);
      rmSync(outputFile, { force: true });
      const args = ['--selectProjects', ...projects, '--ci', '--passWithNoTests', '--json', '--outputFile', outputFile];
      const outcome = await runCommand(localBin('jest'), args, { ...env, ...extraEnv }, join(LOGS, `step-${id}.log`));
      return outcomeResult(outcome, parseJestJson(outputFile));
    },
  };
}

function steps(pgUrl: () => string | undefined, pgReason: () => string): Step[] {
  return [
    jestStep('unit', 'unit + workflows + PSP simulators (jest)', ['unit', 'workflows', 'psp-sim'], {}, { temporal: true }),
    jestStep(
      'integration-sqlite',
      'integration on SQLite (jest)',
      ['integration'],
      { DB_DIALECT: 'sqlite' },
      { temporal: true, keycloak: true },
    ),
    {
      ...jestStep(
        'integration-postgres',
        'integration on PostgreSQL (jest)',
        ['integration'],
        {},
        { temporal: true, keycloak: true, postgres: true },
      ),
      async run(env) {
        const url = pgUrl();
        if (!url) return { ...zero(), status: 'skipped', note: pgReason() };
        return jestStep('integration-postgres', '', ['integration'], { DB_DIALECT: 'postgres', DATABASE_URL: url }, {}).run(env);
      },
    },
    jestStep('mssql', 'SQL Server (jest, testcontainers)', ['mssql'], {}, {}),
    {
      id: 'portal',
      title: 'portal unit tests (ng test)',
      needs: {},
      async run(env) {
        if (!angularHasPortal()) return { ...zero(), status: 'skipped', note: 'no `portal` project in angular.json' };
        const outcome = await runCommand(
          localBin('ng'),
          ['test', 'portal', '--watch=false'],
          { ...env, NG_CLI_ANALYTICS: 'false' },
          join(LOGS, 'step-portal.log'),
        );
        return outcomeResult(outcome, parseRunnerSummary(outcome.output));
      },
    },
    {
      id: 'e2e',
      title: 'end-to-end (playwright)',
      needs: { temporal: true, keycloak: true },
      async run(env) {
        if (!existsSync(join(ROOT, 'e2e', 'run.ts'))) return { ...zero(), status: 'skipped', note: 'e2e/run.ts not present' };
        const outcome = await runCommand(localBin('tsx'), ['e2e/run.ts'], env, join(LOGS, 'step-e2e.log'));
        return outcomeResult(outcome, parseCountsLine(outcome.output));
      },
    },
  ];
}

function angularHasPortal(): boolean {
  const file = join(ROOT, 'angular.json');
  if (!existsSync(file)) return false;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { projects?: Record<string, unknown> };
    return Boolean(json.projects?.portal);
  } catch {
    return false;
  }
}

function selectedSteps(all: Step[]): Step[] {
  const args = process.argv.slice(2);
  const list = (flag: string): string[] | undefined => {
    const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    const arg = args[i] ?? '';
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '');
    return value.split(',').filter(Boolean);
  };
  const only = list('--only');
  const skip = list('--skip') ?? [];
  const known = new Set(all.map((s) => s.id));
  for (const id of [...(only ?? []), ...skip])
    if (!known.has(id)) throw new Error(`unknown step ${id} (${[...known].join(', ')})`);
  return all.filter((s) => (!only || only.includes(s.id)) && !skip.includes(s.id));
}

// ---------------------------------------------------------------------------------------------
// Services

interface Services {
  env: NodeJS.ProcessEnv;
  running: RunningService[];
  pgUrl?: string;
  pgReason: string;
  tempDirs: string[];
}

const KC_ADMIN = { user: 'admin', password: 'kartabl-test-admin' };

/** Fills `s` as services come up, so an interrupt can always clean up what exists. */
async function startServices(s: Services, needs: Step['needs']): Promise<void> {
  const isCiRoot = process.env.CI === 'true' && process.getuid?.() === 0;
  const chromium = await ensureChromium({ install: isCiRoot });
  if (chromium) s.env.KARTABL_CHROMIUM_PATH = chromium;
  const tasks: Promise<void>[] = [];
  if (needs.temporal) tasks.push(startTestTemporal(s));
  if (needs.keycloak) tasks.push(startTestKeycloak(s));
  if (needs.postgres) tasks.push(startTestPostgres(s));
  const results = await Promise.allSettled(tasks);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

async function startTestTemporal(s: Services): Promise<void> {
  const cli = await ensureTemporalCli();
  const temporal = await startTemporal({ port: await freePort(), logFile: join(LOGS, 'temporal.log') });
  s.running.push(temporal);
  s.env.KARTABL_TEST_TEMPORAL_ADDRESS = temporal.address;
  s.env.TEMPORAL_CLI_PATH = cli;
  log(`Temporal ready on ${temporal.address}`);
}

async function startTestKeycloak(s: Services): Promise<void> {
  await ensureKeycloak();
  findJava21();
  const dataDir = mkdtempSync(join(tmpdir(), 'kartabl-kc-'));
  s.tempDirs.push(dataDir);
  const kc = await startKeycloak({
    port: await freePort(),
    dataDir,
    adminUser: KC_ADMIN.user,
    adminPassword: KC_ADMIN.password,
    logFile: join(LOGS, 'keycloak.log'),
  });
  s.running.push(kc);
  log(`Keycloak ready on ${kc.url}, provisioning the test realms…`);
  await provisionWorld({ keycloakUrl: kc.url, username: KC_ADMIN.user, password: KC_ADMIN.password }, testWorld, () => undefined);
  s.env.KARTABL_TEST_KEYCLOAK_URL = kc.url;
  s.env.KARTABL_TEST_KC_ADMIN_USER = KC_ADMIN.user;
  s.env.KARTABL_TEST_KC_ADMIN_PASSWORD = KC_ADMIN.password;
  log(`test realms ready: ${testWorld.realms.map((r) => r.realm).join(', ')}`);
}

async function startTestPostgres(s: Services): Promise<void> {
  if (!findPostgresBin()) {
    s.pgReason = 'PostgreSQL binaries not found (apt-get install postgresql, or set KARTABL_PG_BIN)';
    return;
  }
  // mkdtemp directly under /tmp so the `postgres` user can reach it when we are root.
  const dataDir = mkdtempSync(join(tmpdir(), 'kartabl-pg-'));
  s.tempDirs.push(dataDir);
  try {
    const pg = await startPostgres({ port: await freePort(), dataDir, logFile: join(LOGS, 'postgres.log'), fast: true });
    s.running.push(pg);
    s.pgUrl = pg.url;
    s.env.KARTABL_TEST_PG_URL = pg.url;
    log(`PostgreSQL ready on ${pg.url}`);
  } catch (err) {
    s.pgReason = `PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}`;
    log(`⚠ ${s.pgReason}`);
  }
}

async function stopServices(s: Services | undefined): Promise<void> {
  if (!s) return;
  await Promise.all(s.running.map((r) => r.stop().catch(() => undefined)));
  for (const dir of s.tempDirs) rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Main

function printSummary(results: StepResult[]): Counts {
  const total = zero();
  console.log('\n[test] ─── results ───');
  for (const r of results) {
    const mark = { ok: '✔', failed: '✖', crashed: '✖', skipped: '–' }[r.status];
    const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
    console.log(
      `[test] ${mark} ${r.title.padEnd(36)} ${counts.padEnd(36)} ${r.seconds.toFixed(0).padStart(4)} s${r.note ? `  (${r.note})` : ''}`,
    );
    for (const f of (r.failures ?? []).slice(0, 20)) console.log(`[test]     ✖ ${f}`);
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
  }
  return total;
}

async function runSteps(selected: Step[], services: Services): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    CI: process.env.CI ?? 'true',
    FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
  };
  for (const step of selected) {
    log(`▶ ${step.title}`);
    const started = Date.now();
    let result: Omit<StepResult, 'id' | 'title' | 'seconds'>;
    try {
      result = await step.run(baseEnv);
    } catch (err) {
      result = { ...zero(), failed: 1, status: 'crashed', note: err instanceof Error ? err.message : String(err) };
    }
    const full: StepResult = { id: step.id, title: step.title, seconds: (Date.now() - started) / 1000, ...result };
    log(
      `${full.status === 'ok' ? '✔' : full.status === 'skipped' ? '–' : '✖'} ${step.title}: ${full.passed} passed, ${full.failed} failed, ${full.skipped} skipped${full.note ? ` (${full.note})` : ''}`,
    );
    results.push(full);
  }
  return results;
}

let services: Services | undefined;

async function main(): Promise<number> {
  rmSync(LOGS, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });
  const pgState = { url: undefined as string | undefined, reason: '' };
  const all = steps(
    () => pgState.url,
    () => pgState.reason,
  );
  const selected = selectedSteps(all);
  const needs = selected.reduce<Step['needs']>(
    (acc, s) => ({
      temporal: acc.temporal || s.needs.temporal,
      keycloak: acc.keycloak || s.needs.keycloak,
      postgres: acc.postgres || s.needs.postgres,
    }),
    {},
  );
  log(`steps: ${selected.map((s) => s.id).join(', ')}`);
  log('starting test services (Keycloak takes 30–120 s)…');
  const started = Date.now();
  services = { env: {}, running: [], pgReason: 'PostgreSQL not needed by the selected steps', tempDirs: [] };
  await startServices(services, needs);
  pgState.url = services.pgUrl;
  pgState.reason = services.pgReason;
  log(`services ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const results = await runSteps(selected, services);
  const total = printSummary(results);
  writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify({ total, steps: results }, null, 2));
  const bad = results.some((r) => r.status === 'failed' || r.status === 'crashed') || total.failed > 0;
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return bad ? 1 : 0;
}

let interrupted = false;

function onSignal(signal: NodeJS.Signals): void {
  // Ctrl-C arrives more than once (directly and relayed by npm/tsx): act on the first only.
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping the current step and the services…`);
  if (currentStepPid) signalGroup(currentStepPid, 'SIGKILL');
  // Services still starting are not in `services` yet: stop every managed process.
  void Promise.all([stopAllManaged(), stopServices(services)]).finally(() => {
    for (const dir of services?.tempDirs ?? []) rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

function cli(): void {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void main()
    .catch((err: unknown) => {
      if (interrupted) return 130;
      reportFailure(err);
      console.log('\n0 passed, 1 failed, 0 skipped');
      return 1;
    })
    .then(async (code) => {
      if (interrupted) return; // onSignal stops everything and exits
      log('stopping test services…');
      const stop = stopServices(services);
      if (await timesOut(stop, 60_000)) log('⚠ services did not stop within 60 s');
      process.exit(code);
    });
}

if (/infra\/test\/run-all\.ts$/.test((process.argv[1] ?? '').replace(/\\/g, '/'))) cli();
