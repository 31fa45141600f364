import { useCallback, useEffect, useRef, useState } from 'react';
import { INPUT_DOMAIN, isSequenceTask } from '../../experiment';
import type { HistoryPoint } from '../appState';
import { useAppStore } from '../appState';
import type { Frame } from '../../protocol';
import { createHeatmap, type HeatmapView } from '../views/heatmap';
import { createLineChart, type LineChartView } from '../views/lineChart';
import { createRecentChart, type RecentChartView } from '../arch/live/recentChart';
import { paintIterations } from '../arch/wormhole/iterationMap';
import { engine } from '../appState';
import { useFrames } from '../kit/useFrames';

const fmt = (v: number) => (Number.isNaN(v) ? '–' : Number.isFinite(v) ? v.toFixed(3) : String(v));
const pct = (v: number) => (Number.isNaN(v) ? '–' : `${(v * 100).toFixed(1)}%`);

export function OutputPanel() {
  const layout = useAppStore((s) => s.runtime.layout);
  const view = useAppStore((s) => s.spec.view);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<SVGSVGElement>(null);
  const heatmapRef = useRef<HeatmapView>(undefined);
  const chartViewRef = useRef<LineChartView>(undefined);
  const text = useRef<Record<string, HTMLElement | null>>({});
  const [hover, setHover] = useState<string>();
  const gateMap = useRef<{ values: Float32Array; res: number }>(undefined);
  const isDian = useAppStore((s) => s.spec.architecture === 'dian');
  const isLive = useAppStore((s) => s.spec.architecture === 'live');
  const showPlane = useAppStore((s) =>
    s.spec.architecture === 'live' ? s.spec.live.task === '2d' : !isSequenceTask(s.spec.task.kind),
  );
  const recentRef = useRef<SVGSVGElement>(null);
  const isWormhole = useAppStore((s) => s.spec.architecture === 'wormhole');
  const maxIter = useAppStore((s) => s.spec.wormhole.maxIter);
  const maxIterRef = useRef(maxIter);
  useEffect(() => void (maxIterRef.current = maxIter), [maxIter]);
  const iterationsRef = useRef<HTMLCanvasElement>(null);
  const iterationGrid = useRef<{ values: Float32Array; res: number }>(undefined);
  const recentView = useRef<RecentChartView>(undefined);

  useEffect(() => {
    heatmapRef.current = createHeatmap(canvasRef.current!);
    chartViewRef.current = createLineChart(chartRef.current!);
    recentView.current = createRecentChart(recentRef.current!);
    return () => {
      heatmapRef.current?.destroy();
      chartViewRef.current?.destroy();
      recentView.current?.destroy();
    };
  }, []);
  useEffect(() => {
    if (layout) heatmapRef.current?.setPoints(layout.train, layout.test);
  }, [layout]);
  useEffect(() => heatmapRef.current?.setOptions(view), [view]);

  useFrames(
    useCallback((frame: Frame, history: readonly HistoryPoint[]) => {
      const m = frame.metrics;
      const set = (key: string, value: string) => {
        if (text.current[key]) text.current[key]!.textContent = value;
      };
      set('loss', fmt(m.trainLoss));
      set('testLoss', fmt(m.testLoss));
      set('trainAcc', pct(m.trainAccuracy));
      set('testAcc', pct(m.testAccuracy));
      const { arch } = frame;
      if (arch.kind === 'dian') {
        set('testAccOn', pct(arch.testAccuracyGateOn));
        set('testAccOff', pct(arch.testAccuracyGateOff));
        if (arch.gateMap.length > 0) gateMap.current = { values: arch.gateMap, res: frame.heatmapRes };
      }
      if (arch.kind === 'live') {
        set('reward', fmt(arch.meanReward));
        recentView.current?.update(arch.recent);
      }
      if (arch.kind === 'wormhole' && arch.iterationMap.length > 0 && iterationsRef.current) {
        iterationGrid.current = { values: arch.iterationMap, res: frame.heatmapRes };
        paintIterations(iterationsRef.current, arch.iterationMap, frame.heatmapRes, maxIterRef.current);
      }
      if (frame.heatmapRes > 0) heatmapRef.current?.update(frame.heatmap, frame.heatmapRes);
      const steps = history.map((p) => p.step);
      chartViewRef.current?.update([
        { key: 'train', color: '#777', xs: steps, ys: history.map((p) => p.trainLoss) },
        { key: 'test', color: '#111', xs: steps, ys: history.map((p) => p.testLoss) },
      ]);
    }, []),
  );

  const planePoint = (e: React.MouseEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - box.left) / box.width) * 2 * INPUT_DOMAIN - INPUT_DOMAIN,
      INPUT_DOMAIN - ((e.clientY - box.top) / box.height) * 2 * INPUT_DOMAIN,
    ];
  };
  /** The cell of a res x res grid under a point of the plane (clamped: the right and bottom edges are inside). */
  const cell = (x1: number, x2: number, res: number) => {
    const clamp = (v: number) => Math.min(res - 1, Math.max(0, Math.floor(v)));
    return (
      clamp(((INPUT_DOMAIN - x2) / (2 * INPUT_DOMAIN)) * res) * res +
      clamp(((x1 + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * res)
    );
  };
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const [x1, x2] = planePoint(e);
    const p = heatmapRef.current?.valueAt(x1, x2);
    if (p === undefined) return setHover(undefined);
    let text = `(${x1.toFixed(2)}, ${x2.toFixed(2)}): P(blue) = ${p.toFixed(3)}`;
    const gates = gateMap.current;
    if (isDian && gates) {
      text += `, gate g = ${gates.values[cell(x1, x2, gates.res)].toFixed(3)}`;
    }
    const its = iterationGrid.current;
    if (isWormhole && its) {
      text += `, ${its.values[cell(x1, x2, its.res)]} sweeps`;
    }
    setHover(text);
  };

  return (
    <section className="panel output" aria-labelledby="output-title">
      <h2 id="output-title">Output</h2>
      <dl className="metrics">
        <dt>{isLive ? 'Squared error (last 100 steps)' : 'Training loss'}</dt>
        <dd data-testid="loss" ref={(el) => void (text.current.loss = el)}>
          –
        </dd>
        {isLive ? (
          <>
            <dt>Mean reward (last 100 steps)</dt>
            <dd data-testid="mean-reward" ref={(el) => void (text.current.reward = el)}>
              –
            </dd>
            <dt>Accuracy (last 100 steps)</dt>
            <dd ref={(el) => void (text.current.trainAcc = el)}>–</dd>
          </>
        ) : (
          <>
            <dt>Test loss</dt>
            <dd data-testid="test-loss" ref={(el) => void (text.current.testLoss = el)}>
              –
            </dd>
            <dt>Training accuracy</dt>
            <dd ref={(el) => void (text.current.trainAcc = el)}>–</dd>
            <dt>Test accuracy</dt>
            <dd data-testid="test-accuracy" ref={(el) => void (text.current.testAcc = el)}>
              –
            </dd>
          </>
        )}
        {isDian && (
          <>
            <dt>Test accuracy, gate on</dt>
            <dd data-testid="test-accuracy-gate-on" ref={(el) => void (text.current.testAccOn = el)}>
              –
            </dd>
            <dt>Test accuracy, gate off</dt>
            <dd data-testid="test-accuracy-gate-off" ref={(el) => void (text.current.testAccOff = el)}>
              –
            </dd>
          </>
        )}
      </dl>
      <svg
        ref={chartRef}
        className="loss-chart"
        viewBox="0 0 300 90"
        role="img"
        aria-label="Loss over steps: training (grey) and test (black)"
      />
      <svg
        ref={recentRef}
        className="recent-chart"
        viewBox="0 0 300 60"
        role="img"
        aria-label="Last steps: output (bars, blue = rewarded, orange = punished) and target (dots)"
        display={isLive ? undefined : 'none'}
      />
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
        onClick={isWormhole ? (e) => engine.selectSample(planePoint(e)) : undefined}
        onMouseLeave={() => setHover(undefined)}
      />
      {isWormhole && showPlane && (
        <figure className="iterations">
          <canvas
            ref={iterationsRef}
            data-testid="iterations-heatmap"
            width={150}
            height={150}
            role="img"
            aria-label="Sweeps to converge over the input plane: pale = few, red = many"
          />
          <figcaption>Sweeps to converge (pale: 1, red: maxIter)</figcaption>
        </figure>
      )}
      <div className="hover-readout" aria-live="off">
        {hover ?? 'Hover the plane to read the output'}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={view.showTestData}
          onChange={(e) => updateSpec((d) => void (d.view.showTestData = e.target.checked))}
        />
        Show test data
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={view.discretize}
          onChange={(e) => updateSpec((d) => void (d.view.discretize = e.target.checked))}
        />
        Discretize output
      </label>
    </section>
  );
}
