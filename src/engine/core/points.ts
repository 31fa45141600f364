/** A task's points, as every task generator makes them. */
export interface Point {
  x1: number;
  x2: number;
  label: 0 | 1;
  /** Sequence tasks: the window fed to the network (x1, x2 are unused). */
  inputs?: number[];
}

export interface Dataset {
  train: Point[];
  test: Point[];
}
