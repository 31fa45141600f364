/**
 * The Dynamic-Live graph: drag-and-drop edits go to the spec and the running network; rewirings animate. A click
 * on an edge (or Set a weight, without a pointer) opens the weight editor.
 */
import { useCallback, useRef, useState } from 'react';
import type { Frame, Layout } from '../../../protocol';
import { subscribeRewires, useAppStore } from '../../appState';
import { editLive } from '../../editHistory';
import { setText } from '../../kit/domWrites';
import { useFrames } from '../../kit/useFrames';
import { rewiringText } from './rewiringText';
import { GRAPH_WIDTH, GraphPanel } from '../../panels/GraphPanel';
import { WeightByKeyboard } from '../../panels/WeightByKeyboard';
import { WeightEditor } from '../../panels/WeightEditor';
import type { EdgeClick } from '../../views/networkGraph';
import { liveGraph } from './liveGeometry';
import { createLiveGraph } from './liveGraphView';

const liveEdges = (layout: Layout) =>
  layout.arch.kind === 'live' ? liveGraph(layout.arch, GRAPH_WIDTH, 400).edges : [];

function createView(svg: SVGSVGElement, tooltip: HTMLElement, editWeight: (edge: EdgeClick) => void) {
  const view = createLiveGraph(svg, tooltip, {
    edit: editLive,
    select: (id) => useAppStore.getState().setSelectedNeuron(id),
    editWeight,
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
  const [editing, setEditing] = useState<EdgeClick>();
  const create = useCallback(
    (svg: SVGSVGElement, tooltip: HTMLElement) => createView(svg, tooltip, setEditing),
    [],
  );
  return (
    <GraphPanel
      kind="live"
      createView={create}
      interactive
      header={
        <>
          <h2 id="network-title">Dynamic-Live network</h2>
          <p className="note">
            Drag a neuron&apos;s dot onto another neuron to connect them; drag an edge away to remove it; drag
            neurons to move them; click a hidden neuron, then press Delete, to remove it (or Tab to it: Enter
            selects, Delete removes; Connect from … to … below connects and removes edges); click an edge (or
            use Set a weight) to type its weight. Faint dashed edges are allowed but unconnected
            {beta && '; orange ones carry a negative weight (the beta code does not clamp)'}.
          </p>
          <p className="note legend live-legend">
            Each reward pulses a ring around the output (blue rewarded, orange punished); a new connection
            grows in, a lost one fades orange, and one lost and regained within a frame flashes yellow
            (rewired). Hover a neuron for its activation. <RewiringCounter />
          </p>
        </>
      }
    >
      {editing && <WeightEditor key={editing.id} edge={editing} onClose={() => setEditing(undefined)} />}
      <WeightByKeyboard onEdit={setEditing} edgesOf={liveEdges} />
    </GraphPanel>
  );
}
