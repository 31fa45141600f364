/** The Dynamic-Live graph: drag-and-drop edits go to the spec and the running network; rewirings animate. */
import { useCallback, useRef } from 'react';
import type { Frame } from '../../../protocol';
import { subscribeRewires, useAppStore } from '../../appState';
import { editLive } from '../../editHistory';
import { setText } from '../../kit/domWrites';
import { useFrames } from '../../kit/useFrames';
import { rewiringText } from './rewiringText';
import { GraphPanel } from '../../panels/GraphPanel';
import { createLiveGraph } from './liveGraphView';

function createView(svg: SVGSVGElement, tooltip: HTMLElement) {
  const view = createLiveGraph(svg, tooltip, {
    edit: editLive,
    select: (id) => useAppStore.getState().setSelectedNeuron(id),
  });
  const unsubscribe = subscribeRewires(view.rewire);
  return {
    ...view,
    destroy() {
      unsubscribe();
      view.destroy();
    },
  };
}

function RewiringCounter() {
  const ref = useRef<HTMLSpanElement>(null);
  useFrames(useCallback((frame: Frame) => setText(ref.current!, rewiringText(frame.arch)), []));
  return <span ref={ref} data-testid="live-rewirings" aria-live="off" />;
}

export function LiveNetwork() {
  const beta = useAppStore((s) => s.spec.live.fidelity === 'beta');
  return (
    <GraphPanel
      kind="live"
      createView={createView}
      interactive
      header={
        <>
          <h2 id="network-title">Dynamic-Live network</h2>
          <p className="note">
            Drag a neuron&apos;s dot onto another neuron to connect them; drag an edge away to remove it; drag
            neurons to move them; click a hidden neuron, then press Delete, to remove it (or Tab to it: Enter
            selects, Delete removes; Connect from … to … below connects and removes edges). Faint dashed edges
            are allowed but unconnected
            {beta && '; orange ones carry a negative weight (the beta code does not clamp)'}.
          </p>
          <p className="note legend live-legend">
            Each reward pulses a ring around the output (blue rewarded, orange punished); a new connection
            grows in, a lost one fades orange, and one lost and regained within a frame flashes yellow
            (rewired). Hover a neuron for its activation. <RewiringCounter />
          </p>
        </>
      }
    />
  );
}
