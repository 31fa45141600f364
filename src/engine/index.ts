export { createSession, SpecError, type Session, type Snapshot, type Metrics } from './session';
export { defaultSpec } from '../spec';
export type { WeightMap } from './models/model';
