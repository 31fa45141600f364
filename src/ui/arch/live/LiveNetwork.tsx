/** The Dynamic-Live graph: drag-and-drop edits go to the spec and the running network; rewirings animate. */
import { subscribeRewires, useAppStore } from '../../appState';
import { editLive } from '../../editHistory';
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

export function LiveNetwork() {
  const beta = useAppStore((s) => s.spec.live.fidelity === 'beta');
  return (
    <GraphPanel
      kind="live"
      createView={createView}
      header={
        <>
          <h2 id="network-title">Dynamic-Live network</h2>
          <p className="note">
            Drag a neuron&apos;s dot onto another neuron to connect them; drag an edge away to remove it; drag
            neurons to move them; click a hidden neuron, then press Delete, to remove it. Faint dashed edges
            are allowed but unconnected
            {beta && '; orange ones carry a negative weight (the beta code does not clamp)'}.
          </p>
        </>
      }
    />
  );
}
