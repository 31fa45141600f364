import { describe, expect, it } from 'vitest';
import { applyLiveEdit, defaultSpec, restoreOf, type LiveEdit } from '../experiment';
import { describeEdit } from './editText';

const line = (edit: LiveEdit) => {
  const before = defaultSpec('live').live;
  return describeEdit(before, edit, applyLiveEdit(before, edit).live!);
};

describe('event log lines for Live edits', () => {
  it('names the neurons of each edit, one line each', () => {
    expect(line({ kind: 'connect', source: 'in', neuron: 'out' })).toEqual({
      text: 'you connected in → out',
      edge: 'in->out',
    });
    expect(line({ kind: 'disconnect', source: 'h0', neuron: 'h1' })).toEqual({
      text: 'you removed the edge h0 → h1',
      edge: 'h0->h1',
    });
    expect(line({ kind: 'removeNeuron', id: 'h2' })?.text).toBe('you deleted neuron h2 and its edges');
  });

  it('names the neuron an added one got, and what feeds it', () => {
    const text = line({ kind: 'addNeuron', layer: 1 })?.text;
    const before = defaultSpec('live').live;
    const after = applyLiveEdit(before, { kind: 'addNeuron', layer: 1 }).live!;
    const added = after.layers[1].find((id) => !before.layers[1].includes(id))!;
    expect(added).toBeDefined();
    expect(text).toBe(`you added neuron ${added} (fed by ${after.sources[added].join(', ')})`);
    expect(text).toMatch(/fed by in/);
  });

  it('does not log moves', () => {
    expect(line({ kind: 'move', id: 'h0', x: 10, y: 20 })).toBeUndefined();
  });

  it('says what an undo put back or took away: neurons first, else edges; a move back is not logged', () => {
    const live = defaultSpec('live').live;
    const undo = (edit: LiveEdit) => {
      const after = applyLiveEdit(live, edit).live!;
      return describeEdit(after, restoreOf(live), live);
    };
    expect(undo({ kind: 'removeNeuron', id: 'h1' })).toEqual({ text: 'undo: neuron h1 is back' });
    expect(undo({ kind: 'addNeuron', layer: 1 })).toEqual({ text: 'undo: neuron h3 is gone' });
    expect(undo({ kind: 'connect', source: 'out', neuron: 'h0' })).toEqual({
      text: 'undo: edge out → h0 is gone',
      edge: 'out->h0',
    });
    expect(undo({ kind: 'disconnect', source: 'in', neuron: 'h1' })).toEqual({
      text: 'undo: edge in → h1 is back',
      edge: 'in->h1',
    });
    expect(undo({ kind: 'move', id: 'h0', x: 5, y: 6 })).toBeUndefined();
  });
});
