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
import { backendOrder, isSoftwareAdapter } from '../engine/core/backends';
import type { AdapterKind, BackendChoice, BackendName } from '../experiment';

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
}

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

export async function startBackend(choice: BackendChoice): Promise<StartedBackend> {
  probed ??= probeAdapter();
  const adapter = await probed;
  const failures: StartedBackend['failures'] = [];
  for (const backend of backendOrder(choice, adapter.kind)) {
    try {
      // setBackend throws for an unregistered name and resolves false when initialisation fails.
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return { backend, adapter: adapter.kind, adapterDescription: adapter.description, failures };
      }
      failures.push({ backend, reason: 'failed to initialise' });
    } catch (e) {
      failures.push({ backend, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error(`No backend could start: ${failures.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`);
}
