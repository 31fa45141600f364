/// <reference lib="webworker" />
import { startBackend } from './backend';
import { fusedSwitchOf, type FromEngine, type ToEngine } from '../protocol';
import { EngineRunner } from './runner';
import { answerPing } from './heartbeat';
import { answerPreviews } from './taskPreviews';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const fused = fusedSwitchOf(scope.name);
const runner = new EngineRunner(
  (message: FromEngine, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []),
  startBackend,
  undefined,
  undefined,
  // The page's debugging switch, if any: every session trains that way.
  fused === 'always' ? { fused: 'always' } : fused === 'off' ? { fused: false } : {},
);
scope.onmessage = (e: MessageEvent<ToEngine>) =>
  answerPing(e.data, (m) => scope.postMessage(m)) ||
  answerPreviews(e.data, (m, transfer) => scope.postMessage(m, transfer)) ||
  runner.handle(e.data);
