/**
 * The Output panel: the architecture's metrics, the loss curves, and the decision boundary over the input plane
 * with its hover read-out; the architecture adds its own views (src/ui/arch/<name>) under the plane.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Frame, Layout } from '../../protocol';
import { useAppStore, type HistoryPoint } from '../appState';
import { ARCHITECTURE_UI } from '../arch/registry';
import { useFrames } from '../kit/useFrames';
import { createHeatmap, type HeatmapView } from '../views/heatmap';
import { createLineChart, type LineChartView } from '../views/lineChart';
import { onAxes, planePoint, toGrid } from '../views/plane';
import { neuronPlane } from '../views/neuronPlane';
import { colouringOf } from '../views/planeOutput';
import { setAttr, setText } from '../kit/domWrites';
import { ColourLegend } from './ColourLegend';
import { PlaneLegend } from './PlaneLegend';
import { Rewind } from './Rewind';
import { ViewOptions } from './ViewOptions';

export function OutputPanel() {
  const layout = useAppStore((s) => s.runtime.layout);
  const view = useAppStore((s) => s.spec.view);
  const output = ARCHITECTURE_UI[useAppStore((s) => s.spec.architecture)].output;
  const showPlane = useAppStore((s) => output.showPlane(s.spec));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<SVGSVGElement>(null);
  const heatmapRef = useRef<HeatmapView>(undefined);
  const chartViewRef = useRef<LineChartView>(undefined);
  const cells = useRef<(HTMLElement | null)[]>([]);
  const [hover, setHover] = useState<string>();
  const hoveredNeuron = useAppStore((s) => s.hoveredNeuron);
  /** The last neuron maps (most frames carry none): what a hovered neuron shows in the big plane. */
  const neuronMaps = useRef<{ values: Float32Array; res: number }>(undefined);
  const readout = useMemo(() => output.readout?.(), [output]);
  const colouring = useMemo(() => layout && colouringOf(layout), [layout]);
  // One cell per row of this architecture (refs of a longer list of rows are not shortened by React).
  cells.current.length = output.metrics.length;

  useEffect(() => {
    heatmapRef.current = createHeatmap(canvasRef.current!);
    chartViewRef.current = createLineChart(chartRef.current!);
    return () => {
      heatmapRef.current?.destroy();
      chartViewRef.current?.destroy();
    };
  }, []);
  useEffect(() => {
    if (!layout || !colouring) return;
    heatmapRef.current?.setColouring(colouring);
    heatmapRef.current?.setPoints(layout.train, layout.test, layout.plane.extent);
  }, [layout, colouring]);
  useEffect(() => {
    heatmapRef.current?.showNeuron(hoveredNeuron && neuronPlane(hoveredNeuron, neuronMaps.current));
  }, [hoveredNeuron]);
  useEffect(() => heatmapRef.current?.setOptions(view), [view]);

  useFrames(
    useCallback(
      (frame: Frame, history: readonly HistoryPoint[], edits: readonly number[]) => {
        // A frame of the experiment still loading (another architecture) has other metrics.
        if (output.metrics.length === cells.current.length)
          output.metrics.forEach((row, i) => {
            const cell = cells.current[i];
            if (cell) setText(cell, row.read(frame));
          });
        readout?.update(frame);
        // A hidden plane is not painted (Dynamic-Live's tasks without one); the next heatmap comes soon when shown.
        if (frame.heatmapRes > 0 && showPlane) heatmapRef.current?.update(frame.heatmap, frame.heatmapRes);
        const marked = output.marker?.(frame);
        const extent = useAppStore.getState().runtime.layout?.plane.extent;
        heatmapRef.current?.setMarker(marked && extent && toGrid(marked[0], marked[1], extent));
        if (canvasRef.current) setAttr(canvasRef.current, 'data-marker', marked ? `${marked}` : null);
        // Live's neuronMaps are one value per neuron, not maps over the plane. The same maps again (a frame
        // without new ones: state/frames.ts) change nothing.
        const newMaps = frame.neuronMaps !== neuronMaps.current?.values;
        if (frame.neuronRes > 0 && frame.arch.kind !== 'live' && newMaps) {
          neuronMaps.current = { values: frame.neuronMaps, res: frame.neuronRes };
          const focus = useAppStore.getState().hoveredNeuron;
          if (focus) heatmapRef.current?.showNeuron(neuronPlane(focus, neuronMaps.current));
        }
        const steps = history.map((p) => p.step);
        chartViewRef.current?.update(
          [
            { key: 'train', color: '#777', xs: steps, ys: history.map((p) => p.trainLoss) },
            { key: 'test', color: '#111', xs: steps, ys: history.map((p) => p.testLoss) },
          ],
          edits,
        );
      },
      [output, readout, showPlane],
    ),
  );

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const [g1, g2] = planePoint(e, e.currentTarget.getBoundingClientRect());
    const output = heatmapRef.current?.readAt(g1, g2);
    if (output === undefined || !layout) return setHover(undefined);
    const extra = readout?.text(g1, g2);
    const [x1, x2] = onAxes([g1, g2], layout.plane.extent);
    setHover(`(${x1.toFixed(2)}, ${x2.toFixed(2)}): ${output}${extra ? `, ${extra}` : ''}`);
  };
  const { onPlaneClick, Extras } = output;

  return (
    <section className="panel output" aria-labelledby="output-title">
      <h2 id="output-title">Output</h2>
      <dl className="metrics">
        {output.metrics.map((row, i) => (
          <div key={row.label} className="metric">
            <dt>{row.label}</dt>
            <dd data-testid={row.testId} ref={(el) => void (cells.current[i] = el)}>
              –
            </dd>
          </div>
        ))}
      </dl>
      <svg
        ref={chartRef}
        className="loss-chart"
        viewBox="0 0 300 90"
        role="img"
        aria-label="Loss over steps: training (grey) and test (black)"
      />
      <Rewind />
      {showPlane && layout && <PlaneCaption plane={layout.plane} />}
      <canvas
        hidden={!showPlane}
        ref={canvasRef}
        data-testid="heatmap"
        className="heatmap"
        width={300}
        height={300}
        role="img"
        aria-label="Decision boundary over the input plane, with the data points"
        onMouseMove={onMove}
        onClick={
          onPlaneClick &&
          layout &&
          // The engine takes the point on the plane's axes (a data task's row there).
          ((e) =>
            onPlaneClick(onAxes(planePoint(e, e.currentTarget.getBoundingClientRect()), layout.plane.extent)))
        }
        onMouseLeave={() => setHover(undefined)}
      />
      {showPlane && colouring && <PlaneLegend colouring={colouring} />}
      {showPlane && colouring && <ColourLegend colouring={colouring} />}
      {Extras && <Extras />}
      <div className="hover-readout" aria-live="off">
        {hover ??
          (hoveredNeuron
            ? `The plane shows ${hoveredNeuron.id}'s output; leave the neuron to see the network's`
            : 'Hover the plane to read the output')}
      </div>
      <ViewOptions />
    </section>
  );
}

/** The plane's axes when they are not the 2-D tasks' x1 and x2, and what the rest of the inputs are doing. */
function PlaneCaption({ plane }: { plane: Layout['plane'] }) {
  if (plane.x === 'x1' && plane.y === 'x2' && !plane.note) return null;
  return (
    <p className="plane-note" data-testid="plane-note">
      Horizontal: {plane.x}, vertical: {plane.y}
      {plane.note && ` (${plane.note})`}
    </p>
  );
}
