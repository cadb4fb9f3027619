/**
 * Calls per second to each PSP, per worker process (R-WORKERS: "rate-limited per PSP"). A call takes
 * the next free slot of its PSP and waits for it; slots are `1000 / perSecond` ms apart, so bursts are
 * smoothed instead of refused. With W workers the PSP sees at most W × perSecond calls a second.
 */
export class PspRateLimiter {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly perSecond: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> } = {
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    },
  ) {}

  /** Resolves when a call to `pspCode` may start (at once when the limit is 0 or off). */
  async take(pspCode: string): Promise<void> {
    if (!(this.perSecond > 0)) return;
    const gap = 1000 / this.perSecond;
    const now = this.clock.now();
    const at = Math.max(now, this.nextSlot.get(pspCode) ?? 0);
    this.nextSlot.set(pspCode, at + gap);
    if (at > now) await this.clock.sleep(at - now);
  }
}
