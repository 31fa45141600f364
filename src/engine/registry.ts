/**
 * The engine's registry: one session factory per architecture. A new architecture adds its session to the
 * `Session` union and one line to SESSIONS; the compiler lists what is missing.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ARCHITECTURE_SLICES, validateSpec, type Architecture, type ExperimentSpec } from '../experiment';
import { DianSession } from './arch/dian/session';
import { LiveSession } from './arch/live/session';
import { MlpSession } from './arch/mlp/session';
import { WormholeSession } from './arch/wormhole/session';
import type { SessionOptions } from './core/session';
import { SpecError } from './core/specError';

export type { SessionOptions };

/** Every session, told apart by `kind`; each kind has the capabilities of its architecture and no others. */
export type Session = MlpSession | DianSession | LiveSession | WormholeSession;
export type SessionOf<K extends Architecture> = Extract<Session, { kind: K }>;

const SESSIONS: { [K in Architecture]: (spec: ExperimentSpec, options: SessionOptions) => SessionOf<K> } = {
  mlp: (spec, options) => new MlpSession(spec, options),
  dian: (spec, options) => new DianSession(spec, options),
  live: (spec, options) => new LiveSession(spec, options),
  wormhole: (spec, options) => new WormholeSession(spec, options),
};

/** Validates the spec (refusing it with every reason) and builds its architecture's session. */
export async function createSession(
  specInput: ExperimentSpec,
  options: SessionOptions = {},
): Promise<Session> {
  const { spec, problems } = validateSpec(specInput);
  if (problems.length > 0) throw new SpecError(`Invalid experiment: ${problems.join('; ')}.`);
  await tf.ready();
  const make: (spec: ExperimentSpec, options: SessionOptions) => Session = SESSIONS[spec.architecture];
  return make(spec, options);
}

/** The session as its own kind, for callers that know what they built; a SpecError when it is another. */
export function sessionOf<K extends Architecture>(session: Session, kind: K): SessionOf<K> {
  if (session.kind !== kind) throw new SpecError(`That only works on the ${ARCHITECTURE_SLICES[kind].name}.`);
  return session as SessionOf<K>;
}
