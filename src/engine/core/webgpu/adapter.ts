import * as tf from '@tensorflow/tfjs-core';
import { isSoftwareAdapter } from '../backends';

/** Is the running WebGPU backend's adapter a hardware one? (tfjs keeps its vendor and architecture.) */
export function hardwareAdapter(): boolean {
  const info = (tf.backend() as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
  if (!info || !(info.vendor || info.architecture)) return false;
  return !isSoftwareAdapter(info);
}
