import type { AdapterKind, BackendChoice, BackendName } from '../../experiment';

/** The fallback chain of docs/DESIGN.md section 4: a backend that fails to start falls back to the next. */
export const FALLBACK_CHAIN: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Backends to try, in order. "auto" uses WebGPU only on a hardware adapter: software WebGPU (SwiftShader) is tens
 * of times slower than wasm for these small models. A forced choice is tried first, then the rest of the chain.
 */
export function backendOrder(choice: BackendChoice, adapter: AdapterKind): BackendName[] {
  if (choice === 'auto') return adapter === 'hardware' ? FALLBACK_CHAIN : ['wasm', 'cpu'];
  return FALLBACK_CHAIN.slice(FALLBACK_CHAIN.indexOf(choice));
}

/** Is this WebGPU adapter a software one? Chrome marks SwiftShader with isFallbackAdapter or its architecture. */
export function isSoftwareAdapter(info: {
  isFallbackAdapter?: boolean;
  architecture?: string;
  vendor?: string;
  description?: string;
}): boolean {
  if (info.isFallbackAdapter) return true;
  const text = `${info.architecture ?? ''} ${info.vendor ?? ''} ${info.description ?? ''}`.toLowerCase();
  return text.includes('swiftshader');
}
