import { describe, expect, it } from 'vitest';
import { planePoints } from '../engine/core/tasks';
import { createRng, deriveSeed, PLANE_TASKS } from '../experiment';
import type { FromEngine } from '../protocol';
import { answerPreviews, PREVIEW_POINTS, taskPreviews } from './taskPreviews';

const triples = (a: Float32Array) =>
  Array.from({ length: a.length / 3 }, (_, i) => Array.from(a.slice(3 * i, 3 * i + 3)));

describe("the task picker's pictures", () => {
  it("are each 2-D task's own generator's points, without noise", () => {
    const previews = taskPreviews();
    expect(previews.map((p) => p.task)).toEqual([...PLANE_TASKS]);
    for (const { task, points } of previews) {
      expect(points.length).toBe(PREVIEW_POINTS * 3);
      const made = planePoints(task, PREVIEW_POINTS, 0, createRng(deriveSeed(1, `preview:${task}`)));
      expect(triples(points)).toEqual(made.map((p) => [Math.fround(p.x1), Math.fround(p.x2), p.label]));
    }
  });

  it('show the shapes: circle blue inside radius 2.5, xor blue where x1 x2 >= 0, classes of equal size', () => {
    const of = (task: string) => triples(taskPreviews().find((p) => p.task === task)!.points);
    for (const [x1, x2, label] of of('circle')) expect(label).toBe(Math.hypot(x1, x2) < 2.5 ? 1 : 0);
    for (const [x1, x2, label] of of('xor')) expect(label).toBe(x1 * x2 >= 0 ? 1 : 0);
    // Each class half of the points (xor's classes are where uniform points fall).
    for (const task of PLANE_TASKS.filter((t) => t !== 'xor'))
      expect(of(task).filter(([, , label]) => label === 1)).toHaveLength(PREVIEW_POINTS / 2);
  });

  it('answers its request at once and leaves every other message to the runner', () => {
    const posted: FromEngine[] = [];
    const transfers: Transferable[][] = [];
    const post = (m: FromEngine, t: Transferable[]) => void (posted.push(m), transfers.push(t));
    expect(answerPreviews({ type: 'play' }, post)).toBe(false);
    expect(answerPreviews({ type: 'taskPreviews' }, post)).toBe(true);
    expect(posted).toHaveLength(1);
    expect(posted[0].type).toBe('taskPreviews');
    expect(transfers[0]).toHaveLength(PLANE_TASKS.length);
  });
});
