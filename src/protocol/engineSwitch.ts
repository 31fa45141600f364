/**
 * A debugging switch for the engine's training path, kept out of the experiment and its share link (the hash):
 * the page's address may carry `?fused=always` (the fused kernel on every backend it has one for, WebGPU's
 * software adapter included: the bench measures the WGSL kernel there) or `?fused=off` (tfjs autodiff
 * everywhere). The page hands it to the worker in the worker's name.
 */
export type FusedSwitch = 'always' | 'off';

const PREFIX = 'engine';

/** The worker's name for the page's query string. */
export function engineWorkerName(search: string): string {
  const fused = /[?&]fused=(always|off)(?:&|$)/.exec(search)?.[1];
  return fused ? `${PREFIX} fused=${fused}` : PREFIX;
}

/** The switch a worker of this name was started with, if any. */
export function fusedSwitchOf(workerName: string): FusedSwitch | undefined {
  const fused = /(?:^| )fused=(always|off)(?: |$)/.exec(workerName)?.[1];
  return fused === 'always' || fused === 'off' ? fused : undefined;
}
