/** A clock for code that takes `now`/`sleep`: its sleeps advance time at once and are recorded. */
export function fakeClock(start = 0) {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: (ms: number) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => (t += ms),
  };
}
