import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

// Unit tests run the engine in Node on the cpu backend (docs/DESIGN.md section 8).
beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
});
