/** What the plane's colours mean: the classes by name, or the numeric target's value scale. */
import { classColor } from '../kit/classColors';
import { divergingColor } from '../kit/colors';
import { className, type PlaneColouring } from '../views/planeOutput';

export function PlaneLegend({ colouring }: { colouring: PlaneColouring }) {
  const { head, classes, range } = colouring;
  if (head.kind === 'regression') {
    const stops = [-1, -0.5, 0, 0.5, 1].map((v) => divergingColor(v)).join(', ');
    return (
      <div
        className="plane-legend"
        data-testid="plane-legend"
        aria-label="Colour scale of the predicted value"
      >
        <span>{range[0].toPrecision(3)}</span>
        <span className="value-scale" style={{ background: `linear-gradient(to right, ${stops})` }} />
        <span>{range[1].toPrecision(3)}</span>
      </div>
    );
  }
  // The 2-D tasks' unnamed classes are the Playground's orange and blue: no legend needed.
  if (head.kind === 'binary' && (classes === null || (classes[0] === '0' && classes[1] === '1'))) return null;
  const k = head.kind === 'classes' ? head.k : 2;
  return (
    <ul className="plane-legend" data-testid="plane-legend" aria-label="Classes and their colours">
      {Array.from({ length: k }, (_, c) => (
        <li key={c}>
          <span className="swatch" style={{ background: classColor(c) }} aria-hidden="true" />
          {className(classes, c)}
        </li>
      ))}
    </ul>
  );
}
