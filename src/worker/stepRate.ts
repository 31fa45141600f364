/** The steps per second a frame shows while playing: steps trained over the last second or more, renewed each second. */
export class StepRate {
  private since = 0;
  private steps = 0;
  private value = 0;

  constructor(private now: () => number) {}

  /** Play starts: counting from now, nothing measured yet. */
  start(): void {
    [this.since, this.steps, this.value] = [this.now(), 0, 0];
  }

  trained(steps: number): void {
    this.steps += steps;
  }

  /** The rate at time `now`: renewed once a second has passed since the last renewal. */
  at(now: number): number {
    if (now - this.since >= 1000) {
      this.value = (this.steps * 1000) / (now - this.since);
      [this.since, this.steps] = [now, 0];
    }
    return this.value;
  }
}
