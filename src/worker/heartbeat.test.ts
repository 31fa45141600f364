import { describe, expect, it } from 'vitest';
import type { FromEngine } from '../protocol';
import { answerPing } from './heartbeat';

describe("the worker's heartbeat", () => {
  it('answers a ping with a pong of the same number, at once', () => {
    const posted: FromEngine[] = [];
    expect(answerPing({ type: 'ping', seq: 41 }, (m) => posted.push(m))).toBe(true);
    expect(posted).toEqual([{ type: 'pong', seq: 41 }]);
  });

  it('leaves every other message to the runner', () => {
    const posted: FromEngine[] = [];
    expect(answerPing({ type: 'play' }, (m) => posted.push(m))).toBe(false);
    expect(posted).toEqual([]);
  });
});
