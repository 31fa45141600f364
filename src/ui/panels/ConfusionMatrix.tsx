/** The confusion matrix on the test set with each class's accuracy, for classifications the plane cannot show. */
import { useCallback, useEffect, useRef } from 'react';
import type { Frame } from '../../protocol';
import { latestFrame } from '../appState';
import { useFrames } from '../kit/useFrames';
import { createConfusionMatrix, type ConfusionView } from '../views/confusion';

export function ConfusionMatrix({ classes }: { classes: readonly string[] }) {
  const tableRef = useRef<HTMLTableElement>(null);
  const viewRef = useRef<ConfusionView>(undefined);
  useEffect(() => {
    const view = createConfusionMatrix(tableRef.current!);
    view.setClasses(classes);
    viewRef.current = view;
    // A paused engine sends no new frame: show the last one.
    const frame = latestFrame();
    const counts = frame?.metrics.confusion;
    if (counts) view.update(counts);
    return () => view.destroy();
  }, [classes]);
  useFrames(
    useCallback((frame: Frame) => {
      const counts = frame.metrics.confusion;
      if (counts) viewRef.current?.update(counts);
    }, []),
  );
  return (
    <section className="panel confusion" aria-labelledby="confusion-title">
      <h2 id="confusion-title">Confusion matrix</h2>
      <div className="table-scroll">
        <table ref={tableRef} className="confusion-matrix" data-testid="confusion-matrix" />
      </div>
    </section>
  );
}
