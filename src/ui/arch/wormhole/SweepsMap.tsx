import { useCallback, useEffect, useRef, useState } from 'react';
import type { Frame, SweepsRelations } from '../../../protocol';
import { useAppStore } from '../../appState';
import { useFrames } from '../../kit/useFrames';
import { planeTask } from '../../views/layeredOutput';
import { gridReadout, onAxes, planePoint, toGrid } from '../../views/plane';
import { paintIterations, sweepsColour, sweepsScale } from './iterationMap';

/** Spearman's rho as shown: signed, two decimals; "none" when there is nothing to rank. */
const rho = (v: number) =>
  Number.isFinite(v) ? `ρ ${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}` : 'none';

const SIZE = 300;

/**
 * Wormhole: how many sweeps each point of the plane needed to converge, on its own colour scale (the map's range,
 * legend under it), the picked sample ringed, the sweeps under the pointer; and how the sweeps relate to the
 * decision boundary and to the gates (measured on the map's own grid: engine/arch/wormhole/sweepsRelations.ts).
 */
export function SweepsMap() {
  const show = useAppStore((s) => planeTask(s.spec));
  const extent = useAppStore((s) => s.runtime.layout?.plane.extent);
  const extentRef = useRef(extent);
  useEffect(() => void (extentRef.current = extent), [extent]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readout = useRef(gridReadout());
  const [relations, setRelations] = useState<SweepsRelations>();
  const [scale, setScale] = useState<ReturnType<typeof sweepsScale>>();
  const [picked, setPicked] = useState<string>();
  const [hover, setHover] = useState<string>();
  useFrames(
    useCallback((f: Frame) => {
      if (f.arch.kind !== 'wormhole' || f.arch.iterationMap.length === 0 || !canvasRef.current) return;
      const { iterationMap, fixedPoint } = f.arch;
      const [x1, x2] = fixedPoint.point;
      const ext = extentRef.current;
      const next = sweepsScale(iterationMap);
      paintIterations(canvasRef.current, iterationMap, f.heatmapRes, next.domain, ext && toGrid(x1, x2, ext));
      readout.current.set(iterationMap, f.heatmapRes);
      setScale((s) => (s && `${s.domain}` === `${next.domain}` ? s : next));
      setRelations(f.arch.sweepsRelations);
      setPicked(`${x1.toFixed(2)}, ${x2.toFixed(2)}`);
    }, []),
  );
  if (!show) return null;

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const [g1, g2] = planePoint(e, e.currentTarget.getBoundingClientRect());
    const sweeps = readout.current.at(g1, g2);
    if (sweeps === undefined || !extent) return setHover(undefined);
    const [x1, x2] = onAxes([g1, g2], extent);
    setHover(`(${x1.toFixed(2)}, ${x2.toFixed(2)}): ${sweeps} sweep${sweeps === 1 ? '' : 's'}`);
  };

  return (
    <figure className="iterations">
      <canvas
        ref={canvasRef}
        data-testid="iterations-heatmap"
        data-picked={picked}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label="Sweeps to converge over the input plane: pale = few, red = many; the ring is the picked sample"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(undefined)}
      />
      {scale && <SweepsLegend {...scale} />}
      <div className="hover-readout" data-testid="sweeps-hover" aria-live="off">
        {hover ?? 'Hover the map to read the sweeps at a point'}
      </div>
      <figcaption>
        Sweeps to converge at each input (the ring: the picked sample
        {picked ? ` (${picked})` : ''})
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

/** The colour bar of the sweeps map, from its fewest to its most sweeps, with whole-number ticks. */
function SweepsLegend({ domain, ticks }: ReturnType<typeof sweepsScale>) {
  const colour = sweepsColour(domain);
  const [lo, hi] = domain;
  const at = (v: number) => 4 + ((v - lo) / (hi - lo)) * 292;
  const stops = Array.from({ length: 11 }, (_, i) => lo + ((hi - lo) * i) / 10);
  return (
    <svg
      className="sweeps-legend"
      data-testid="sweeps-legend"
      viewBox="0 0 300 30"
      role="img"
      aria-label={`Colour scale: ${lo} sweeps (pale) to ${hi} sweeps (red)`}
    >
      <defs>
        <linearGradient id="sweeps-gradient">
          {stops.map((v, i) => (
            <stop key={i} offset={`${i * 10}%`} stopColor={colour(v)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={4} y={2} width={292} height={10} fill="url(#sweeps-gradient)" stroke="#ccc" />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${at(t)},0)`}>
          <line y1={12} y2={16} stroke="#555" />
          <text y={26} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
    </svg>
  );
}
