/**
 * Runs exported scripts with a Python that has torch, for the tests: the engine's numbers against the script's.
 * The Python is the first of $PYTORCH_PYTHON, python3 and /usr/bin/python3 (Debian's python3-torch installs for
 * the system Python, which a pyenv or venv python3 on PATH may hide) that imports torch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { toPyTorch, type ExportedExperiment } from '../../export/pytorch';

function findTorchPython(): string | undefined {
  const candidates = [process.env.PYTORCH_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => !!c,
  );
  return candidates.find((python) => spawnSync(python, ['-c', 'import torch']).status === 0);
}

export const torchPython = findTorchPython();

/** Why the comparisons are skipped, said loudly once per file (and a failure under CI, which installs torch). */
export const TORCH_MISSING =
  'PyTorch export tests SKIPPED: no python3 with torch (tried $PYTORCH_PYTHON, python3, /usr/bin/python3). ' +
  'Install it (Debian: apt-get install python3-torch) to run them; .ci/run does.';

/** Writes the script to a temporary folder and runs it with these arguments; files are [name, contents]. */
export function runScript(script: string, args: string[], files: [string, string][] = []): string {
  return runScriptFor(script, args, files).stdout;
}

/** runScript, and the contents of a file the script wrote into its folder (`written`, e.g. --save OUT.json). */
export function runScriptFor(
  script: string,
  args: string[],
  files: [string, string][] = [],
  written?: string,
): { stdout: string; written?: string } {
  if (!torchPython) throw new Error(TORCH_MISSING);
  const dir = mkdtempSync(path.join(tmpdir(), 'pytorch-export-'));
  try {
    writeFileSync(path.join(dir, 'script.py'), script);
    for (const [name, contents] of files) writeFileSync(path.join(dir, name), contents);
    const run = spawnSync(torchPython, ['script.py', ...args], {
      cwd: dir,
      encoding: 'utf8',
      // One thread: the test machines are small and shared; these networks are tiny.
      env: { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`script.py ${args.join(' ')} failed:\n${run.stderr}`);
    return {
      stdout: run.stdout,
      ...(written ? { written: readFileSync(path.join(dir, written), 'utf8') } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The largest absolute difference between two equally shaped lists of numbers (Infinity if shapes differ). */
export function maxDifference(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

/**
 * The script's losses over the steps (to 1e-4) and its outputs after them (to `predictionTol`) are the engine's;
 * `learning`: the 20 steps also change the loss, so that a change of the maths has something to show.
 */
export function expectScriptMatches(
  c: ScriptComparison,
  { predictionTol = 1e-5, learning = true }: { predictionTol?: number; learning?: boolean } = {},
): void {
  if (learning) {
    expect(c.scriptLosses).toHaveLength(20);
    expect(new Set(c.engineLosses).size, 'the network learns in these steps').toBeGreaterThan(10);
  }
  expect(maxDifference(c.scriptLosses, c.engineLosses)).toBeLessThan(1e-4);
  expect(maxDifference(c.scriptPredictions, c.enginePredictions)).toBeLessThan(predictionTol);
}

/** The sessions' common surface the comparison uses (every gradient-trained session has it). */
interface TrainedSession {
  readonly spec: ExportedExperiment['spec'];
  readonly step: number;
  exportWeights(): Promise<ExportedExperiment['weights']>;
  exportTrainingState(): Promise<ExportedExperiment['state']>;
  train(steps: number): Promise<void>;
  evaluate(): Promise<{ trainLoss: number }>;
}

export interface ScriptComparison {
  /** The engine's training-set loss after each of the next steps, and the script's. */
  engineLosses: number[];
  scriptLosses: number[];
  /** The outputs for the rows after those steps: the engine's predict and the script's --predict. */
  enginePredictions: number[];
  scriptPredictions: number[];
}

/**
 * Exports the session as it is (weights, step, training state), runs the script once with `--train steps --predict`
 * and takes the same steps in the engine: the losses after each step and the outputs after the last.
 */
export async function compareWithScript<S extends TrainedSession>(
  session: S,
  rows: number[][],
  predict: (session: S, rows: number[][]) => Promise<number[][]>,
  steps = 20,
): Promise<ScriptComparison> {
  const experiment: ExportedExperiment = {
    spec: session.spec,
    weights: await session.exportWeights(),
    step: session.step,
    state: await session.exportTrainingState(),
  };
  const script = toPyTorch(experiment);
  const out = runScript(
    script,
    ['--train', String(steps), '--predict', 'in.json'],
    [['in.json', JSON.stringify(rows)]],
  );
  const lines = out.trim().split('\n');
  const scriptPredictions = (JSON.parse(lines.pop()!) as number[][]).flat();
  const engineLosses: number[] = [];
  for (let i = 0; i < steps; i++) {
    await session.train(1);
    engineLosses.push((await session.evaluate()).trainLoss);
  }
  return {
    engineLosses,
    scriptLosses: lines.map(Number),
    enginePredictions: (await predict(session, rows)).flat(),
    scriptPredictions,
  };
}
