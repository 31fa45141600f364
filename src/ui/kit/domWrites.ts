/**
 * DOM writes for views drawn every frame, made only when they change: writing the same text or attribute value
 * still counts as a change (the text node is replaced, style and paint are invalidated), and at full speed that is
 * most of the main thread's time for a frame that looks the same.
 */

/** Writes an element's text only when it changes (a counter would otherwise "change" on a frame at the same step). */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets (or, with null, removes) an attribute only when its value changes. */
export function setAttr(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** setAttr for a d3 selection: `selection.each(changedAttr('stroke', (d) => colour(d)))`. */
export function changedAttr<D>(name: string, value: (datum: D, index: number) => string | null) {
  // d3 types `this` as any node it could hold; each() only calls this on the selection's elements.
  return function (this: unknown, datum: D, index: number) {
    setAttr(this as Element, name, value(datum, index));
  };
}

/** Adds or removes a class only when that changes it (classList writes the attribute even when it does not). */
export function setClass(element: Element, name: string, on: boolean): void {
  if (element.classList.contains(name) !== on) element.classList.toggle(name, on);
}
