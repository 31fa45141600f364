/**
 * What a data table shows beyond the plane: the confusion matrix with each class's accuracy (K classes, or any
 * table of classes) and, for images, the test digits as thumbnails.
 */
import { isDataTask } from '../../experiment';
import { useAppStore } from '../appState';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitThumbnails } from './DigitThumbnails';

export function DataViews() {
  const layout = useAppStore((s) => s.runtime.layout);
  const dataTask = useAppStore((s) => isDataTask(s.spec.task.kind));
  if (!layout?.classes) return null;
  // The 2-D tasks' two classes are told by the plane; tables and K classes need the matrix.
  const confusion = dataTask || layout.head.kind === 'classes';
  return (
    <>
      {confusion && <ConfusionMatrix classes={layout.classes} />}
      {layout.images && <DigitThumbnails images={layout.images} test={layout.test} />}
    </>
  );
}
