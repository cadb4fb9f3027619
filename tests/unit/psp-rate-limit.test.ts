import { PspRateLimiter } from '../../activities/psp/rate-limit';
import { fakeClock } from '../helpers/fake-clock';

describe('PSP rate limiter (per PSP, per worker process)', () => {
  test('a burst to one PSP is spread 1000/rate ms apart', async () => {
    const clock = fakeClock(1_000_000);
    const limiter = new PspRateLimiter(10, clock);
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await limiter.take('psp-a');
      starts.push(clock.now());
    }
    expect(starts.map((s) => s - starts[0])).toEqual([0, 100, 200, 300, 400]);
  });

  test('each PSP has its own slots; idle time is not saved up for a later burst', async () => {
    const clock = fakeClock(1_000_000);
    const limiter = new PspRateLimiter(2, clock);
    await limiter.take('psp-a');
    await limiter.take('psp-b'); // another PSP: no wait
    expect(clock.slept).toEqual([]);
    clock.advance(10_000);
    await limiter.take('psp-a');
    await limiter.take('psp-a');
    expect(clock.slept).toEqual([500]);
  });

  test('0 means unlimited', async () => {
    const clock = fakeClock(1_000_000);
    const limiter = new PspRateLimiter(0, clock);
    for (let i = 0; i < 100; i += 1) await limiter.take('psp-a');
    expect(clock.slept).toEqual([]);
  });
});
