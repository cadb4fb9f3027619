/**
 * Child-process helpers shared by the dev supervisor and the test runner.
 *
 * Every service runs detached in its own process group with stdout/stderr appended to a log file.
 * `stop()` signals the whole group, waits, then SIGKILLs it. Groups still alive when this process
 * exits are sent their stop signal from an `exit` hook, so nothing is left behind on a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  /** Short name used in log lines, e.g. `keycloak`. */
  name: string;
  command: string;
  args: readonly string[];
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user/group (e.g. PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** Signal for a graceful stop (default SIGTERM; PostgreSQL wants SIGINT for a fast shutdown). */
  stopSignal?: NodeJS.Signals;
  /** How long a graceful stop may take before SIGKILL (default 15 s). */
  stopTimeoutMs?: number;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves when the main process exits (never rejects). */
  readonly exited: Promise<ExitInfo>;
  isRunning(): boolean;
  exitInfo(): ExitInfo | undefined;
  stop(): Promise<void>;
}

const live = new Map<number, { name: string; signal: NodeJS.Signals; stop: () => Promise<void> }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [pid, info] of live) signalGroup(pid, info.signal);
  });
}

/** Gracefully stops every managed process still running, including ones still starting up. */
export async function stopAllManaged(): Promise<void> {
  await Promise.all([...live.values()].map((p) => p.stop()));
}

/** SIGKILLs every process group still running (for a second Ctrl-C). */
export function killAllNow(): void {
  for (const pid of live.keys()) signalGroup(pid, 'SIGKILL');
  live.clear();
}

/** Sends a signal to a whole process group; returns false when the group no longer exists. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** True when `promise` has not settled within `ms` (the timer never keeps the process alive). */
export function timesOut(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((res) => {
    const timer = setTimeout(() => res(true), ms);
    timer.unref();
    void promise.then(
      () => {
        clearTimeout(timer);
        res(false);
      },
      () => {
        clearTimeout(timer);
        res(false);
      },
    );
  });
}

function timestamp(): string {
  return new Date().toISOString();
}

function openLog(logFile: string, header: string): number {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  writeSync(fd, `\n===== ${timestamp()} ${header} =====\n`);
  return fd;
}

export function spawnManaged(opts: SpawnOptions): ManagedProcess {
  installExitHook();
  const stopSignal = opts.stopSignal ?? 'SIGTERM';
  const stopTimeoutMs = opts.stopTimeoutMs ?? 15_000;
  const fd = openLog(opts.logFile, `start ${opts.name}: ${opts.command} ${opts.args.join(' ')}`);
  let child: ChildProcess;
  try {
    child = spawn(opts.command, [...opts.args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', fd, fd],
      detached: true,
      uid: opts.uid,
      gid: opts.gid,
    });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${opts.name}: could not start ${opts.command}`);

  let info: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((res) => {
    child.once('exit', (code, signal) => {
      info = { code, signal };
      res(info);
    });
    child.once('error', (err) => {
      info = { code: -1, signal: null };
      appendLine(opts.logFile, `spawn error: ${err.message}`);
      res(info);
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopGroup(pid, opts.name, stopSignal, stopTimeoutMs, exited).finally(() => live.delete(pid));
    return stopping;
  };
  live.set(pid, { name: opts.name, signal: stopSignal, stop });
  void exited.then(() => {
    // The leader is gone; the group may linger (e.g. helpers), the stop path cleans those up.
    if (!stopping && !signalGroup(pid, 0)) live.delete(pid);
  });

  return {
    name: opts.name,
    pid,
    logFile: opts.logFile,
    exited,
    isRunning: () => info === undefined,
    exitInfo: () => info,
    stop,
  };
}

async function stopGroup(
  pid: number,
  name: string,
  signal: NodeJS.Signals,
  timeoutMs: number,
  exited: Promise<ExitInfo>,
): Promise<void> {
  signalGroup(pid, signal);
  if (await timesOut(exited, timeoutMs)) {
    console.warn(`[infra] ${name} did not stop within ${timeoutMs / 1000} s, killing it`);
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
  // Give group members a moment to follow their leader, then make sure nothing is left.
  for (let i = 0; i < 20 && signalGroup(pid, 0); i++) await sleep(100);
  signalGroup(pid, 'SIGKILL');
}

export function appendLine(file: string, line: string): void {
  try {
    const fd = openSync(file, 'a');
    writeSync(fd, `${line}\n`);
    closeSync(fd);
  } catch {
    /* logging must never break the caller */
  }
}

/** The last `lines` lines of a file, from its latest start header on (empty when there is no file). */
export function tailFile(file: string, lines = 40): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const lastRun = text.lastIndexOf('\n===== ');
  return (lastRun >= 0 ? text.slice(lastRun + 1) : text)
    .split('\n')
    .slice(-lines - 1)
    .join('\n');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? res(port) : rej(new Error('no free port'))));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function portAcceptsConnections(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((res) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1000);
    const done = (ok: boolean): void => {
      socket.destroy();
      res(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** What we are waiting for, used in the timeout error. */
  what: string;
  /** A process that must stay alive while we wait; its death aborts the wait. */
  process?: ManagedProcess;
}

/** Polls `check` until it returns true; fails fast if the watched process dies. */
export async function waitUntil(check: () => Promise<boolean>, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 500;
  for (;;) {
    const proc = opts.process;
    if (proc && !proc.isRunning()) {
      throw new ServiceError(`${proc.name} exited (${describeExit(proc.exitInfo())}) while waiting for ${opts.what}`, proc);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new ServiceError(`timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for ${opts.what}`, proc);
    }
    await sleep(interval);
  }
}

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly process?: ManagedProcess,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function describeExit(info: ExitInfo | undefined): string {
  if (!info) return 'running';
  return info.signal ? `signal ${info.signal}` : `code ${String(info.code)}`;
}

/** Prints the failure and, for service failures, the tail of the service log. */
export function reportFailure(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`\n[infra] ✖ ${message}`);
  if (err instanceof ServiceError && err.process) printLogTail(err.process);
}

export function printLogTail(proc: ManagedProcess, lines = 40): void {
  console.error(`[infra] last lines of ${proc.logFile}:`);
  console.error(indent(tailFile(proc.logFile, lines)));
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** GET a URL and report whether it answered with the expected status. */
export async function httpStatusIs(url: string, status = 200, timeoutMs = 3000): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await res.body?.cancel();
  return res.status === status;
}

/** The repository root: the nearest ancestor of the working directory holding the kartabl package.json. */
export function repoRoot(start = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name"\s*:\s*"kartabl"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/** True when the file given to `tsx`/`node` on the command line ends with `suffix` (ESM/CJS neutral). */
export function isMainModule(suffix: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && resolve(entry).replace(/\\/g, '/').endsWith(suffix);
}
