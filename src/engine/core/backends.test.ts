import { describe, expect, it } from 'vitest';
import { backendOrder, isSoftwareAdapter } from './backends';
import { hardwareAdapter } from './webgpu/adapter';

describe('backend selection', () => {
  it('auto uses WebGPU first only on a hardware adapter', () => {
    expect(backendOrder('auto', 'hardware')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('auto', 'software')).toEqual(['wasm', 'cpu']);
    expect(backendOrder('auto', 'none')).toEqual(['wasm', 'cpu']);
  });

  it('a forced backend is tried first and falls back along the chain', () => {
    expect(backendOrder('webgpu', 'software')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('webgl', 'none')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('cpu', 'hardware')).toEqual(['cpu']);
  });

  it('recognises SwiftShader as software', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ architecture: 'swiftshader', vendor: 'google' })).toBe(true);
    expect(isSoftwareAdapter({ architecture: 'ampere', vendor: 'nvidia', isFallbackAdapter: false })).toBe(
      false,
    );
  });
});

describe('the WebGPU backend as the sessions see it', () => {
  it('uses the WGSL kernels on a hardware adapter only, as tfjs describes it', () => {
    const backend = (vendor?: string, architecture?: string) => ({ adapterInfo: { vendor, architecture } });
    expect(hardwareAdapter(backend('nvidia', 'ampere'))).toBe(true);
    expect(hardwareAdapter(backend('apple', ''))).toBe(true);
    expect(hardwareAdapter(backend('google', 'swiftshader'))).toBe(false);
    expect(hardwareAdapter(backend('', ''))).toBe(false);
    expect(hardwareAdapter(backend())).toBe(false);
    expect(hardwareAdapter({})).toBe(false);
  });
});
