import {
  LIVE_ACTIVATIONS,
  LIVE_FIDELITIES,
  LIVE_FIELDS,
  LIVE_REWARDS,
  LIVE_SHARINGS,
  LIVE_TASKS,
  LIVE_UPDATES,
  numberControl,
  type LiveFidelity,
  type LiveTaskKind,
  withLiveTask,
} from '../../../experiment';
import { useState } from 'react';
import { engine } from '../../appState';
import { useAppStore } from '../../appState';
import { editLive } from '../../editHistory';
import { NumberField, Select } from '../../kit/controls';
import { useSlice } from '../../kit/useSlice';

const TASK_LABELS: Record<LiveTaskKind, string> = {
  'temporal-xor': 'temporal XOR (x_t xor x_t-d)',
  'delayed-recall': 'delayed recall (x_t-d)',
  parity: 'parity of the last n bits',
  'delayed-reward': 'echo, rewarded d steps late',
  '2d': 'points of the Data task (2-D, iris, digits)',
};

const FIDELITY_LABELS: Record<LiveFidelity, string> = {
  readme: 'as its README describes',
  beta: 'as the beta code does',
};

const FIDELITY_NOTES: Record<LiveFidelity, string> = {
  readme:
    'The README’s rules: M steps of memory, weights clamped at 0, one rewiring draw per unconnected source.',
  beta:
    'The repository’s beta code (commit 0a078d0), step for step: it fixes firing, memory, sharing, update mode ' +
    'and p itself, so those controls are off. The differences are listed under “About this network”.',
};

export function LivePanel() {
  const [live, set] = useSlice('live');
  const selected = useAppStore((s) => s.selectedNeuron);
  const engineReady = useAppStore((s) => s.runtime.engine === 'ready');
  const updateSpec = useAppStore((s) => s.updateSpec);
  const hidden = live.layers.slice(1, -1).flat();
  const outputs = live.layers[live.layers.length - 1].length;
  // Options the beta code does not have: shown, but off, in that mode.
  const beta = live.fidelity === 'beta';
  return (
    <section className="panel live" aria-labelledby="live-title">
      <h2 id="live-title">Live network</h2>
      <div className="buttons reward-buttons">
        <span>{outputs > 1 ? 'Reward the output that answered:' : 'Reward the current output:'}</span>
        <button
          type="button"
          aria-label="Reward +1"
          title="Reward the output now: the connections that led to it grow"
          disabled={!engineReady}
          onClick={() => engine.reward(1)}
        >
          +1
        </button>
        <button
          type="button"
          aria-label="Reward −1"
          title="Punish the output now: the connections that led to it shrink, and it may rewire"
          disabled={!engineReady}
          onClick={() => engine.reward(-1)}
        >
          −1
        </button>
      </div>
      <div className="buttons">
        <button
          type="button"
          title="Add a hidden neuron to the network"
          onClick={() => editLive({ kind: 'addNeuron', layer: 1 })}
        >
          Add neuron
        </button>
        <button
          type="button"
          disabled={!selected || !hidden.includes(selected)}
          title="Delete the hidden neuron selected in the graph (click one to select it)"
          onClick={() => selected && editLive({ kind: 'removeNeuron', id: selected })}
        >
          Delete {selected && hidden.includes(selected) ? selected : 'neuron'}
        </button>
      </div>
      <ConnectForm />
      <Select
        label="Fidelity"
        value={live.fidelity}
        options={LIVE_FIDELITIES.map((f) => ({ value: f, label: FIDELITY_LABELS[f] }))}
        onChange={set('fidelity')}
      />
      <p className="note" data-testid="live-fidelity-note">
        {FIDELITY_NOTES[live.fidelity]}
      </p>
      <Select
        label="Reward task"
        value={live.task}
        options={LIVE_TASKS.map((t) => ({ value: t, label: TASK_LABELS[t] }))}
        onChange={(task) => updateSpec((d) => void (d.live = withLiveTask(d.live, task, d.task.kind)))}
      />
      {outputs > 1 && (
        <p className="note" data-testid="live-classes-note">
          {outputs} output neurons, one per class: each is rewarded against its own target (1 for its class,
          else 0); the answer is the largest output.
          {live.activation !== 'sigmoid' &&
            ' With this firing the outputs stay below 0.5, so each class’s own output is punished on its class and ' +
              'learns away from it (iris: below chance); sigmoid firing keeps them above 0.5 and learns (iris: 58–79%).'}
        </p>
      )}
      <Select
        label="Reward"
        value={live.reward}
        options={LIVE_REWARDS.map((r) => ({
          value: r,
          label: r === 'target' ? '1 − 2|y − target|' : 'reference: (y − 0.5) · 2',
        }))}
        onChange={set('reward')}
      />
      <NumberField {...numberControl(LIVE_FIELDS.delay)} value={live.delay} onChange={set('delay')} />
      {live.task === 'delayed-reward' && !beta && (
        <p className="note" data-testid="live-echo-note">
          The echo task trains each step from memory when its reward comes, d steps late: Delay d must stay
          below Memory M ({live.memory}).
        </p>
      )}
      <NumberField {...numberControl(LIVE_FIELDS.bits)} value={live.bits} onChange={set('bits')} />
      <Select
        label="Firing"
        value={live.activation}
        options={LIVE_ACTIVATIONS}
        onChange={set('activation')}
        disabled={beta}
      />
      <NumberField
        {...numberControl(LIVE_FIELDS.memory)}
        value={live.memory}
        onChange={set('memory')}
        disabled={beta}
      />
      <NumberField {...numberControl(LIVE_FIELDS.lr)} value={live.lr} onChange={set('lr')} />
      <NumberField {...numberControl(LIVE_FIELDS.depth)} value={live.depth} onChange={set('depth')} />
      <Select
        label="Reward sharing"
        value={live.sharing}
        options={LIVE_SHARINGS}
        onChange={set('sharing')}
        disabled={beta}
      />
      <Select
        label="Update mode"
        value={live.update}
        options={LIVE_UPDATES}
        onChange={set('update')}
        disabled={beta}
      />
      <NumberField
        {...numberControl(LIVE_FIELDS.pRewire)}
        value={live.pRewire}
        onChange={set('pRewire')}
        disabled={beta}
      />
    </section>
  );
}

/** Adding or removing an edge without a pointer: pick a source and a neuron (the same edits as dragging). */
function ConnectForm() {
  const layers = useAppStore((s) => s.spec.live.layers);
  const ids = layers.flat();
  const targets = layers.slice(1).flat();
  const [source, setSource] = useState(ids[0]);
  const [neuron, setNeuron] = useState(targets[targets.length - 1]);
  return (
    <div className="connect-form">
      <Select
        label="Connect from"
        value={ids.includes(source) ? source : ids[0]}
        options={ids}
        onChange={setSource}
      />
      <Select
        label="Connect to"
        value={targets.includes(neuron) ? neuron : targets[0]}
        options={targets}
        onChange={setNeuron}
      />
      {(['connect', 'disconnect'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          title={
            kind === 'connect'
              ? 'Add an edge from the chosen source to the chosen neuron'
              : 'Remove the edge from the chosen source to the chosen neuron'
          }
          onClick={() =>
            editLive({
              kind,
              source: ids.includes(source) ? source : ids[0],
              neuron: targets.includes(neuron) ? neuron : targets[0],
            })
          }
        >
          {kind === 'connect' ? 'Connect' : 'Remove edge'}
        </button>
      ))}
    </div>
  );
}
