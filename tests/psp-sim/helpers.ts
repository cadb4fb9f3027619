import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeNationalCode, makeSheba } from '../../domain/iran';
import { manualClock, startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import type { ManualClock } from '../../psp-sim/core/clock';
import type { PspId } from '../../psp-sim/core/tables';

export const DELAY = 1000;

export interface Sim {
  sim: RunningPspSimulator;
  clock: ManualClock;
  dataDir: string;
  /** Moves the clock past the verdict delay and waits for verdicts and callbacks. */
  verdicts(ms?: number): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startSim(psp: PspId): Promise<Sim> {
  const dataDir = mkdtempSync(join(tmpdir(), `psp-sim-${psp}-`));
  const clock = manualClock();
  const boot = (): Promise<RunningPspSimulator> =>
    startPspSimulator({ psp, port: 0, dataDir, clock, settings: { verdictDelayMs: DELAY, tokenTtlMs: 60_000 }, tickMs: 20 });
  const s: Sim = {
    sim: await boot(),
    clock,
    dataDir,
    async verdicts(ms = DELAY) {
      clock.advance(ms);
      await s.sim.control.drain();
    },
    async restart() {
      await s.sim.stop();
      s.sim = await boot();
    },
    async close() {
      await s.sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return s;
}

let seq = 100;
/** A fresh, valid merchant (national code, Sheba at Mellat, postal code) for each call. */
export function merchantData(): { nationalCode: string; sheba: string; postalCode: string } {
  seq += 1;
  return {
    nationalCode: makeNationalCode(String(4_000_000 + seq * 7)),
    sheba: makeSheba('012', 1_000_000 + seq),
    postalCode: String(1_193_600_000 + seq * 13),
  };
}

export async function control(sim: RunningPspSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sim.url}/_control/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}
