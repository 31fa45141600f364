import {
  NONCONVERGENCE_POLICIES,
  RESIDUAL_KINDS,
  WORMHOLE_ACTIVATIONS,
  WORMHOLE_GATES,
  WORMHOLE_GRADIENTS,
  WORMHOLE_FIELDS,
  WORMHOLE_SOLVERS,
  numberControl,
} from '../../../experiment';
import { useState } from 'react';
import { useAppStore } from '../../appState';
import { editWormholes } from '../../editHistory';
import { NumberField, Select } from '../../kit/controls';
import { useSlice } from '../../kit/useSlice';
import { addRefusal, fromLayers, toLayers } from './wormholeEdits';

const SOLVER_LABELS: Record<(typeof WORMHOLE_SOLVERS)[number], string> = {
  plain: 'Plain',
  anderson: 'Anderson',
  safeguarded: 'Anderson, safeguarded',
};
const SOLVER_OPTIONS = WORMHOLE_SOLVERS.map((s) => ({ value: s, label: SOLVER_LABELS[s] }));

const GATE_LABELS: Record<(typeof WORMHOLE_GATES)[number], string> = {
  soft: 'soft (sigmoid)',
  hard: 'hard (clip(½ + z/4, 0, 1))',
  relu: 'relu (max(0, ·): the first hard gate)',
};

/** Solver, tolerance, gradient mode and the gates of the Fixed-Point Wormhole network. */
export function WormholePanel() {
  const [w, set] = useSlice('wormhole');
  return (
    <section className="panel wormhole" aria-labelledby="wormhole-title">
      <h2 id="wormhole-title">Fixed point</h2>
      <WormholeForm />
      <Select label="Solver" value={w.solver} options={SOLVER_OPTIONS} onChange={set('solver')} />
      <NumberField {...numberControl(WORMHOLE_FIELDS.tol)} value={w.tol} onChange={set('tol')} />
      <Select
        label="Residual"
        value={w.residual}
        options={RESIDUAL_KINDS.map((r) => ({ value: r, label: r === 'rel' ? 'relative' : 'absolute' }))}
        onChange={set('residual')}
      />
      <NumberField {...numberControl(WORMHOLE_FIELDS.maxIter)} value={w.maxIter} onChange={set('maxIter')} />
      <NumberField {...numberControl(WORMHOLE_FIELDS.damping)} value={w.damping} onChange={set('damping')} />
      <NumberField
        {...numberControl(WORMHOLE_FIELDS.andersonM)}
        value={w.andersonM}
        onChange={set('andersonM')}
      />
      <NumberField
        {...numberControl(WORMHOLE_FIELDS.andersonLambda)}
        value={w.andersonLambda}
        onChange={set('andersonLambda')}
      />
      <Select
        label="Gradient"
        value={w.gradient}
        options={WORMHOLE_GRADIENTS.map((g) => ({
          value: g,
          label: g === 'implicit' ? 'implicit (adjoint fixed point)' : 'unrolled backprop (ablation)',
        }))}
        onChange={set('gradient')}
      />
      <Select
        label="Adjoint solver"
        value={w.adjointSolver}
        options={SOLVER_OPTIONS}
        onChange={set('adjointSolver')}
      />
      <NumberField
        {...numberControl(WORMHOLE_FIELDS.adjointTol)}
        value={w.adjointTol}
        onChange={set('adjointTol')}
      />
      <NumberField
        {...numberControl(WORMHOLE_FIELDS.adjointMaxIter)}
        value={w.adjointMaxIter}
        onChange={set('adjointMaxIter')}
      />
      <Select
        label="When a solve does not converge"
        value={w.onNonConvergence}
        options={NONCONVERGENCE_POLICIES.map((p) => ({
          value: p,
          label: p === 'pause' ? 'pause training' : 'keep training',
        }))}
        onChange={set('onNonConvergence')}
      />
      <Select
        label="Gates"
        value={w.gate}
        options={WORMHOLE_GATES.map((g) => ({ value: g, label: GATE_LABELS[g] }))}
        onChange={set('gate')}
      />
      <NumberField
        {...numberControl(WORMHOLE_FIELDS.gateBias)}
        value={w.gateBias}
        onChange={set('gateBias')}
      />
      <Select
        label="Wormhole activation"
        value={w.activation}
        options={WORMHOLE_ACTIVATIONS}
        onChange={set('activation')}
      />
    </section>
  );
}

/**
 * Adding or removing a wormhole without a pointer (the same edits as dragging in the graph): it offers only the
 * possible ones, from a later layer back to an earlier one, and says why an addition is refused.
 */
function WormholeForm() {
  const { hidden, wormholes } = useAppStore((s) => s.spec.wormhole);
  const L = hidden.length + 1;
  const [from, setFrom] = useState(String(L));
  const [to, setTo] = useState('1');
  const [refusal, setRefusal] = useState<string>();
  if (L < 2) return <p className="note">A wormhole needs two layers: add a hidden layer first.</p>;
  const f = Math.max(2, Math.min(Number(from), L));
  const t = Math.max(1, Math.min(Number(to), f - 1));
  const exists = wormholes.some((w) => w.from === f && w.to === t);
  const change = (set: (v: string) => void) => (v: string) => {
    setRefusal(undefined);
    set(v);
  };
  return (
    <div className="connect-form">
      <Select
        label="Wormhole from layer"
        value={String(f)}
        options={fromLayers(L).map(String)}
        onChange={change(setFrom)}
      />
      <Select
        label="back to layer"
        value={String(t)}
        options={toLayers(f).map(String)}
        onChange={change(setTo)}
      />
      <button
        type="button"
        title="Add (or remove) the gated backward connection between the two chosen layers"
        onClick={() => {
          const reason = exists ? undefined : addRefusal(wormholes, f, t, L);
          setRefusal(reason);
          if (reason) return;
          editWormholes(
            exists
              ? wormholes.filter((w) => !(w.from === f && w.to === t))
              : [...wormholes, { from: f, to: t }],
          );
        }}
      >
        {exists ? 'Remove wormhole' : 'Add wormhole'}
      </button>
      {refusal && (
        <p role="alert" className="not-converged" data-testid="wormhole-refused">
          {refusal}
        </p>
      )}
    </div>
  );
}
