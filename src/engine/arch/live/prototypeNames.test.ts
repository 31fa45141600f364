import { describe, expect, it } from 'vitest';
import { decodeLink, defaultSpec, encodeLink } from '../../../experiment';
import { createSession } from '../..';

/** A Live network with a hidden neuron named like an Object.prototype member, through a link (plain objects after). */
const withNeuron = (name: string, ownSources: boolean) => {
  const spec = defaultSpec('live');
  spec.live.layers = [['in'], [name, 'h0'], ['out']];
  spec.live.sources = ownSources
    ? { h0: ['in'], [name]: ['in'], out: [name, 'h0'] }
    : { h0: ['in'], out: [name, 'h0'] };
  return structuredClone(decodeLink(encodeLink(spec)).spec);
};

describe('neuron ids named like Object.prototype members in the engine', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    '%s trains, with or without its own sources',
    async (name) => {
      for (const own of [true, false]) {
        const spec = withNeuron(name, own);
        const session = await createSession(spec);
        await session.train(20);
        const weights = await session.exportWeights();
        expect(weights[`neuron/${name}`].shape).toEqual([own ? 1 : 0]);
        session.dispose();
      }
    },
  );
});
