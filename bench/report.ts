/** Shared shapes and markdown formatting for `npm run bench`. */

/** The TensorFlow Playground trains one epoch per animation frame: at 60 fps, 60 epochs/s at most. */
export const PLAYGROUND_EPOCHS_PER_SECOND = 60;
/** docs/DESIGN.md section 9: at least 10x the Playground on the default task and net. */
export const BUDGET_FACTOR = 10;

export interface Throughput {
  /** What ran: a backend name, or a description of the reference. */
  name: string;
  /** The network: the default MLP (when absent), the default DIAN or the default Wormhole network. */
  network?: 'MLP' | 'MLP autodiff' | 'DIAN' | 'DIAN autodiff' | 'Wormhole' | 'Wormhole autodiff';
  batchSize: number;
  stepsPerSecond: number;
  /** Training points per epoch (250 for the default spec). */
  trainPoints: number;
  note?: string;
  /** Tensors left behind by createSession + dispose (Node only). */
  leakedTensors?: number;
}

export interface BrowserRow extends Throughput {
  /** The backend the page reported running; differs from `name` when the choice fell back. */
  running: string;
  /** A training path forced through the page's address (bench/webgpuNote.ts), else the app's own choice. */
  variant?: string;
  longTasks: number;
  longestTaskMs: number;
  /** requestAnimationFrame callbacks per second on the main thread during the window. */
  fps: number;
  windowMs: number;
}

export interface MachineInfo {
  date: string;
  cpu: string;
  os: string;
  node: string;
  /** The app's source: git commit, and whether src/ had uncommitted changes. */
  commit: string;
  /** One-minute load average when the bench started: other work on the machine skews every number. */
  load: number;
  chromium?: string;
  adapter?: string;
}

export const samplesPerSecond = (r: Throughput) => r.stepsPerSecond * r.batchSize;
export const epochsPerSecond = (r: Throughput) => samplesPerSecond(r) / r.trainPoints;
export const timesPlayground = (r: Throughput) => epochsPerSecond(r) / PLAYGROUND_EPOCHS_PER_SECOND;

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** A whole number with thousands separators. */
export const int = (v: number) => Math.round(v).toLocaleString('en-US');

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const rateCells = (r: Throughput) => [
  String(r.batchSize),
  fmt(r.stepsPerSecond),
  fmt(samplesPerSecond(r)),
  fmt(epochsPerSecond(r)),
  `${fmt(timesPlayground(r))}x`,
];

export const NETWORK_LABEL = {
  MLP: 'MLP 2-4-2-1',
  'MLP autodiff': 'MLP 2-4-2-1, autodiff (not fused)',
  DIAN: 'DIAN 2-8-8-1',
  'DIAN autodiff': 'DIAN 2-8-8-1, autodiff (not fused)',
  Wormhole: 'Wormhole 2-6-6-1 (3->1)',
  'Wormhole autodiff': 'Wormhole 2-6-6-1 (3->1), autodiff (not fused)',
} as const;
const networkOf = (r: Throughput) => NETWORK_LABEL[r.network ?? 'MLP'];
const isMlp = (r: Throughput) => (r.network ?? 'MLP') === 'MLP';

const RATE_HEADER = ['Batch', 'Steps/s', 'Samples/s', 'Epochs/s', 'x Playground (60 epochs/s)'];

export function nodeTable(rows: Throughput[]): string {
  return table(
    ['Backend', 'Network', ...RATE_HEADER, 'Note'],
    rows.map((r) => [r.name, networkOf(r), ...rateCells(r), r.note ?? '']),
  );
}

export function browserTable(rows: BrowserRow[]): string {
  return table(
    [
      'Backend',
      'Network',
      ...RATE_HEADER,
      'Long tasks (>50 ms)',
      'Longest task (ms)',
      'Main-thread fps',
      'Note',
    ],
    rows.map((r) => [
      (r.name === r.running ? r.name : `${r.name} (unavailable -> fell back to ${r.running})`) +
        (r.variant ? ` (${r.variant})` : ''),
      networkOf(r),
      ...rateCells(r),
      String(r.longTasks),
      r.longTasks > 0 ? fmt(r.longestTaskMs) : '-',
      fmt(r.fps),
      r.note ?? '',
    ]),
  );
}

