/** The engine's public API: what the worker, the bench and Node scripts use. */
export { createSession, sessionOf, type Session, type SessionOf } from './registry';
export { SpecError } from './core/specError';
export type { SnapshotRequest } from './core/session';
export { defaultSpec, type WeightMap } from '../experiment';
export type { DianMetrics, LiveMetrics, Metrics, Snapshot } from '../protocol';
