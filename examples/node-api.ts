/** The engine as a library, in Node on the cpu backend: `npx tsx examples/node-api.ts`. */
// tfjs-core registers no backend and no gradient by itself. Its gradients are extensionless ES modules, which
// Node's ESM resolver refuses; `require` (under tsx) loads them.
import '@tensorflow/tfjs-backend-cpu';
import { createRequire } from 'node:module';
import { createSession, defaultSpec, sessionOf } from '../src/engine';

createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');

const spec = defaultSpec('mlp');
spec.task.kind = 'xor';
const s = sessionOf(await createSession(spec), 'mlp');
await s.train(1000);
const metrics = await s.evaluate();
console.log(`after ${s.step} steps: test accuracy ${(metrics.testAccuracy * 100).toFixed(1)}%`);
console.log('prediction (logit) at (0.5, -1):', (await s.predict([[0.5, -1]]))[0][0]);
const weights = await s.exportWeights();
console.log('weights:', Object.keys(weights).join(', '));
s.importWeights(weights);
s.dispose();
