import { defaultSpec } from './defaults';
import { LIMITS } from './limits';
import {
  ACTIVATIONS,
  ARCHITECTURES,
  BACKENDS,
  DIAN_ITERATIONS,
  DIAN_SCHEDULES,
  DIAN_SOURCES,
  FEATURES,
  FINAL_ACTIVATIONS,
  GATE_POLICIES,
  OPTIMIZERS,
  REGULARIZATIONS,
  SCHEMA_VERSION,
  SPEEDS,
  TASKS,
  isSequenceTask,
  type ExperimentSpec,
  type TaskKind,
} from './spec';
import {
  LIVE_ACTIVATIONS,
  LIVE_LIMITS,
  LIVE_REWARDS,
  LIVE_SHARINGS,
  LIVE_TASKS,
  LIVE_UPDATES,
  liveGraphProblem,
  liveInputsFor,
  type LiveSpec,
} from './arch/live/slice';
import {
  NONCONVERGENCE_POLICIES,
  RESIDUAL_KINDS,
  WORMHOLE_ACTIVATIONS,
  WORMHOLE_GATES,
  WORMHOLE_GRADIENTS,
  WORMHOLE_LIMITS,
  WORMHOLE_SOLVERS,
  wormholeProblem,
  type WormholeSpec,
} from './arch/wormhole/slice';

export interface Validated {
  spec: ExperimentSpec;
  /** One short sentence per field that was wrong and replaced by its default. Empty when all was valid. */
  problems: string[];
}

type Range = { min: number; max: number };

/**
 * Turns untrusted data (a link, a file, a message) into a valid spec: every valid field is kept, every invalid
 * one is replaced by the default and named in `problems`. Never throws.
 */
export function validateSpec(input: unknown): Validated {
  const problems: string[] = [];
  const raw = isRecord(input) ? input : {};
  if (!isRecord(input)) problems.push('the experiment is not an object');
  const architecture = pick(raw.architecture, ARCHITECTURES, 'mlp', 'architecture', problems);
  const d = defaultSpec(architecture);
  const r = new Reader(problems);
  const task = r.rec(raw.task, 'task');
  const taskKind = pick(task.kind, TASKS, d.task.kind, 'task.kind', problems);
  const training = r.rec(raw.training, 'training');
  const mlp = r.rec(raw.mlp, 'mlp');
  const view = r.rec(raw.view, 'view');
  const dian = r.rec(raw.dian, 'dian');
  const live = r.rec(raw.live, 'live');
  const wormhole = r.rec(raw.wormhole, 'wormhole');
  const spec: ExperimentSpec = {
    version: SCHEMA_VERSION,
    architecture,
    seed: r.int(raw.seed, LIMITS.seed, d.seed, 'seed'),
    backend: pick(raw.backend, BACKENDS, d.backend, 'backend', problems),
    task: {
      kind: taskKind,
      noise: r.num(task.noise, LIMITS.noise, d.task.noise, 'task.noise'),
      trainRatio: r.num(task.trainRatio, LIMITS.trainRatio, d.task.trainRatio, 'task.trainRatio'),
      numSamples: r.int(task.numSamples, LIMITS.numSamples, d.task.numSamples, 'task.numSamples'),
      features: r.features(task.features, d.task.features),
      length: r.int(task.length, LIMITS.sequenceLength, d.task.length, 'task.length'),
    },
    training: {
      learningRate: r.num(
        training.learningRate,
        LIMITS.learningRate,
        d.training.learningRate,
        'learning rate',
      ),
      batchSize: r.int(training.batchSize, LIMITS.batchSize, d.training.batchSize, 'batch size'),
      optimizer: pick(training.optimizer, OPTIMIZERS, d.training.optimizer, 'optimizer', problems),
      regularization: pick(
        training.regularization,
        REGULARIZATIONS,
        d.training.regularization,
        'regularization',
        problems,
      ),
      regularizationRate: r.num(
        training.regularizationRate,
        LIMITS.regularizationRate,
        d.training.regularizationRate,
        'regularization rate',
      ),
    },
    mlp: {
      hiddenLayers: r.widths(mlp.hiddenLayers, d.mlp.hiddenLayers),
      activation: pick(mlp.activation, ACTIVATIONS, d.mlp.activation, 'activation', problems),
    },
    dian: {
      layer1: r.int(dian.layer1, LIMITS.layerWidth, d.dian.layer1, 'dian.layer1'),
      layer2: r.int(dian.layer2, LIMITS.layerWidth, d.dian.layer2, 'dian.layer2'),
      period: r.int(dian.period, LIMITS.period, d.dian.period, 'dian.period'),
      iteration: pick(dian.iteration, DIAN_ITERATIONS, d.dian.iteration, 'dian.iteration', problems),
      source: pick(dian.source, DIAN_SOURCES, d.dian.source, 'dian.source', problems),
      finalActivation: pick(
        dian.finalActivation,
        FINAL_ACTIVATIONS,
        d.dian.finalActivation,
        'dian.finalActivation',
        problems,
      ),
      evaluation: pick(dian.evaluation, GATE_POLICIES, d.dian.evaluation, 'dian.evaluation', problems),
      schedule: pick(dian.schedule, DIAN_SCHEDULES, d.dian.schedule, 'dian.schedule', problems),
    },
    live: validateLive(taskKind, live, d.live, r, problems),
    wormhole: validateWormhole(wormhole, d.wormhole, r, problems),
    speed: r.int(raw.speed, { min: 0, max: SPEEDS.length - 1 }, d.speed, 'speed'),
    view: {
      showTestData: r.bool(view.showTestData, d.view.showTestData, 'view.showTestData'),
      discretize: r.bool(view.discretize, d.view.discretize, 'view.discretize'),
    },
  };
  return { spec, problems };
}

