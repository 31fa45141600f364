import { describe, expect, it } from 'vitest';
import { browserTable, type BrowserRow } from './report';
import { AUTODIFF_FORCED, webgpuNote, WGSL_FORCED } from './webgpuNote';

const row = (network: 'MLP' | 'DIAN', stepsPerSecond: number, variant?: string): BrowserRow => ({
  name: 'webgpu',
  running: 'webgpu',
  variant,
  network,
  batchSize: 10,
  stepsPerSecond,
  trainPoints: 250,
  longTasks: 0,
  longestTaskMs: 0,
  fps: 60,
  windowMs: 5000,
});

describe("RESULTS.md's WebGPU section", () => {
  it('on a software adapter says no hardware GPU was measured, with the forced rows beside autodiff', () => {
    const rows = [
      row('MLP', 5.2),
      row('MLP', 90, WGSL_FORCED),
      row('DIAN', 1.5),
      row('DIAN', 20, WGSL_FORCED),
    ];
    const note = webgpuNote(rows, 'WebGPU adapter: software (google swiftshader)');
    expect(note).toContain('No hardware GPU was available to this run (WebGPU adapter: software (google');
    expect(note).toContain('correctness only');
    expect(note).toContain('MLP 90.0 steps/s with the WGSL kernel against 5.20 by autodiff');
    expect(note).toContain('DIAN 20.0 steps/s with the WGSL kernel against 1.50 by autodiff');
    expect(browserTable(rows)).toContain(`| webgpu (${WGSL_FORCED}) | MLP`);
  });

  it('on a hardware adapter gives the WGSL kernel against forced autodiff', () => {
    const rows = [row('MLP', 3000), row('MLP', 100, AUTODIFF_FORCED)];
    const note = webgpuNote(rows, 'WebGPU adapter: hardware (nvidia ampere)');
    expect(note).toContain('hardware adapter (WebGPU adapter: hardware (nvidia ampere))');
    expect(note).toContain('MLP 3,000 steps/s against 100 by autodiff (30.0x)');
    expect(note).not.toContain('No hardware GPU');
  });

  it('without a browser part says nothing was measured', () => {
    expect(webgpuNote(undefined, undefined)).toContain('Not measured in this run (--node-only)');
    expect(webgpuNote([], 'WebGPU adapter: none')).toContain('no webgpu rows ran');
  });
});
