/** The simulators' notion of time: the real clock, or a manual one tests move forward. */
export interface SimClock {
  now(): number;
}

export interface ManualClock extends SimClock {
  advance(ms: number): void;
  set(ms: number): void;
}

export const systemClock: SimClock = { now: () => Date.now() };

export function manualClock(start = Date.parse('2026-03-21T08:00:00Z')): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}