function validateLive(
  planeTask: TaskKind,
  live: Record<string, unknown>,
  d: LiveSpec,
  r: Reader,
  problems: string[],
): LiveSpec {
  const task = pick(live.task, LIVE_TASKS, d.task, 'live.task', problems);
  let graph = { layers: d.layers, sources: d.sources };
  if (live.layers !== undefined || live.sources !== undefined) {
    const candidate = { layers: live.layers ?? d.layers, sources: live.sources ?? {} } as LiveSpec;
    const problem = liveGraphProblem(candidate);
    if (problem) problems.push(`the Live network: ${problem}`);
    else graph = structuredClone({ layers: candidate.layers, sources: candidate.sources });
  }
  if (task === '2d' && isSequenceTask(planeTask))
    problems.push('the Live 2-D reward task needs a 2-D data task');
  const expectedInputs = liveInputsFor(task);
  if (graph.layers[0].join() !== expectedInputs.join()) {
    problems.push(`the Live task ${task} needs the inputs ${expectedInputs.join(', ')}`);
    graph = { layers: d.layers, sources: d.sources };
  }
  return {
    ...graph,
    positions: r.positions(live.positions, graph.layers.flat()),
    activation: pick(live.activation, LIVE_ACTIVATIONS, d.activation, 'live.activation', problems),
    memory: r.int(live.memory, LIVE_LIMITS.memory, d.memory, 'live.memory'),
    lr: r.num(live.lr, LIVE_LIMITS.lr, d.lr, 'live.lr'),
    depth: r.int(live.depth, LIVE_LIMITS.depth, d.depth, 'live.depth'),
    sharing: pick(live.sharing, LIVE_SHARINGS, d.sharing, 'live.sharing', problems),
    update: pick(live.update, LIVE_UPDATES, d.update, 'live.update', problems),
    pRewire: r.num(live.pRewire, LIVE_LIMITS.pRewire, d.pRewire, 'live.pRewire'),
    task,
    delay: r.int(live.delay, LIVE_LIMITS.delay, d.delay, 'live.delay'),
    bits: r.int(live.bits, LIVE_LIMITS.bits, d.bits, 'live.bits'),
    reward: pick(live.reward, LIVE_REWARDS, d.reward, 'live.reward', problems),
  };
}

