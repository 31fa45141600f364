/**
 * The task picker's pictures: each 2-D task's points from the generator that makes its data (engine/core/tasks.ts),
 * 200 points without noise, as the TensorFlow Playground draws its dataset thumbnails. Answered at once, outside
 * the runner's queue (nothing of the running experiment is touched).
 */
import { planePoints } from '../engine/core/tasks';
import { createRng, deriveSeed, PLANE_TASKS } from '../experiment';
import type { FromEngine, TaskPreview, ToEngine } from '../protocol';

export const PREVIEW_POINTS = 200;

export function taskPreviews(): TaskPreview[] {
  return PLANE_TASKS.map((task) => {
    const rng = createRng(deriveSeed(1, `preview:${task}`));
    const points = planePoints(task, PREVIEW_POINTS, 0, rng);
    return { task, points: Float32Array.from(points.flatMap((p) => [p.x1, p.x2, p.label])) };
  });
}

/** Answers a request for the previews (true), or leaves the message to the runner (false). */
export function answerPreviews(
  message: ToEngine,
  post: (message: FromEngine, transfer: Transferable[]) => void,
): boolean {
  if (message.type !== 'taskPreviews') return false;
  const previews = taskPreviews();
  post(
    { type: 'taskPreviews', previews },
    previews.map((p) => p.points.buffer),
  );
  return true;
}
