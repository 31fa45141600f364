/** The first test digits as 8x8 thumbnails, the misclassified ones outlined with what they were taken for. */
import { useCallback, useEffect, useRef } from 'react';
import type { Frame } from '../../protocol';
import { latestFrame } from '../appState';
import { useFrames } from '../kit/useFrames';
import { createDigitGrid, type DigitGridView, type DigitImages } from '../views/digits';

export function DigitThumbnails({ images, test }: { images: DigitImages; test: Float32Array }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<DigitGridView>(undefined);
  useEffect(() => {
    const view = createDigitGrid(canvasRef.current!);
    view.setImages(images, test);
    const frame = latestFrame();
    view.update(frame?.testPredicted);
    viewRef.current = view;
    return () => view.destroy();
  }, [images, test]);
  useFrames(useCallback((frame: Frame) => viewRef.current?.update(frame.testPredicted), []));
  return (
    <section className="panel digits" aria-labelledby="digits-title">
      <h2 id="digits-title">Test digits</h2>
      <canvas ref={canvasRef} className="digit-grid" data-testid="digit-thumbnails" role="img" />
    </section>
  );
}
