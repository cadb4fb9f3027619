/** `startPspSimulator`: one simulated PSP on an HTTP port (0 = any free port), for tests and `npm start`. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type SimClock } from './core/clock';
import { SimEngine, type SimSettings } from './core/engine';
import { PROFILES, type PspId } from './core/tables';
import { createPspAHandler } from './psp-a';
import { createPspBHandler } from './psp-b';
import { pspBWsdl } from './wsdl';

export interface PspSimulatorOptions {
  psp: PspId;
  port: number;
  dataDir: string;
  host?: string;
  clock?: SimClock;
  settings?: Partial<SimSettings>;
  /** Extra accounts (username → password) besides the demo account kartabl / kartabl-demo. */
  users?: Record<string, string>;
  /** How often due verdicts and callbacks are processed, real ms (default 100). */
  tickMs?: number;
}

export interface RunningPspSimulator {
  url: string;
  psp: PspId;
  /** The engine itself: faults, duplicates, deactivations, transactions, settle()/drain(). */
  control: SimEngine;
  stop(): Promise<void>;
}

export async function startPspSimulator(opts: PspSimulatorOptions): Promise<RunningPspSimulator> {
  const engine = new SimEngine({
    profile: PROFILES[opts.psp],
    dataDir: opts.dataDir,
    clock: opts.clock ?? systemClock,
    ...(opts.settings ? { settings: opts.settings } : {}),
    ...(opts.users ? { users: opts.users } : {}),
  });
  const host = opts.host ?? '127.0.0.1';
  let url = '';
  const handler = opts.psp === 'a' ? createPspAHandler(engine) : createPspBHandler(engine, () => pspBWsdl(`${url}/soap`));
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const timer = setInterval(() => engine.settle(), opts.tickMs ?? 100);
  timer.unref();
  return {
    url,
    psp: opts.psp,
    control: engine,
    stop: async () => {
      clearInterval(timer);
      await engine.drain();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { manualClock, systemClock } from './core/clock';
export { PSP_A, PSP_B, PROFILES } from './core/tables';
