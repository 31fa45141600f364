import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('where there is no setImmediate (a worker) it goes through a MessageChannel, first asked first answered', async () => {
    vi.stubGlobal('setImmediate', undefined);
    vi.resetModules();
    const { nextTask: inWorker } = await import('./nextTask');
    const seen: string[] = [];
    const a = inWorker().then(() => seen.push('a'));
    const b = inWorker().then(() => seen.push('b'));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(seen).toEqual([]);
    await Promise.all([a, b]);
    expect(seen).toEqual(['a', 'b']);
  });

  afterEach(() => vi.unstubAllGlobals());
});
