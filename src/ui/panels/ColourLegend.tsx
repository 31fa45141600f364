/**
 * What the colours mean, beside the plane (as the TensorFlow Playground's colour bar): the plane's output on its
 * scale with the numbers at the ends, and the scale of the neurons' maps and the weights in the graph.
 */
import type { Architecture } from '../../experiment';
import { useAppStore } from '../appState';
import { divergingColor } from '../kit/colors';
import type { PlaneColouring } from '../views/planeOutput';

const GRADIENT = `linear-gradient(to right, ${[-1, -0.5, 0, 0.5, 1].map((v) => divergingColor(v)).join(', ')})`;

function Scale(props: { label: string; low: string; high: string; testId: string; title: string }) {
  return (
    <div className="colour-scale" data-testid={props.testId} title={props.title}>
      <span className="scale-label">{props.label}</span>
      <span className="scale-end">{props.low}</span>
      <span className="value-scale" style={{ background: GRADIENT }} aria-hidden="true" />
      <span className="scale-end">{props.high}</span>
    </div>
  );
}

/** The scales for the architecture's graph; the plane's output scale where its head has one (two classes). */
export function ColourLegend({ colouring }: { colouring: PlaneColouring }) {
  const architecture: Architecture = useAppStore((s) => s.spec.architecture);
  const hovered = useAppStore((s) => s.hoveredNeuron);
  return (
    <div
      className="colour-legend"
      data-testid="colour-legend"
      aria-label="What the colours mean"
      role="group"
    >
      {colouring.head.kind === 'binary' && !hovered && (
        <Scale
          testId="output-scale"
          label="Output P(blue)"
          low="0"
          high="1"
          title="The plane's colour is the probability of the blue class: orange 0, grey 0.5, blue 1"
        />
      )}
      {architecture === 'live' ? (
        <Scale
          testId="neuron-scale"
          label="Neuron output"
          low="0"
          high="1"
          title="A neuron's fill is its output now, 0 orange to 1 blue; a connection is blue when positive, orange when negative"
        />
      ) : (
        <Scale
          testId="neuron-scale"
          label={hovered ? `Plane: ${hovered.id}'s output` : 'Neurons, weights'}
          low="−1"
          high="1"
          title="Neuron maps and weights: orange negative, grey 0, blue positive; values beyond ±1 take the end colour (output neurons show 2 sigmoid − 1 of their logit)"
        />
      )}
    </div>
  );
}
