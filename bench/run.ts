/**
 * `npm run bench [-- --node-only] [-- --dian-only] [-- --live-only] [-- --wormhole-only]`: throughput of the
 * default MLP and the default DIAN per backend (Node and browser), next to a scalar JavaScript reference trained
 * the TensorFlow Playground way, and main-thread long tasks at full speed; then the DIAN against its baselines
 * (accuracy and convergence over seeds, bench/dian.ts); then the Dynamic-Live and the Fixed-Point Wormhole
 * networks (bench/sections.ts). Prints the tables and writes bench/RESULTS.md. Budgets: docs/DESIGN.md section 9.
 * --node-only skips the browser; --dian-only skips the MLP parts (the reference and the MLP rows), for
 * development: the file it writes says so, so run the full bench before committing RESULTS.md.
 * --live-only and --wormhole-only run just that section (both flags: both) and replace it in the existing
 * RESULTS.md, leaving the rest as it was; each section says when and on which commit it ran.
 * --side-by-side-only runs the side-by-side section (bench/sideBySide.ts) alone and replaces it the same way;
 * --digits-only the DIAN repository's claim on the bundled digits (bench/dianDigits.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { runBrowserBench, type BrowserResult } from './browser';
import { webgpuNote } from './webgpuNote';
import { runDianAccuracy } from './dian';
import { dianSection } from './dianReport';
import { runNodeBench } from './node';
import { runReference } from './playgroundReference';
import { epochsPerSecond, markdown, verdict, type MachineInfo } from './report';
import { DIGITS_HEADING, LIVE_HEADING, WORMHOLE_HEADING, runLine, spliceSection } from './resultsFile';
import { digitsSection, runDigitsClaim } from './dianDigits';
import { runSideBySide } from './sideBySide';
import { SIDE_BY_SIDE_HEADING, sideBySideSection } from './sideBySideReport';
import { liveMarkdown, wormholeMarkdown } from './sections';

const PORT = 4174;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('RESULTS.md', import.meta.url));

/** The default batch, and the whole training set as one batch (per-step overhead dominates at batch 10). */
const BATCHES = [10, 250];

function build(): void {
  console.error('bench: building the app (vite build)');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('bench: vite build failed');
}

async function startPreview(): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so that stopping it also stops what npx started
  });
  const until = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`bench: vite preview exited (${server.exitCode})`);
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('bench: vite preview did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopPreview(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}

/** Builds the app, serves it, and runs `work` against it; the server stops whatever happens. */
async function withPreview<T>(work: (url: string) => Promise<T>): Promise<T> {
  build();
  const server = await startPreview();
  try {
    return await work(`http://localhost:${PORT}/`);
  } finally {
    stopPreview(server);
  }
}

/** The side-by-side section: the Playground way and the app in one Chromium (bench/sideBySide.ts). */
async function sideBySide(url: string, info: MachineInfo): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    console.error('bench: side by side in one Chromium');
    return sideBySideSection(await runSideBySide(browser, url), runLine(info));
  } finally {
    await browser.close();
  }
}

function gitCommit(): string {
  const run = (args: string[]) =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const sha = run(['rev-parse', '--short', 'HEAD']) || 'unknown';
  return run(['status', '--porcelain', '--', 'src', 'index.html']) ? `${sha} + uncommitted changes` : sha;
}

/** Aligned tables, as `npm run format` would write them; printed, and written to RESULTS.md. */
async function write(raw: string, started: number): Promise<void> {
  const text = await format(raw, { ...(await resolveConfig(RESULTS)), parser: 'markdown' });
  console.log(text);
  writeFileSync(RESULTS, text);
  console.error(`bench: wrote ${RESULTS} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

/** --live-only / --wormhole-only: run those sections and replace them in the existing RESULTS.md. */
async function sectionsOnly(
  info: MachineInfo,
  which: { live: boolean; wormhole: boolean; sideBySide: boolean; digits: boolean },
  started: number,
) {
  const { live, wormhole } = which;
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  if (which.sideBySide)
    text = spliceSection(text, SIDE_BY_SIDE_HEADING, await withPreview((url) => sideBySide(url, info)));
  if (live) text = spliceSection(text, LIVE_HEADING, await liveMarkdown(info));
  if (wormhole) text = spliceSection(text, WORMHOLE_HEADING, await wormholeMarkdown(info));
  if (which.digits) text = spliceSection(text, DIGITS_HEADING, digitsSection(await runDigitsClaim(), info));
  await write(text, started);
}

async function main(): Promise<void> {
  const nodeOnly = process.argv.includes('--node-only');
  const dianOnly = process.argv.includes('--dian-only');
  const liveOnly = process.argv.includes('--live-only');
  const wormholeOnly = process.argv.includes('--wormhole-only');
  const sideBySideOnly = process.argv.includes('--side-by-side-only');
  const digitsOnly = process.argv.includes('--digits-only');
  const started = performance.now();
  const cpus = os.cpus();
  const info: MachineInfo = {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'} x ${cpus.length}`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    commit: gitCommit(),
    load: os.loadavg()[0],
  };
  if (liveOnly || wormholeOnly || sideBySideOnly || digitsOnly)
    return sectionsOnly(
      info,
      { live: liveOnly, wormhole: wormholeOnly, sideBySide: sideBySideOnly, digits: digitsOnly },
      started,
    );

  let reference: ReturnType<typeof runReference> | undefined;
  if (!dianOnly) {
    console.error('bench: scalar reference');
    reference = runReference(BATCHES);
  }
  console.error('bench: Node backends');
  const node = await runNodeBench(BATCHES, { dianOnly });
  console.error('bench: DIAN against its baselines (Node, cpu)');
  const accuracy = await runDianAccuracy();
  console.error('bench: the DIAN claim on digits (Node, cpu)');
  const digits = digitsSection(await runDigitsClaim(), info);
  const more = [await liveMarkdown(info), await wormholeMarkdown(info), digits];
  let browser: BrowserResult | undefined;
  let sideBySideText: string | undefined;
  if (!nodeOnly) {
    [browser, sideBySideText] = await withPreview(async (url) => {
      const rows = await runBrowserBench(url, { dianOnly });
      return [rows, dianOnly ? undefined : await sideBySide(url, info)] as const;
    });
    info.chromium = browser.chromium;
    info.adapter = browser.adapter;
  }
  const raw = markdown(info, {
    reference,
    node,
    browser: browser?.rows,
    verdict: verdict(node, browser?.rows, reference && epochsPerSecond(reference[0])),
    sideBySide: sideBySideText,
    webgpu: webgpuNote(browser?.rows, browser?.adapter),
    // The DIAN's section compares the app's own choices; forced paths are the WebGPU section's.
    dian: dianSection(
      accuracy,
      node,
      browser?.rows.filter((r) => !r.variant),
    ),
    more,
  });
  await write(raw, started);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
