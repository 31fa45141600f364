/**
 * Writes an element's text only when it changes: writing the same text replaces the text node all the same (a
 * DOM change, a layout to redo), and a counter would "change" on a frame that shows the same step.
 */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
