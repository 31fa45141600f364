/**
 * What RESULTS.md says of WebGPU's WGSL training kernels, written from the run: the browser rows that forced a
 * training path (`?fused=always` / `?fused=off`, src/protocol/engineSwitch.ts) and the adapter the page showed.
 */
import { fmt, type BrowserRow } from './report';

/** The browser rows' variants: the WGSL kernel forced onto a software adapter, or autodiff forced on hardware. */
export const WGSL_FORCED = 'WGSL fused, forced on software adapter';
export const AUTODIFF_FORCED = 'autodiff, forced';

export function webgpuNote(rows: BrowserRow[] | undefined, adapter: string | undefined): string {
  const heading = '## WebGPU: the WGSL training kernels\n\n';
  if (!rows || adapter === undefined)
    return `${heading}Not measured in this run (--node-only): no browser, no WebGPU adapter.`;
  const webgpu = rows.filter((r) => r.name === 'webgpu' && r.running === 'webgpu');
  const pairs = (['MLP', 'DIAN'] as const).flatMap((network) => {
    const plain = webgpu.find((r) => r.network === network && !r.variant);
    const forced = webgpu.find((r) => r.network === network && r.variant);
    return plain && forced ? [{ network, plain, forced }] : [];
  });
  const hardware = /adapter: hardware/.test(adapter);
  const rates = (describe: (p: (typeof pairs)[number]) => string) =>
    pairs.length > 0 ? pairs.map(describe).join('; ') : 'no webgpu rows ran';
  if (!hardware)
    return (
      heading +
      `No hardware GPU was available to this run (${adapter}). The WGSL kernels (K training ` +
      'steps of the MLP or the DIAN in one dispatch, the heatmap in the same submission) were therefore checked ' +
      'for correctness only, on the software adapter (e2e/webgpu-fused.spec.ts: after 50 steps weights, heatmap ' +
      'and gate trace match the cpu kernel to 1e-5), and measured here only forced onto it: ' +
      rates(
        (p) =>
          `${p.network} ${fmt(p.forced.stepsPerSecond)} steps/s with the WGSL kernel against ` +
          `${fmt(p.plain.stepsPerSecond)} by autodiff`,
      ) +
      '. On a software adapter "auto" does not use WebGPU at all (wasm is faster), and the sessions use the WGSL ' +
      'kernel only on a hardware adapter: its speed on a real GPU is unmeasured.'
    );
  return (
    heading +
    `WebGPU ran on a hardware adapter (${adapter}), where the sessions train with the WGSL kernels: ` +
    rates(
      (p) =>
        `${p.network} ${fmt(p.plain.stepsPerSecond)} steps/s against ${fmt(p.forced.stepsPerSecond)} by ` +
        `autodiff (${fmt(p.plain.stepsPerSecond / p.forced.stepsPerSecond)}x)`,
    ) +
    '.'
  );
}
