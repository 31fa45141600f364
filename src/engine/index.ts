/** The engine's public API: what the worker, the bench and Node scripts use. */
export { createSession, sessionOf, type Session, type SessionOf, type SessionOptions } from './registry';
export { SpecError } from './core/specError';
export type { SnapshotRequest } from './core/session';
export { defaultSpec, type WeightMap } from '../experiment';
export type { DianMetrics, LiveMetrics, Metrics, Snapshot } from '../protocol';
// An exported experiment as a self-contained PyTorch script (src/export/pytorch).
export { pytorchFileName, pytorchRefusal, toPyTorch, type ExportedExperiment } from '../export/pytorch';

// Building blocks for measuring the engine outside a session (bench/): the seeded randomness and the tasks'
// data every session uses, the Live network itself and its reward streams, and the limits sessions work to.
export { createRng, deriveSeed, type Rng } from '../experiment';
export { makeDataset, type Dataset, type Point } from './core/tasks';
export { GATE_TRACE_LENGTH } from './arch/dian/gateTrace';
export { LiveNetwork, type LiveOptions, type LiveStructure } from './arch/live/network';
export { createLiveTask, type LiveTask } from './arch/live/tasks';
export { RECURSION_LIMIT as LIVE_RECURSION_LIMIT } from './arch/live/session';
