import { useState } from 'react';
import { engine, useAppStore } from '../../appState';
import { planeTask } from '../../views/layeredOutput';

/**
 * Picking the replayed sample without a pointer: a training point by its number (the same pick as a click on the
 * output plane at that point).
 */
export function PickSample() {
  const layout = useAppStore((s) => s.runtime.layout);
  const show = useAppStore((s) => planeTask(s.spec));
  const [text, setText] = useState('1');
  const [problem, setProblem] = useState<string>();
  const count = layout ? Math.floor(layout.train.length / 3) : 0;
  if (!show || !layout || count === 0) return null;
  const pick = () => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > count)
      return setProblem(`Pick a training point from 1 to ${count}.`);
    setProblem(undefined);
    engine.selectSample([layout.train[3 * (n - 1)], layout.train[3 * (n - 1) + 1]]);
  };
  return (
    <form
      className="pick-sample"
      // Out of range is said here (the browser's own check would stop the submit without a word on some pages).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        pick();
      }}
    >
      <label>
        Training point (1-{count})
        <input
          type="number"
          min={1}
          max={count}
          step={1}
          value={text}
          title="The number of a training point whose solve the convergence view replays (as clicking it would)"
          aria-invalid={problem !== undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" title="Replay the solve of that training point, sweep by sweep">
        Pick sample
      </button>
      {problem && (
        <span role="alert" className="not-converged">
          {problem}
        </span>
      )}
    </form>
  );
}
