/**
 * One line of help for every control, by its visible label (the kit's controls take theirs from here; a control
 * may pass its own). Shown as the control's title: on hover, and read by screen readers as its description.
 */
export const HELP: Readonly<Record<string, string>> = {
  // Toolbar
  Architecture: 'Which network to train: the MLP baseline or one of the three experimental architectures',
  Speed: 'How many training steps per second: from slow motion (2) to as fast as the backend goes',
  Backend:
    'Where tfjs computes: auto measures the backends and picks the fastest; webgpu, webgl, wasm or cpu by hand',
  // Data
  Task: 'The data to learn: a 2-D task of the TensorFlow Playground, a sequence task, or a table of data',
  'Ratio of training to test data': 'The share of the points trained on; the rest measure the test loss',
  Noise: 'How noisy the data is (what it does for this task is said under the slider)',
  'Batch size': 'Points per training step: the gradient is averaged over this many (1-1000)',
  Seed: 'The random seed of the data, the split and the starting weights: the same seed, the same run',
  'Standardise inputs':
    'Scale each input to mean 0 and standard deviation 1 over the training rows (and a numeric target too)',
  'Sequence length T': 'How many steps of the sequence the network sees at once (its window)',
  'The plane shows': 'Which two coordinates span the output plane when the data has more than two inputs',
  'Horizontal axis': 'The input along the plane’s horizontal axis (the others are held at their mean)',
  'Vertical axis': 'The input along the plane’s vertical axis (the others are held at their mean)',
  'Label column': 'The CSV column the network predicts; every other column is an input',
  Rewind:
    'Look back at a kept step of this run (log-spaced); Play or Step trains on from it, dropping the run after it',
  // Training
  'Learning rate': 'Step size of the optimizer: too small learns slowly, too large diverges (1e-6 to 1000)',
  Activation: 'The function each hidden neuron applies to its weighted sum',
  Optimizer: 'How the gradient moves the weights: plain sgd, momentum 0.9, or adam',
  Regularization: 'A penalty on the weights that keeps them small (L2) or sparse (L1), or none',
  'Regularization rate': 'How strongly the regularization penalty counts against the loss',
  // Output
  'Show test data': 'Draw the test points on the plane too (outlined in black)',
  'Discretize output': 'Colour the plane by the predicted class only, without the shades of probability',
  // DIAN
  Period: 'The gate opens on every period-th iteration (2: every second one, as the paper)',
  Iteration: 'What counts as an iteration for the period: a training step or an epoch',
  'Count iterations':
    'Whether iterations count from 1 (the gate opens on step 2) or from 0 as the paper loop',
  Initialisation: 'How the weights start: Glorot normal with zero biases, or PyTorch’s nn.Linear default',
  'Extra path source': 'What feeds the gated extra path into layer 3: the input x or layer 1’s output',
  'Final activation': 'What the output applies to its sum: nothing (a logit) or relu as the reference code',
  'Gate when evaluating':
    'Whether the gate is on, off, or as the step parity says when the test loss is measured',
  Schedule: 'When the gate opens: every period (the paper), always or never (the ablations)',
  Compare: 'Which models run beside the DIAN: its baselines or its own variants',
  Seeds: 'How many seeds each model of the comparison runs (its curves are their means)',
  'Steps to compare': 'How many training steps each model of the comparison takes',
  // Wormhole
  'Wormhole from layer': 'The layer a new wormhole starts from (a later layer)',
  'back to layer': 'The earlier layer the wormhole feeds back into',
  Solver: 'How the fixed point of the layers is found: plain iteration or Anderson acceleration',
  Tolerance: 'The solve stops when the residual falls below this',
  Residual: 'Whether the tolerance is relative to the size of the state or absolute',
  'Max iterations': 'The most sweeps a forward solve may take',
  Damping: 'Each sweep moves this fraction of the way to the next state (1: no damping)',
  'Anderson m': 'How many past sweeps Anderson acceleration mixes',
  'Anderson λ': 'The regularisation of Anderson’s least squares (larger: closer to plain iteration)',
  Gradient: 'How the gradient passes the fixed point: implicit (an adjoint solve) or unrolled backprop',
  'Adjoint solver': 'How the adjoint fixed point of the implicit gradient is solved',
  'Adjoint tolerance': 'The adjoint solve stops when its residual falls below this',
  'Adjoint max iterations': 'The most sweeps an adjoint solve may take',
  'When a solve does not converge': 'Pause training when a solve misses its tolerance, or keep training',
  Gates: 'The gate function of each wormhole: soft (sigmoid), hard, or relu',
  'Gate bias at start': 'The gates’ starting bias: negative starts them closed, positive open',
  'Wormhole activation': 'The function of every layer of the Wormhole network: tanh (the default) or relu',
  // Live
  Fidelity: 'Which source the Live network follows: its README’s rules or the beta code step for step',
  'Reward task':
    'What the network is rewarded for: a temporal task of bits or the 2-D points of the Data task',
  Reward: 'How a reward is computed from the output: against the target, or the reference code’s rule',
  'Delay d': 'How many steps back the task looks (its delay)',
  'Parity bits n': 'How many of the last bits the parity task takes',
  Firing: 'The function each Live neuron applies to its input',
  'Memory M': 'How many past steps each neuron remembers',
  'Live learning rate': 'How far one reward moves a connection’s weight',
  'Depth D': 'How many steps back a reward reaches the connections that led to it',
  'Reward sharing': 'How a reward is shared among the connections that led to the output',
  'Update mode': 'How the weights are updated after a reward (auto picks the faster of two equal ways)',
  'Rewiring probability': 'The chance that a negative reward rewires a neuron (0: never rewires)',
  'Connect from': 'The neuron or input an edge should start from',
  'Connect to': 'The neuron an edge should end at',
};

/** The help of a control by its label, or undefined (the e2e help test finds a control without one). */
export const helpFor = (label: string): string | undefined => HELP[label];
