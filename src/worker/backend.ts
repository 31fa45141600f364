/** Starts a tfjs backend in the worker: probes the WebGPU adapter, then walks the fallback chain. */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no backend and no gradient by itself: the worker registers the gradients the sessions
// train with and each backend of the fallback chain (backendOrder).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backendOrder, isSoftwareAdapter, measureBackends } from '../engine/core/backends';
import type { AdapterKind, BackendChoice, BackendName } from '../experiment';
import type { BackendRate } from '../protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface StartedBackend {
  backend: BackendName;
  adapter: AdapterKind;
  adapterDescription: string;
  /** Backends that were tried first and failed, with why. */
  failures: { backend: BackendName; reason: string }[];
  /** "auto" by measurement: every backend's rate, fastest (the one started) first. */
  rates?: BackendRate[];
}

/** Measures how fast the experiment trains on a backend already started (steps per second). */
export type MeasureBackend = (backend: BackendName) => Promise<number>;

async function probeAdapter(): Promise<{ kind: AdapterKind; description: string }> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { kind: 'none', description: 'this browser offers no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { kind: 'none', description: 'no WebGPU adapter' };
    const info = adapter.info;
    const software = isSoftwareAdapter({
      isFallbackAdapter: (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter,
      architecture: info?.architecture,
      vendor: info?.vendor,
      description: info?.description,
    });
    const name = [info?.vendor, info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
    return { kind: software ? 'software' : 'hardware', description: name };
  } catch (e) {
    return { kind: 'none', description: `WebGPU adapter request failed: ${String(e)}` };
  }
}

let probed: Promise<{ kind: AdapterKind; description: string }> | undefined;

/** Starts a backend: throws, with the reason, when it cannot. */
async function setBackend(backend: BackendName): Promise<void> {
  // setBackend throws for an unregistered name and resolves false when initialisation fails.
  if (!(await tf.setBackend(backend))) throw new Error('failed to initialise');
  await tf.ready();
}

/**
 * Starts the chosen backend, falling back along the chain. With "auto" and `measure`, it starts each backend
 * "auto" may use in turn, measures the experiment there, and keeps the fastest.
 */
export async function startBackend(choice: BackendChoice, measure?: MeasureBackend): Promise<StartedBackend> {
  probed ??= probeAdapter();
  const adapter = await probed;
  const order = backendOrder(choice, adapter.kind);
  const started = { adapter: adapter.kind, adapterDescription: adapter.description };
  if (choice === 'auto' && measure) {
    const { rates, failures } = await measureBackends(order, { start: setBackend, measure });
    await setBackend(rates[0].backend);
    return { ...started, backend: rates[0].backend, failures, rates };
  }
  const failures: StartedBackend['failures'] = [];
  for (const backend of order) {
    try {
      await setBackend(backend);
      return { ...started, backend, failures };
    } catch (e) {
      failures.push({ backend, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error(`No backend could start: ${failures.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`);
}
