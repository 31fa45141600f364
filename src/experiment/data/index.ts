/**
 * Data tables: CSV in, standardisation, the content hash, the bundled sets. Not re-exported by experiment/index.ts:
 * importing the bundled tables (digits.ts, iris.ts) brings their data, which only the engine needs.
 */
export * from './table';
export * from './sources';
export * from './csv';
export * from './standardise';
export * from './hash';
