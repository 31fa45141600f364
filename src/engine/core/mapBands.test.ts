import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../experiment';
import { MlpSession } from '../arch/mlp/session';
import { gridBands, sizesIn } from './mapBands';

describe('the bands of the heatmap grid', () => {
  it('cover the grid in order, the last one shorter', () => {
    expect(gridBands(10_000, 2000)).toEqual([
      [0, 2000],
      [2000, 2000],
      [4000, 2000],
      [6000, 2000],
      [8000, 2000],
    ]);
    expect(gridBands(169, 40)).toEqual([
      [0, 40],
      [40, 40],
      [80, 40],
      [120, 40],
      [160, 9],
    ]);
    expect(gridBands(49, 100)).toEqual([[0, 49]]);
    expect(sizesIn([1, 1, 'grid'], 40)).toEqual([1, 1, 40]);
  });

  /** How many turns of the event loop (setImmediate in Node, as nextTask) ran while a frame with maps was made. */
  async function turnsDuring(bandRows: number): Promise<number> {
    const s = new MlpSession(defaultSpec('mlp'));
    s.mapBandRows = bandRows;
    await s.train(5);
    let done = false;
    let turns = 0;
    const count = () => {
      if (done) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    await s.snapshot({ heatmapRes: 13, neuronRes: 3 });
    done = true;
    s.dispose();
    return turns;
  }

  it('read the weights the frame started with, even when training runs between two bands', async () => {
    const s = new MlpSession(defaultSpec('mlp'));
    s.mapBandRows = 40;
    await s.train(5);
    const whole = await s.snapshot({ heatmapRes: 13 });
    const frame = s.snapshot({ heatmapRes: 13 });
    // Trains while the frame's later bands wait for their turns of the event loop.
    await s.train(50);
    const torn = await frame;
    expect(s.step).toBe(55);
    expect(torn.heatmap).toEqual(whole.heatmap);
    expect(torn.weights).toEqual(whole.weights);
    s.dispose();
  });

  it('hand the event loop a turn before each later band (a message such as Pause is handled there)', async () => {
    const whole = await turnsDuring(169);
    // Five bands: at least four turns more than the frame in one call.
    expect(await turnsDuring(40)).toBeGreaterThanOrEqual(whole + 4);
  });
});
