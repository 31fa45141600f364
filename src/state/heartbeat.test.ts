import { describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from './heartbeat';
import { manualClock } from './testing';

const setup = () => {
  const time = manualClock();
  const pings: number[] = [];
  const onSilent = vi.fn();
  const onAnswer = vi.fn();
  const beat = startHeartbeat({
    clock: time.clock,
    ping: (seq) => pings.push(seq),
    onSilent,
    onAnswer,
    intervalMs: 1000,
    timeoutMs: 5000,
  });
  return { ...time, pings, onSilent, onAnswer, beat };
};

describe('the heartbeat (simulated clock)', () => {
  it('pings every interval, numbered', () => {
    const h = setup();
    h.advance(3000);
    expect(h.pings).toEqual([1, 2, 3]);
  });

  it('an engine that answers is never reported silent, however long it runs', () => {
    const h = setup();
    for (let i = 0; i < 60; i++) {
      h.advance(1000);
      h.beat.answered();
    }
    expect(h.onSilent).not.toHaveBeenCalled();
  });

  it('no pong for timeoutMs after a ping: silent, once, with how long', () => {
    const h = setup();
    h.advance(1000); // ping 1 at t = 1 s, never answered
    h.advance(4999);
    expect(h.onSilent).not.toHaveBeenCalled();
    h.advance(1);
    expect(h.onSilent).toHaveBeenCalledTimes(1);
    expect(h.onSilent).toHaveBeenCalledWith(5000);
    h.advance(20_000);
    expect(h.onSilent).toHaveBeenCalledTimes(1);
  });

  it('counts from the oldest unanswered ping: a late answer resets it', () => {
    const h = setup();
    h.advance(4000);
    h.beat.answered(); // answers pings 1-4 (at 4 s)
    h.advance(5000); // ping 5 at 5 s, unanswered until 10 s
    expect(h.onSilent).not.toHaveBeenCalled();
    h.advance(1000);
    expect(h.onSilent).toHaveBeenCalledTimes(1);
  });

  it('says when the engine answers again, and can go silent again after', () => {
    const h = setup();
    h.advance(6000);
    expect(h.onSilent).toHaveBeenCalledTimes(1);
    h.beat.answered();
    expect(h.onAnswer).toHaveBeenCalledTimes(1);
    h.beat.answered();
    expect(h.onAnswer).toHaveBeenCalledTimes(1);
    h.advance(6000);
    expect(h.onSilent).toHaveBeenCalledTimes(2);
  });

  it('stops: no more pings, no timer left', () => {
    const h = setup();
    h.advance(2000);
    h.beat.stop();
    h.advance(10_000);
    expect(h.pings).toEqual([1, 2]);
    expect(h.timers()).toBe(0);
    expect(h.onSilent).not.toHaveBeenCalled();
  });
});
