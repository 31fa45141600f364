import { useCallback, useEffect, useRef } from 'react';
import type { Frame } from '../../../protocol';
import { useAppStore } from '../../appState';
import { useFrames } from '../../kit/useFrames';
import { planeTask } from '../../views/layeredOutput';
import { paintIterations } from './iterationMap';

/** Wormhole: how many sweeps each point of the plane needed to converge. */
export function SweepsMap() {
  const show = useAppStore((s) => planeTask(s.spec));
  const maxIter = useAppStore((s) => s.spec.wormhole.maxIter);
  const maxIterRef = useRef(maxIter);
  useEffect(() => void (maxIterRef.current = maxIter), [maxIter]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useFrames(
    useCallback((f: Frame) => {
      if (f.arch.kind !== 'wormhole' || f.arch.iterationMap.length === 0 || !canvasRef.current) return;
      paintIterations(canvasRef.current, f.arch.iterationMap, f.heatmapRes, maxIterRef.current);
    }, []),
  );
  if (!show) return null;
  return (
    <figure className="iterations">
      <canvas
        ref={canvasRef}
        data-testid="iterations-heatmap"
        width={150}
        height={150}
        role="img"
        aria-label="Sweeps to converge over the input plane: pale = few, red = many"
      />
      <figcaption>Sweeps to converge (pale: 1, red: maxIter)</figcaption>
    </figure>
  );
}
