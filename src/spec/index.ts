export * from './types';
export * from './defaults';
export * from './limits';
export * from './validate';
export * from './features';
export * from './live';
export * from './liveEdits';
export * from './wormhole';
