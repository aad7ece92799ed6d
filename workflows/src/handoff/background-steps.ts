/**
 * Work a step started and did not wait for (decide_now's model call). The workflow settles it
 * before it continues as new, parks or finishes, so no answer is lost with the run; each piece
 * is bounded by its own activity timeout.
 */
export class BackgroundSteps {
  private readonly pending: Promise<void>[] = [];

  add(work: Promise<void>): void {
    this.pending.push(work);
  }

  async settled(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      await Promise.all(batch);
    }
  }
}
