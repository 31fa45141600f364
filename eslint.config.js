import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** What each folder of src/ may import from the others (docs/DESIGN.md section 3); its own files always. */
const LAYERS = {
  experiment: [],
  // Scripts written from an exported experiment (plain text from plain data): the engine's API and the page's
  // download both offer them.
  export: ['experiment'],
  protocol: ['experiment'],
  engine: ['experiment', 'protocol', 'export'],
  worker: ['experiment', 'protocol', 'engine'],
  state: ['experiment', 'protocol', 'export'],
  ui: ['experiment', 'protocol', 'state'],
};
const USES_TFJS = ['engine', 'worker'];
const TFJS_BAN = { group: ['@tensorflow/*'], message: 'tfjs belongs to src/engine and src/worker only.' };

/** The import bans of one folder: the layers it may not use, at any depth (barrels included), and tfjs. */
function layerBans(layer) {
  const allowed = LAYERS[layer];
  const banned = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
  const patterns = [];
  if (banned.length > 0) {
    patterns.push({
      group: banned.flatMap((other) => [`**/${other}`, `**/${other}/**`]),
      message: `src/${layer} may import only from ${allowed.length > 0 ? allowed.join(', ') : 'itself'} (docs/DESIGN.md section 3).`,
    });
  }
  if (!USES_TFJS.includes(layer)) patterns.push(TFJS_BAN);
  return patterns;
}

const layering = Object.keys(LAYERS).map((layer) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: { 'no-restricted-imports': ['error', { patterns: layerBans(layer) }] },
}));

export default tseslint.config(
  { ignores: ['core-globals.d.ts', 'dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A promise nobody awaits loses its error; the worker and the UI are event-driven, so these are easy to miss.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/experiment/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (src/experiment/rng.ts).' },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(dataSync|arraySync|bufferSync)$/]',
          message: 'Synchronous tensor reads return zeros on WebGPU; use await t.data().',
        },
      ],
    },
  },
  {
    // src/main.tsx mounts the UI: the app's only file outside the layers, and no tfjs either.
    files: ['src/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS_BAN] }],
    },
  },
  {
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*/**', '**/src/ui', '**/src/state', '**/src/worker'],
              message:
                'The bench drives the public API only: ../src/engine, ../src/experiment, ../src/protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and the bench use what the code exposes: a session is narrowed by its kind, not cast.
    files: ['bench/**/*.ts', 'e2e/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'TSAsExpression[expression.type="TSAsExpression"][expression.typeAnnotation.type="TSUnknownKeyword"]',
          message: 'No casts through unknown in tests and the bench: use what the code exposes.',
        },
      ],
    },
  },
  ...layering,
);
