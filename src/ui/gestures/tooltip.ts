/** The hover read-out the graph views share: a text box beside the pointer, placed in the svg's container. */

export interface Tooltip {
  show(event: MouseEvent, text: string): void;
  hide(): void;
}

export function hoverTooltip(element: HTMLElement, svg: SVGSVGElement): Tooltip {
  return {
    show: (event, text) => {
      element.textContent = text;
      element.hidden = false;
      const box = svg.parentElement!.getBoundingClientRect();
      element.style.left = `${event.clientX - box.left + 12}px`;
      element.style.top = `${event.clientY - box.top + 12}px`;
    },
    hide: () => {
      element.hidden = true;
    },
  };
}
