/**
 * What tfjs-core leaves to its user, for the Node bench: the cpu and wasm backends and the gradients.
 * The gradients exist only as ES modules without file extensions, which Node's ESM resolver refuses
 * (`./gradients` is both a file and a folder); `require` resolves them, and tsx compiles them to CommonJS.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';

createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