function validateWormhole(
  w: Record<string, unknown>,
  d: WormholeSpec,
  r: Reader,
  problems: string[],
): WormholeSpec {
  const WL = WORMHOLE_LIMITS;
  const hidden = r.widths(w.hidden, d.hidden);
  let wormholes = d.wormholes.filter((h) => h.from <= hidden.length + 1);
  if (w.wormholes !== undefined) {
    const problem = wormholeProblem(w.wormholes, hidden.length + 1);
    if (problem) problems.push(`the Wormhole network: ${problem}`);
    else wormholes = (w.wormholes as WormholeSpec['wormholes']).map(({ from, to }) => ({ from, to }));
  }
  return {
    hidden,
    wormholes,
    gate: pick(w.gate, WORMHOLE_GATES, d.gate, 'wormhole.gate', problems),
    gateBias: r.num(w.gateBias, WL.gateBias, d.gateBias, 'wormhole.gateBias'),
    activation: pick(w.activation, WORMHOLE_ACTIVATIONS, d.activation, 'wormhole.activation', problems),
    solver: pick(w.solver, WORMHOLE_SOLVERS, d.solver, 'wormhole.solver', problems),
    tol: r.num(w.tol, WL.tol, d.tol, 'wormhole.tol'),
    residual: pick(w.residual, RESIDUAL_KINDS, d.residual, 'wormhole.residual', problems),
    maxIter: r.int(w.maxIter, WL.maxIter, d.maxIter, 'wormhole.maxIter'),
    damping: r.num(w.damping, WL.damping, d.damping, 'wormhole.damping'),
    andersonM: r.int(w.andersonM, WL.andersonM, d.andersonM, 'wormhole.andersonM'),
    andersonLambda: r.num(w.andersonLambda, WL.andersonLambda, d.andersonLambda, 'wormhole.andersonLambda'),
    gradient: pick(w.gradient, WORMHOLE_GRADIENTS, d.gradient, 'wormhole.gradient', problems),
    adjointTol: r.num(w.adjointTol, WL.tol, d.adjointTol, 'wormhole.adjointTol'),
    adjointMaxIter: r.int(w.adjointMaxIter, WL.maxIter, d.adjointMaxIter, 'wormhole.adjointMaxIter'),
    onNonConvergence: pick(
      w.onNonConvergence,
      NONCONVERGENCE_POLICIES,
      d.onNonConvergence,
      'wormhole.onNonConvergence',
      problems,
    ),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick<T extends string>(
  v: unknown,
  options: readonly T[],
  fallback: T,
  name: string,
  problems: string[],
): T {
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
  problems.push(`${name} must be one of ${options.join(', ')}`);
  return fallback;
}

class Reader {
  constructor(private problems: string[]) {}

  rec(v: unknown, name: string): Record<string, unknown> {
    if (v === undefined) return {};
    if (isRecord(v)) return v;
    this.problems.push(`${name} is not an object`);
    return {};
  }

  num(v: unknown, range: Range, fallback: number, name: string): number {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < range.min || v > range.max) {
      this.problems.push(`${name} must be a number from ${range.min} to ${range.max}`);
      return fallback;
    }
    return v;
  }

  int(v: unknown, range: Range, fallback: number, name: string): number {
    if (v !== undefined && !Number.isInteger(v)) {
      this.problems.push(`${name} must be a whole number`);
      return fallback;
    }
    return this.num(v, range, fallback, name);
  }

  bool(v: unknown, fallback: boolean, name: string): boolean {
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    this.problems.push(`${name} must be true or false`);
    return fallback;
  }

  widths(v: unknown, fallback: number[]): number[] {
    if (v === undefined) return fallback;
    const { min, max } = LIMITS.layerWidth;
    const ok =
      Array.isArray(v) &&
      v.length <= LIMITS.hiddenLayers.max &&
      v.every((w) => Number.isInteger(w) && w >= min && w <= max);
    if (ok) return [...(v as number[])];
    this.problems.push(
      `hidden layers must be at most ${LIMITS.hiddenLayers.max} layers of ${min} to ${max} neurons`,
    );
    return fallback;
  }

  /** Neuron positions: finite pairs for known neurons; anything else is dropped with one message. */
  positions(v: unknown, ids: string[]): Record<string, [number, number]> {
    if (v === undefined) return {};
    const out: Record<string, [number, number]> = {};
    let bad = !isRecord(v);
    for (const [id, p] of Object.entries(isRecord(v) ? v : {})) {
      const ok =
        ids.includes(id) &&
        Array.isArray(p) &&
        p.length === 2 &&
        p.every((c) => Number.isFinite(c) && Math.abs(c) < 1e4);
      if (ok) out[id] = [p[0], p[1]];
      else bad = true;
    }
    if (bad) this.problems.push('some neuron positions were not valid and were dropped');
    return out;
  }

  features(v: unknown, fallback: ExperimentSpec['task']['features']): ExperimentSpec['task']['features'] {
    if (v === undefined) return fallback;
    const known = FEATURES as readonly unknown[];
    if (
      Array.isArray(v) &&
      v.length > 0 &&
      v.every((f) => known.includes(f)) &&
      new Set(v).size === v.length
    ) {
      return FEATURES.filter((f) => v.includes(f));
    }
    this.problems.push(`features must be a non-empty list of ${FEATURES.join(', ')}`);
    return fallback;
  }
}
