/** Pause, resume and stop for a running training loop (AbortSignal-like, no DOM needed). */

/** Shared between the page (buttons) and the trainer (checks between steps). */
export class TrainController {
  private pausedFlag = false;
  private stoppedFlag = false;
  private waiters: (() => void)[] = [];

  /** True while paused. */
  get paused(): boolean {
    return this.pausedFlag;
  }
  /** True once stop() was called. */
  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** Holds the trainer before its next step. */
  pause(): void {
    this.pausedFlag = true;
  }

  /** Lets a paused trainer continue. */
  resume(): void {
    this.pausedFlag = false;
    this.release();
  }

  /** Ends training after the current step; the record keeps the curves so far. */
  stop(): void {
    this.stoppedFlag = true;
    this.release();
  }

  /** Resolves immediately unless paused, else when resumed or stopped. */
  async waitWhilePaused(): Promise<void> {
    while (this.pausedFlag && !this.stoppedFlag) await new Promise<void>((r) => this.waiters.push(r));
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }
}
