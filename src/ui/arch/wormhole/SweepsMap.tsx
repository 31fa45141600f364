import { useCallback, useEffect, useRef, useState } from 'react';
import type { Frame, SweepsRelations } from '../../../protocol';
import { useAppStore } from '../../appState';
import { useFrames } from '../../kit/useFrames';
import { planeTask } from '../../views/layeredOutput';
import { paintIterations } from './iterationMap';

/** Spearman's rho as shown: signed, two decimals; "none" when there is nothing to rank. */
const rho = (v: number) =>
  Number.isFinite(v) ? `ρ ${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}` : 'none';

/**
 * Wormhole: how many sweeps each point of the plane needed to converge, and how that relates to the decision
 * boundary and to the gates (measured on the map's own grid: engine/arch/wormhole/sweepsRelations.ts).
 */
export function SweepsMap() {
  const show = useAppStore((s) => planeTask(s.spec));
  const maxIter = useAppStore((s) => s.spec.wormhole.maxIter);
  const maxIterRef = useRef(maxIter);
  useEffect(() => void (maxIterRef.current = maxIter), [maxIter]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [relations, setRelations] = useState<SweepsRelations>();
  useFrames(
    useCallback((f: Frame) => {
      if (f.arch.kind !== 'wormhole' || f.arch.iterationMap.length === 0 || !canvasRef.current) return;
      paintIterations(canvasRef.current, f.arch.iterationMap, f.heatmapRes, maxIterRef.current);
      setRelations(f.arch.sweepsRelations);
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
      <figcaption>
        Sweeps to converge (pale: 1, red: maxIter)
        {relations && (
          <span data-testid="sweeps-relations">
            {' '}
            — {relations.minSweeps}-{relations.maxSweeps} sweeps; rank correlation with the distance to the
            decision boundary {rho(relations.boundaryDistance)}, with the gate value {rho(relations.gate)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
