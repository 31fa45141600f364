/**
 * A small picture of each 2-D task's data beside the task picker (as the TensorFlow Playground's dataset
 * thumbnails): the engine draws the points from each task's own generator; a click picks that task.
 */
import { useEffect, useRef } from 'react';
import { INPUT_DOMAIN, type TaskKind } from '../../experiment';
import type { TaskPreview } from '../../protocol';
import { engine, useAppStore } from '../appState';
import { NEGATIVE, POSITIVE } from '../kit/colors';

export const THUMBNAIL_SIZE = 48;

function drawPreview(canvas: HTMLCanvasElement, points: Float32Array): void {
  const ctx = canvas.getContext('2d')!;
  const at = (v: number) => ((v + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * THUMBNAIL_SIZE;
  ctx.clearRect(0, 0, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  for (let i = 0; i < points.length; i += 3) {
    ctx.fillStyle = points[i + 2] === 1 ? POSITIVE : NEGATIVE;
    ctx.fillRect(at(points[i]) - 1, THUMBNAIL_SIZE - at(points[i + 1]) - 1, 2, 2);
  }
}

function Thumbnail(props: { preview: TaskPreview; label: string; chosen: boolean; onPick: () => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => drawPreview(ref.current!, props.preview.points), [props.preview]);
  return (
    <button
      type="button"
      className="task-thumbnail"
      data-task={props.preview.task}
      aria-pressed={props.chosen}
      aria-label={props.label}
      title={`Use the ${props.label.toLowerCase()} task (its data, drawn by its own generator without noise)`}
      onClick={props.onPick}
    >
      <canvas ref={ref} width={THUMBNAIL_SIZE} height={THUMBNAIL_SIZE} />
    </button>
  );
}

export function TaskThumbnails(props: {
  labels: Partial<Record<TaskKind, string>>;
  onPick: (task: TaskKind) => void;
}) {
  const previews = useAppStore((s) => s.runtime.taskPreviews);
  const ready = useAppStore((s) => s.runtime.engine === 'ready');
  const kind = useAppStore((s) => s.spec.task.kind);
  useEffect(() => {
    if (ready && !previews) engine.requestTaskPreviews();
  }, [ready, previews]);
  if (!previews) return null;
  return (
    <div
      className="task-thumbnails"
      role="group"
      aria-label="Pictures of the 2-D data"
      data-testid="task-thumbnails"
    >
      {previews.map((p) => (
        <Thumbnail
          key={p.task}
          preview={p}
          label={props.labels[p.task] ?? p.task}
          chosen={kind === p.task}
          onPick={() => props.onPick(p.task)}
        />
      ))}
    </div>
  );
}
