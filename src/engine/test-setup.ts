import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no backend and no gradient by itself.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll } from 'vitest';

// Unit tests run the engine in Node on the cpu backend (docs/DESIGN.md section 8).
beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
});
