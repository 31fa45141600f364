/**
 * The layering is enforced, not just written down (docs/DESIGN.md section 3): the lint config refuses imports
 * across the layers and tfjs outside the engine and the worker, and the core tsconfig has no DOM.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the lint config', () => {
  // The project service only knows files on disk; these virtual ones get the default project (the main tsconfig).
  const virtual = ['src/*/x.ts', 'src/*/*/*/x.ts'];
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: {
      languageOptions: {
        parserOptions: {
          projectService: {
            allowDefaultProject: virtual,
            defaultProject: 'tsconfig.json',
            maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
          },
        },
      },
    },
  });
  const lint = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath }))[0].messages;

  it.each([
    ['src/state/x.ts', '../engine'],
    ['src/state/x.ts', '../worker/runner'],
    ['src/ui/arch/dian/x.ts', '../../../engine/arch/dian/session'],
    ['src/ui/x.ts', '../engine/index'],
    ['src/ui/x.ts', '@tensorflow/tfjs-core'],
    ['src/state/x.ts', '@tensorflow/tfjs-core/dist/register_all_gradients'],
    ['src/experiment/x.ts', '../protocol'],
    ['src/protocol/x.ts', '../engine'],
    ['src/engine/arch/mlp/x.ts', '../../../worker/backend'],
    ['src/worker/x.ts', '../state/store'],
    ['src/export/x.ts', '../engine'],
    ['src/export/x.ts', '@tensorflow/tfjs-core'],
    ['src/ui/x.ts', '../export/pytorch'],
  ])('refuses, in %s, an import of %s', async (filePath, source) => {
    const messages = await lint(filePath, `import { a } from '${source}';\nexport const b = a;\n`);
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['no-restricted-imports', 2]]);
  });

  it.each([
    ['src/state/x.ts', '../experiment'],
    ['src/state/x.ts', '../protocol/frame'],
    ['src/ui/arch/live/x.ts', '../../../state/store'],
    ['src/engine/arch/dian/x.ts', '../../core/gradientSession'],
    ['src/engine/arch/dian/x.ts', '../../../experiment'],
    ['src/engine/x.ts', '@tensorflow/tfjs-core'],
    ['src/worker/arch/dian/x.ts', '../../../engine'],
    ['src/engine/x.ts', '../export/pytorch'],
    ['src/state/x.ts', '../export/pytorch'],
    ['src/export/x.ts', '../experiment'],
  ])('allows, in %s, an import of %s', async (filePath, source) => {
    expect(await lint(filePath, `import { a } from '${source}';\nexport const b = a;\n`)).toEqual([]);
  });

  it('refuses a promise nobody handles', async () => {
    const code = 'async function f(): Promise<void> {}\nexport function g(): void {\n  f();\n}\n';
    const messages = await lint('src/state/x.ts', code);
    expect(messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-floating-promises']);
  });
});

describe('the core tsconfig (experiment, export, protocol, engine)', () => {
  const configPath = path.join(ROOT, 'tsconfig.core.json');
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    ROOT,
  );
  const options = { ...config.options, noEmit: true }; // as `tsc --noEmit` runs it

  /** Type-checks one file that is not on disk, as if it were `src/engine/virtual.ts`, with the core options. */
  function diagnostics(code: string): string[] {
    const file = path.join(ROOT, 'src/engine/virtual.ts');
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (name, language, ...rest) =>
      path.resolve(name) === file
        ? ts.createSourceFile(name, code, language)
        : getSourceFile.call(host, name, language, ...rest);
    // The config's own declarations (its platform globals) come along, as tsc would include them.
    const declarations = config.fileNames.filter((f) => f.endsWith('.d.ts'));
    const program = ts.createProgram([file, ...declarations], options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('covers the four folders', () => {
    for (const folder of ['experiment', 'export', 'protocol', 'engine']) {
      expect(config.fileNames.some((f) => f.includes(`/src/${folder}/`))).toBe(true);
    }
    expect(config.fileNames.filter((f) => /\/src\/(worker|state|ui)\//.test(f))).toEqual([]);
  });

  it('has no DOM: document.title is an error', () => {
    expect(diagnostics('export const title: string = document.title;\n').join('\n')).toContain("'document'");
  });

  it('has no Node either: process and Buffer are errors', () => {
    const found = diagnostics('export const env = process.env;\nexport const b = Buffer.from([1]);\n').join(
      '\n',
    );
    expect(found).toContain("'process'");
    expect(found).toContain("'Buffer'");
  });

  it('has ES2023 and the two platform globals the code uses', () => {
    const code =
      'export const last = [1, 2, 3].findLast((x) => x < 3);\n' +
      "export const copy = structuredClone({ a: 1 }); export const v = new URLSearchParams('v=1').get('v');\n";
    expect(diagnostics(code)).toEqual([]);
  });
});
