import { describe, expect, it } from 'vitest';
import { createTicker } from './ticker';

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the play ticker', () => {
  it('runs a zero-delay tick once, and only the last of several scheduled', async () => {
    let runs = 0;
    const ticker = createTicker(() => runs++);
    ticker.schedule(0);
    ticker.schedule(0);
    ticker.schedule(0);
    await settle();
    expect(runs).toBe(1);
  });

  it('a cancelled tick does not run, whether it was immediate or delayed', async () => {
    let runs = 0;
    const ticker = createTicker(() => runs++);
    ticker.schedule(0);
    ticker.cancel();
    ticker.schedule(5);
    ticker.cancel();
    await settle(30);
    expect(runs).toBe(0);
  });

  it('a delayed tick replaces an immediate one and runs after its delay', async () => {
    let runs = 0;
    const ticker = createTicker(() => runs++);
    ticker.schedule(0);
    ticker.schedule(10);
    await settle(1);
    expect(runs).toBe(0);
    await settle(40);
    expect(runs).toBe(1);
  });
});