export function referenceTable(rows: Throughput[]): string {
  return table(
    ['Reference', ...RATE_HEADER, 'Note'],
    rows.map((r) => [r.name, ...rateCells(r), r.note ?? '']),
  );
}

/** The closing paragraph, written from the numbers of this run. */
export function verdict(
  nodeRows: Throughput[],
  browserRows: BrowserRow[] | undefined,
  refRaw: number | undefined,
): string {
  const out: string[] = [];
  const best = (rows: Throughput[]) =>
    rows.reduce<Throughput | undefined>(
      (a, r) => (!a || epochsPerSecond(r) > epochsPerSecond(a) ? r : a),
      undefined,
    );
  // The budget is about the default net: the MLP rows.
  const defaults = (rows: Throughput[]) => rows.filter((r) => r.batchSize === 10 && isMlp(r));
  const describe = (r: Throughput) =>
    `${r.name} at ${fmt(epochsPerSecond(r))} epochs/s = ${fmt(timesPlayground(r))}x the Playground`;
  const meets = (r: Throughput) => timesPlayground(r) >= BUDGET_FACTOR;
  const bestNode = best(defaults(nodeRows));
  if (bestNode)
    out.push(
      `Default net and batch (10) in Node: best is ${describe(bestNode)}; ` +
        `the ${BUDGET_FACTOR}x budget is ${meets(bestNode) ? 'met' : 'NOT met'}.`,
    );
  const fusion = (['MLP', 'DIAN', 'Wormhole'] as const).flatMap((network) =>
    ['cpu', 'wasm'].flatMap((name) => {
      const at10 = (n: Throughput['network']) =>
        nodeRows.find((r) => r.name === name && r.batchSize === 10 && (r.network ?? 'MLP') === n);
      const [fused, autodiff] = [at10(network), at10(`${network} autodiff`)];
      return fused && autodiff
        ? [`${network} on ${name} ${fmt(fused.stepsPerSecond / autodiff.stepsPerSecond)}x`]
        : [];
    }),
  );
  if (fusion.length > 0)
    out.push(
      `The fused kernels against the same networks trained by tfjs autodiff (batch 10, Node, side by side in ` +
        `this run), in steps/s: ${fusion.join(', ')}.`,
    );
  if (browserRows) {
    const ran = browserRows.filter((r) => r.name === r.running);
    const bestBrowser = best(defaults(ran));
    if (bestBrowser)
      out.push(
        `In the browser (worker, UI drawing frames): best is ${describe(bestBrowser)}; ` +
          `the ${BUDGET_FACTOR}x budget is ${meets(bestBrowser) ? 'met' : 'NOT met'}.`,
      );
    const withLong = browserRows.filter((r) => r.longTasks > 0);
    const which = (r: BrowserRow) => `${r.name} ${networkOf(r)}`;
    out.push(
      withLong.length === 0
        ? 'Main thread: zero long tasks (>50 ms) at full speed on every backend and network in this run: that ' +
            `budget is met (one window of ${fmt(Math.min(...browserRows.map((r) => r.windowMs)) / 1000)}-` +
            `${fmt(Math.max(...browserRows.map((r) => r.windowMs)) / 1000)} s per row, so a rare one can go unseen).`
        : `Main thread: long tasks at full speed on ${withLong
            .map((r) => `${which(r)} (${r.longTasks}, longest ${fmt(r.longestTaskMs)} ms)`)
            .join(', ')}: the zero-long-task budget is NOT met there.`,
    );
  } else out.push('Browser part skipped (--node-only): long tasks not measured.');
  const bestFull = best(nodeRows.filter((r) => r.batchSize !== 10 && isMlp(r)));
  const costRatios = nodeRows
    .filter((r) => r.batchSize !== 10 && isMlp(r))
    .flatMap((full) => {
      const small = nodeRows.find((r) => r.name === full.name && r.batchSize === 10 && isMlp(r));
      return small ? [small.stepsPerSecond / full.stepsPerSecond] : [];
    });
  const names = nodeRows.filter((r) => r.batchSize !== 10 && isMlp(r)).map((r) => r.name);
  // 25 times the samples: near 25x the time means arithmetic sets the pace, far below it per-step overhead.
  const arithmetic = costRatios.every((c) => c > 10);
  if (bestFull)
    out.push(
      `With the whole training set as one batch, ${describe(bestFull)}. A step of ${bestFull.batchSize} ` +
        `samples takes ${costRatios.map((c, i) => `${fmt(c)}x (${names[i]})`).join(', ')} the time of a step ` +
        `of 10: ${
          arithmetic
            ? 'near the 25x more arithmetic, so at batch 10 the step is no longer bound by per-step overhead.'
            : 'at batch 10 throughput is bound by per-step overhead (tfjs kernel dispatch, the gradient tape, ' +
              'small-tensor allocation, and in the browser the per-tick metrics, heatmap and frame), not by arithmetic.'
        }`,
    );
  const leaky = nodeRows.filter((r) => (r.leakedTensors ?? 0) > 0);
  if (leaky.length > 0)
    out.push(
      `Memory: tensors stay flat while training, but each createSession + dispose leaves ` +
        `${leaky[0].leakedTensors} tensors behind (docs/DESIGN.md section 4: no tensor may leak).`,
    );
  if (refRaw !== undefined)
    out.push(
      `The plain scalar JavaScript reference does ${fmt(refRaw)} epochs/s of training uncapped: for a 2-4-2-1 ` +
        "network the Playground's limit is its one-epoch-per-frame schedule and per-frame drawing work, not " +
        'arithmetic; and per-sample scalar code beats tfjs per mini-batch at this size.',
    );
  return out.join(' ');
}

