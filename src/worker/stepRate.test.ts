import { describe, expect, it } from 'vitest';
import { StepRate } from './stepRate';

describe('the steps per second a frame shows', () => {
  it('is the steps over the last second or more, renewed once a second, from Play on', () => {
    let clock = 100;
    const rate = new StepRate(() => clock);
    rate.start();
    rate.trained(300);
    expect(rate.at(900)).toBe(0); // less than a second: nothing measured yet
    rate.trained(200);
    expect(rate.at(1350)).toBe(400); // 500 steps in 1.25 s
    rate.trained(50);
    expect(rate.at(2000)).toBe(400); // kept until the next second is full
    expect(rate.at(2350)).toBe(50);
    clock = 5000;
    rate.start();
    expect(rate.at(5500)).toBe(0);
  });
});
