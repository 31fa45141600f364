export * from './messages';
export * from './metrics';
export * from './frame';
export * from './layout';
export * from './events';
export * from './wormhole';
export * from './engineSwitch';
export * from './heartbeat';
