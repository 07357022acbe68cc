import * as assert from 'assert';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The layers are enforced by the compiler (tsconfig project references, see tsconfig.json): these tests
 * compile each layer's real tsconfig.json with extra probe files placed, in memory only, inside the layer's
 * folder, exactly as `npm run build` (tsc -b) would see them if they were on disk.
 */
const ROOT = path.resolve(__dirname, '..', '..');

interface ProbeResult {
  /** "code message" per diagnostic of each probe file, by probe file name. */
  byProbe: Map<string, string[]>;
}

function compileWithProbes(project: string, probes: Record<string, string>): ProbeResult {
  const configPath = path.join(ROOT, project, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  assert.ok(config, `cannot read ${configPath}`);
  const files = new Map(Object.entries(probes).map(([name, text]) => [path.join(ROOT, project, name), text]));
  const host = ts.createCompilerHost(config.options);
  const readSource = host.getSourceFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(path.resolve(name));
    return text !== undefined ? ts.createSourceFile(name, text, language) : readSource(name, language, ...rest);
  };
  host.fileExists = (name) => files.has(path.resolve(name)) || exists(name);
  const program = ts.createProgram({ rootNames: [...config.fileNames, ...files.keys()], options: config.options, host, projectReferences: config.projectReferences });
  const byProbe = new Map<string, string[]>();
  for (const file of files.keys()) {
    const source = program.getSourceFile(file);
    assert.ok(source, `${file} not in the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    byProbe.set(path.basename(file), diagnostics.map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
  }
  return { byProbe };
}

describe('layers (tsconfig project references)', function () {
  this.timeout(120000);

  it('an engine file may import the engine, but not the language service, the LSP layer, the CLI or any vscode package', () => {
    const { byProbe } = compileWithProbes('server/src/engine', {
      'probe-ok.ts': "import { parseLetter } from './parser/parse';\nexport const ok = parseLetter;\n",
      'probe-service.ts': "import { toDiagnostics } from '../service/diagnostics';\nexport const bad = toDiagnostics;\n",
      'probe-lsp.ts': "import * as handlers from '../lsp/language-handlers';\nexport const bad = handlers;\n",
      'probe-cli.ts': "import * as cli from '../cli/main';\nexport const bad = cli;\n",
      'probe-runtime.ts': "import { createConnection } from 'vscode-languageserver/node';\nexport const bad = createConnection;\n",
      'probe-types.ts': "import type { Diagnostic } from 'vscode-languageserver-types';\nexport type Bad = Diagnostic;\n",
    });
    assert.deepStrictEqual(byProbe.get('probe-ok.ts'), []);
    for (const [probe, file] of [['probe-service.ts', 'server/src/service/diagnostics.ts'], ['probe-lsp.ts', 'server/src/lsp/language-handlers.ts'], ['probe-cli.ts', 'server/src/cli/main.ts']] as const) {
      const messages = byProbe.get(probe) ?? [];
      assert.ok(messages.some((m) => m.startsWith('TS6307') && m.includes(file)), `${probe}: ${messages.join('; ') || 'compiles'}`);
    }
    for (const probe of ['probe-runtime.ts', 'probe-types.ts']) {
      const messages = byProbe.get(probe) ?? [];
      assert.ok(messages.some((m) => m.startsWith('TS2306') && m.includes('forbidden-import.d.ts')), `${probe}: ${messages.join('; ') || 'compiles'}`);
    }
  });

  it('a language-service file may import the engine, but not the LSP handlers or the server runtime', () => {
    const { byProbe } = compileWithProbes('server/src/service', {
      'probe-ok.ts': "import { lintText } from '../engine';\nexport const ok = lintText;\n",
      'probe-lsp.ts': "import * as handlers from '../lsp/language-handlers';\nexport const bad = handlers;\n",
      'probe-runtime.ts': "import { createConnection } from 'vscode-languageserver/node';\nexport const bad = createConnection;\n",
    });
    assert.deepStrictEqual(byProbe.get('probe-ok.ts'), []);
    const lsp = byProbe.get('probe-lsp.ts') ?? [];
    assert.ok(lsp.some((m) => m.startsWith('TS6307') && m.includes('server/src/lsp/language-handlers.ts')), lsp.join('; ') || 'compiles');
    const runtime = byProbe.get('probe-runtime.ts') ?? [];
    assert.ok(runtime.some((m) => m.startsWith('TS2306')), runtime.join('; ') || 'compiles');
  });
});
