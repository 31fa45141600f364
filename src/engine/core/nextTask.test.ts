import { describe, expect, it } from 'vitest';
import { nextTask, slicer } from './nextTask';

describe('nextTask and slicer', () => {
  it('nextTask lets a task queued before it run first (a microtask would not)', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('task'));
    await Promise.resolve();
    expect(seen).toEqual([]);
    await nextTask();
    expect(seen).toEqual(['task']);
  });

  it('a slicer yields only once its slice has run out, then starts a new slice', async () => {
    let clock = 0;
    const slice = slicer(4, () => clock);
    const seen: string[] = [];
    setImmediate(() => seen.push('task'));
    clock = 3.9;
    await slice.yieldIfDue();
    expect(seen).toEqual([]);
    clock = 4;
    await slice.yieldIfDue();
    expect(seen).toEqual(['task']);
    setImmediate(() => seen.push('again'));
    clock = 7.9;
    await slice.yieldIfDue();
    expect(seen).toEqual(['task']);
    clock = 8;
    await slice.yieldIfDue();
    expect(seen).toEqual(['task', 'again']);
  });
});
