import { loadConfig } from '../../api/lib/config';
import { withPatience } from '../../api/lib/patience';
import { fakeClock } from '../helpers/fake-clock';

describe('start-up patience (Temporal not answering yet)', () => {
  test('when the service answers on the third try, then the value comes back after doubling pauses, each retry told', async () => {
    const time = fakeClock();
    const told: string[] = [];
    let calls = 0;
    const value = await withPatience(
      'Temporal at 127.0.0.1:7233',
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('connection refused')) : Promise.resolve('connected');
      },
      { patienceMs: 60_000, ...time, onRetry: (i) => told.push(`${i.attempt}: ${(i.error as Error).message} → ${i.nextInMs}`) },
    );
    expect(value).toBe('connected');
    expect(time.slept).toEqual([500, 1000]);
    expect(told).toEqual(['1: connection refused → 500', '2: connection refused → 1000']);
  });

  test('when it never answers, then it gives up once the patience is spent, naming the service and the last error', async () => {
    const time = fakeClock();
    const attempt = () => Promise.reject(new Error('connection refused'));
    await expect(withPatience('Temporal at 10.0.0.9:7233', attempt, { patienceMs: 20_000, ...time })).rejects.toThrow(
      /Temporal at 10\.0\.0\.9:7233: not reachable after \d+ attempt\(s\): connection refused/,
    );
    // Pauses double up to 10 s and the last one is cut to what is left: never past the patience.
    expect(time.slept).toEqual([500, 1000, 2000, 4000, 8000, 4500]);
    expect(time.now()).toBe(20_000);
  });

  test('when the patience is 0, then there is exactly one attempt', async () => {
    const time = fakeClock();
    let calls = 0;
    const attempt = () => {
      calls += 1;
      return Promise.reject(new Error('refused'));
    };
    await expect(withPatience('Temporal', attempt, { patienceMs: 0, ...time })).rejects.toThrow(/after 1 attempt/);
    expect(calls).toBe(1);
    expect(time.slept).toEqual([]);
  });

  test('TEMPORAL_CONNECT_PATIENCE is 2 minutes unless set; 0 or off means one attempt; nonsense stops start-up', () => {
    expect(loadConfig({}).temporal.connectPatienceMs).toBe(120_000);
    expect(loadConfig({ TEMPORAL_CONNECT_PATIENCE: '30s' }).temporal.connectPatienceMs).toBe(30_000);
    expect(loadConfig({ TEMPORAL_CONNECT_PATIENCE: 'off' }).temporal.connectPatienceMs).toBe(0);
    expect(() => loadConfig({ TEMPORAL_CONNECT_PATIENCE: 'forever' })).toThrow(/TEMPORAL_CONNECT_PATIENCE/);
  });
});

describe('patience without end (the worker setting up its schedule)', () => {
  test('when it is stopped, then the pending pause ends at once and the promise rejects, saying so', async () => {
    const stop = new AbortController();
    let calls = 0;
    const started = Date.now();
    const trying = withPatience(
      'terminal sync schedule',
      () => {
        calls += 1;
        return Promise.reject(new Error('Temporal unavailable'));
      },
      { patienceMs: Number.POSITIVE_INFINITY, firstDelayMs: 60_000, signal: stop.signal },
    );
    setTimeout(() => stop.abort(), 50);
    await expect(trying).rejects.toThrow(/terminal sync schedule: stopped after 1 attempt\(s\): Temporal unavailable/);
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000); // not the 60 s pause
  });
});
