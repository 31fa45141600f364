import * as tf from '@tensorflow/tfjs-core';
import { isSoftwareAdapter } from '../backends';

/**
 * Is the WebGPU backend's adapter a hardware one? tfjs keeps the adapter's vendor and architecture; when it has
 * neither, nothing says so, and the answer is no (the WGSL kernels are then not used unless forced).
 */
export function hardwareAdapter(backend: object = tf.backend()): boolean {
  const info = (backend as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
  if (!info || !(info.vendor || info.architecture)) return false;
  return !isSoftwareAdapter(info);
}