export function markdown(
  info: MachineInfo,
  parts: {
    reference?: Throughput[];
    node: Throughput[];
    browser?: BrowserRow[];
    verdict: string;
    /** The WebGPU section (bench/webgpuNote.ts). */
    webgpu: string;
    /** The "Dynamic Input Activation network" section (bench/dianReport.ts). */
    dian: string;
    /** The side-by-side section (bench/sideBySideReport.ts), when the browser part ran. */
    sideBySide?: string;
    /** The Dynamic-Live and Wormhole sections (bench/sections.ts). */
    more: string[];
  },
): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Budgets: docs/DESIGN.md section 9.',
    '',
    `- Date: ${info.date}`,
    `- Source: git ${info.commit}`,
    `- Machine: ${info.cpu}; ${info.os}; Node ${info.node}`,
    `- Load average (1 min) at the start: ${info.load.toFixed(2)}` +
      (info.load > 1 ? ' (other work was running: expect noisy numbers)' : ''),
    `- Chromium: ${info.chromium ?? 'not run (--node-only)'}`,
    `- WebGPU adapter shown in the page: ${info.adapter ?? 'not run (--node-only)'}`,
    '- Workload: the default spec (MLP 2-4-2-1, tanh, circle task, 500 points, 250 for training, SGD lr 0.03).',
    '  A step is one mini-batch update; samples/s = steps/s x batch; epochs/s = samples/s / 250.',
    "- DIAN rows: `defaultSpec('dian')` (2-8-8-1, relu, gated extra path 2->8 with a scalar gate, open on " +
      'every second step), same task and training settings; see the last section.',
    "- Wormhole rows: `defaultSpec('wormhole')` (2-6-6-1, tanh, wormhole 3->1 with a soft gate starting at " +
      'bias -4, Anderson m = 6, tol 1e-4, implicit gradient; a step is a forward solve, an adjoint solve and ' +
      'the update), same task and training settings.',
    '',
    '## Scalar reference (the TensorFlow Playground way)',
    '',
    parts.reference ? referenceTable(parts.reference) : 'Skipped (--dian-only).',
    '',
    '## Node (engine API, in-process)',
    '',
    nodeTable(parts.node),
    '',
    '## Browser (built app, engine in the worker, Speed = full speed)',
    '',
    parts.browser ? browserTable(parts.browser) : 'Skipped (--node-only).',
    '',
    '## Against the budget',
    '',
    parts.verdict,
    '',
    ...(parts.sideBySide ? [parts.sideBySide, ''] : []),
    parts.webgpu,
    '',
    parts.dian,
    ...parts.more,
  ];
  return lines.join('\n');
}
