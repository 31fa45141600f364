/** Pointer gestures and the hover tooltip, shared by the graph views. */
export { connect, elementUnder } from './connect';
export { dragAway, REMOVE_DISTANCE } from './dragAway';
export type { Gesture } from './gesture';
export { move } from './move';
export { hoverTooltip, type Tooltip } from './tooltip';
