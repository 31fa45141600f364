/** A task's points, as every task generator makes them. */
export interface Point {
  x1: number;
  x2: number;
  /** 0/1 (the generated tasks), a class index or a numeric target (data tasks). */
  label: number;
  /** Sequence tasks: the window fed to the network (x1, x2 are unused); data tasks: the row (x1, x2 its place on the plane). */
  inputs?: number[];
}

export interface Dataset {
  train: Point[];
  test: Point[];
}
