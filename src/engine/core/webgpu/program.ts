/**
 * The part of tfjs's WebGPU backend (4.22) the WGSL kernels use, typed here so that the engine compiles without
 * DOM or WebGPU types: a program is WGSL user code that tfjs wraps with its bindings (output `result`, one
 * read-only storage array per input name, `uniforms`) and runs with `backend.runWebGPUProgram`, in its own
 * command encoder (one submission for a run of dispatches), into a new output tensor.
 */
import type { DataType, KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';

export interface WgslProgram {
  /** Names of the inputs, in order: each is a `var<storage, read>` array of the input's type in the shader. */
  variableNames: string[];
  outputShape: number[];
  /** Caches the compiled pipeline: everything the code depends on except the uniforms. */
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  /** Extra fields of the uniforms struct, e.g. `lr : f32, rate : f32,`. */
  uniforms?: string;
  /** Module-scope WGSL with `fn main(index : i32)` (index: the global invocation index). */
  getUserCode: () => string;
}

export type Uniform = { type: 'float32' | 'int32'; data: number[] };

/** The WebGPU backend as the kernels use it. */
export interface WgslBackend extends KernelBackend {
  device: { limits: { maxComputeWorkgroupStorageSize: number; maxStorageBufferBindingSize: number } };
  runWebGPUProgram(
    program: WgslProgram,
    inputs: TensorInfo[],
    outputDtype: DataType,
    uniforms?: Uniform[],
  ): TensorInfo;
}

/** A float32 literal as WGSL reads it: the number rounded to float32, as tfjs rounds its constants. */
export function f32(x: number): string {
  return `f32(${Math.fround(x).toExponential()})`;
}

/** The smallest power of two >= n, within [lo, hi]: a workgroup size that has work for its threads. */
export function workgroupFor(items: number, lo = 32, hi = 256): number {
  let size = lo;
  while (size < items && size < hi) size *= 2;
  return size;
}

/** Where one array of the kernel lives: workgroup memory when it fits the budget, else a storage region. */
export interface Placement {
  name: string;
  size: number;
  /** Offset in the output buffer (`result`) when it lives there. */
  offset?: number;
  workgroup: boolean;
}

export interface MemoryPlan {
  arrays: Record<string, Placement>;
  /** Bytes of workgroup memory used. */
  workgroupBytes: number;
  /** Floats of scratch the output buffer needs after its fixed part. */
  scratch: number;
  declarations: string;
  /** A WGSL expression for element `index` (a WGSL expression) of array `name`. */
  at: (name: string, index: string) => string;
}

/**
 * Places arrays in order of priority: each goes to workgroup memory while the budget has room for it, the rest
 * to storage: arrays with a `home` (an offset in the output buffer) there, the others in scratch space that
 * starts at `scratchStart` floats into the output.
 */
export function planMemory(
  arrays: { name: string; size: number; home?: number }[],
  budgetBytes: number,
  scratchStart: number,
): MemoryPlan {
  const placed: Record<string, Placement> = {};
  let bytes = 0;
  let scratch = 0;
  const declarations: string[] = [];
  for (const a of arrays) {
    const size = Math.max(1, a.size);
    if (bytes + 4 * size <= budgetBytes) {
      bytes += 4 * size;
      placed[a.name] = { name: a.name, size, workgroup: true };
      declarations.push(`var<workgroup> wg_${a.name} : array<f32, ${size}>;`);
    } else if (a.home !== undefined) {
      placed[a.name] = { name: a.name, size, offset: a.home, workgroup: false };
    } else {
      placed[a.name] = { name: a.name, size, offset: scratchStart + scratch, workgroup: false };
      scratch += size;
    }
  }
  return {
    arrays: placed,
    workgroupBytes: bytes,
    scratch,
    declarations: declarations.join('\n'),
    at: (name, index) => {
      const p = placed[name];
      if (!p) throw new Error(`no array ${name} in the memory plan`);
      return p.workgroup ? `wg_${name}[${index}]` : `result[${p.offset} + (${index})]`;
    },
  };
}
