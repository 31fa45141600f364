/**
 * The worker's backend: starts the one chosen and, with "auto", chooses by measurement — on start and when the
 * architecture or the network's size changes, it times the experiment on each backend "auto" may use, on
 * throwaway sessions of the same spec (each with its own seeded randomness: the user's session is not touched),
 * and keeps the fastest.
 */
import { createSession, type Session } from '../engine';
import { stepRate } from '../engine/core/backends';
import type { BackendChoice, BackendName, ExperimentSpec } from '../experiment';
import type { EngineEvent } from '../protocol';
import type { MeasureBackend, StartedBackend } from './backend';
import type { Post } from './outbox';

export type StartBackend = (choice: BackendChoice, measure?: MeasureBackend) => Promise<StartedBackend>;
/** How the worker builds sessions (the engine's registry; tests wrap it). */
export type MakeSession = (spec: ExperimentSpec) => Promise<Session>;

/** Reports the backend running (and with "auto" the rates it measured), and the backends that failed. */
export function announceBackend(post: Post, started: StartedBackend, choice: BackendChoice): void {
  const { backend, adapter, adapterDescription, rates } = started;
  post({ type: 'ready', backend, choice, adapter, adapterDescription, ...(rates ? { rates } : {}) });
  const events: EngineEvent[] = started.failures.map((f) => ({
    kind: 'backend-fallback',
    wanted: f.backend,
    reason: f.reason,
  }));
  if (events.length > 0) post({ type: 'events', events });
}

export class BackendSelection {
  private choice?: BackendChoice;
  /** The backend running, and with "auto" the network size it was measured for. */
  private running?: BackendName;
  private measuredSize?: string;
  /** The backend "auto" started first, announced as it is for sessions with nothing to measure. */
  private unmeasured?: StartedBackend;

  constructor(
    private startBackend: StartBackend,
    /** Reports a backend started (with "auto", after measuring). */
    private announce: (started: StartedBackend, choice: BackendChoice) => void,
    private makeSession: MakeSession = createSession,
    private now: () => number = () => performance.now(),
  ) {}

  /** Is this another choice than the one running? */
  changes(choice: BackendChoice): boolean {
    return choice !== this.choice;
  }

  /** Starts the chosen backend; "auto" starts the first it may use, and says what it runs on once it measured. */
  async start(choice: BackendChoice): Promise<void> {
    const started = await this.startBackend(choice);
    this.choice = choice;
    this.running = started.backend;
    this.measuredSize = undefined;
    this.unmeasured = choice === 'auto' ? started : undefined;
    if (choice !== 'auto') this.announce(started, choice);
  }

  /**
   * The experiment's session on the backend running; with "auto" and a network not measured yet, the backend is
   * measured first and the session rebuilt on the fastest when another one wins.
   */
  async sessionFor(spec: ExperimentSpec): Promise<Session> {
    const session = await this.makeSession(spec);
    const size = networkSize(session);
    if (this.choice !== 'auto' || size === this.measuredSize) return session;
    // Live trains in scalar code: timing it per backend would only cost its load time (seconds at 1,000 neurons).
    if ('tensorFree' in session && session.tensorFree) {
      if (this.unmeasured) this.announce(this.unmeasured, 'auto');
      this.unmeasured = undefined;
      return session;
    }
    const started = await this.startBackend('auto', () => measureSession(spec, this.makeSession, this.now));
    this.measuredSize = size;
    this.unmeasured = undefined;
    this.announce(started, 'auto');
    if (started.backend === this.running) return session;
    this.running = started.backend;
    session.dispose();
    return this.makeSession(spec);
  }
}

/** Steps per second of a fresh session of `spec` on the current backend; everything it made is disposed. */
export async function measureSession(
  spec: ExperimentSpec,
  makeSession: MakeSession,
  now: () => number,
): Promise<number> {
  const session = await makeSession(spec);
  try {
    return await stepRate(
      (steps) => session.train(steps),
      () => session.exportWeights(),
      now,
    );
  } finally {
    session.dispose();
  }
}

/** The architecture and the network's size (inputs, every weight's shape): "auto" measures again when it changes. */
export function networkSize(session: Session): string {
  return JSON.stringify([session.kind, session.inputNames.length, session.weightLayout.map((w) => w.shape)]);
}
