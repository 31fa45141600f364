/**
 * The UI's registry: what each architecture brings (src/ui/arch/<name>/index.tsx). Its order is the order of
 * the Architecture control. A new architecture adds one line; the compiler lists it if missing.
 */
import type { Architecture } from '../../experiment';
import { dianUi } from './dian';
import { liveUi } from './live';
import { mlpUi } from './mlp';
import type { ArchitectureUi } from './types';
import { wormholeUi } from './wormhole';

export const ARCHITECTURE_UI: Record<Architecture, ArchitectureUi> = {
  dian: dianUi,
  live: liveUi,
  wormhole: wormholeUi,
  mlp: mlpUi,
};
