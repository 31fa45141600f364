/** An experiment, weight set or call the engine refuses; the message says why, for people. */
export class SpecError extends Error {}
