/// <reference lib="webworker" />
import { startBackend } from './backend';
import type { FromEngine, ToEngine } from '../protocol';
import { EngineRunner } from './runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runner = new EngineRunner(
  (message: FromEngine, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []),
  startBackend,
);
scope.onmessage = (e: MessageEvent<ToEngine>) => runner.handle(e.data);
