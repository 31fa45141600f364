/**
 * The confusion matrix on the test set (K x K counts, row = true class, column = predicted, row-major) and the
 * accuracy per class, as an HTML table: headers name the classes, so a screen reader reads "true 3, predicted 8".
 * Framework-free: built once per set of classes, each frame writes only the cells that changed.
 */
import { setText } from '../kit/domWrites';

export interface ConfusionSummary {
  /** Test rows of each true class. */
  rowTotals: number[];
  /** Share of each true class predicted right (NaN for a class with no test rows). */
  perClass: number[];
  /** Share of all test rows predicted right (NaN without any). */
  accuracy: number;
}

export function summarise(counts: ArrayLike<number>, k: number): ConfusionSummary {
  const rowTotals = Array.from({ length: k }, (_, t) => {
    let sum = 0;
    for (let p = 0; p < k; p++) sum += counts[t * k + p];
    return sum;
  });
  const perClass = rowTotals.map((n, t) => (n > 0 ? counts[t * k + t] / n : NaN));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  let correct = 0;
  for (let t = 0; t < k; t++) correct += counts[t * k + t];
  return { rowTotals, perClass, accuracy: total > 0 ? correct / total : NaN };
}

/** A cell's shade: the share of its true class that landed there, in tenths (blue on the diagonal, orange off it). */
export function cellShade(count: number, rowTotal: number, diagonal: boolean): string | null {
  const tenths = rowTotal > 0 ? Math.round((10 * count) / rowTotal) : 0;
  if (tenths === 0) return null;
  const rgb = diagonal ? '8,119,189' : '245,147,34';
  return `rgba(${rgb},${(tenths / 10) * 0.6})`;
}

const percent = (v: number) => (Number.isNaN(v) ? '–' : `${Math.round(v * 100)}%`);

export interface ConfusionView {
  setClasses(classes: readonly string[]): void;
  update(counts: ArrayLike<number>): void;
  destroy(): void;
}

export function createConfusionMatrix(table: HTMLTableElement): ConfusionView {
  let k = 0;
  let cells: HTMLTableCellElement[] = [];
  /** Each cell's shade as last written (the page's CSP allows styles set through the CSSOM, not style attributes). */
  let shades: (string | null)[] = [];
  let accuracyCells: HTMLTableCellElement[] = [];
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', parent?: Element) => {
    const e = document.createElement(tag);
    e.textContent = text;
    parent?.append(e);
    return e;
  };
  const header = (text: string, scope: 'row' | 'col', parent: Element) => {
    const th = el('th', text, parent);
    th.scope = scope;
    return th;
  };

  return {
    setClasses(classes) {
      k = classes.length;
      table.replaceChildren();
      el('caption', 'Test set: rows are the true class, columns the predicted one', table);
      const head = el('tr', '', el('thead', '', table));
      header('true \\ predicted', 'col', head);
      classes.forEach((c) => header(c, 'col', head).setAttribute('title', `predicted ${c}`));
      header('accuracy', 'col', head);
      const body = el('tbody', '', table);
      cells = [];
      accuracyCells = [];
      shades = new Array<string | null>(k * k).fill(null);
      classes.forEach((c, t) => {
        const row = el('tr', '', body);
        header(c, 'row', row).setAttribute('title', `true ${c}`);
        classes.forEach(() => cells.push(el('td', '–', row)));
        accuracyCells.push(el('td', '–', row));
        accuracyCells[t].className = 'class-accuracy';
      });
    },
    update(counts) {
      if (counts.length !== k * k) return;
      const { rowTotals, perClass } = summarise(counts, k);
      cells.forEach((cell, i) => {
        const t = Math.floor(i / k);
        setText(cell, String(counts[i]));
        const shade = cellShade(counts[i], rowTotals[t], t === i % k);
        if (shade === shades[i]) return;
        shades[i] = shade;
        cell.style.backgroundColor = shade ?? '';
      });
      accuracyCells.forEach((cell, t) => setText(cell, percent(perClass[t])));
    },
    destroy() {
      table.replaceChildren();
      cells = [];
      accuracyCells = [];
    },
  };
}
