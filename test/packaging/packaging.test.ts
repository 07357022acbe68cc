import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../cli/helpers';

/**
 * The npm package and the .vsix as users get them: the `files` allow-list, `imr-lint` run with npx from
 * a packed tarball, the icon, the third-party notices and esbuild targets that agree with `engines`.
 */

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('packaging', function () {
  this.timeout(600_000);
  let tmp: string;
  let pack: PackResult;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-pack-')));
    // out/ is built by `npm test`; --ignore-scripts skips `prepare` (the same tsc build)
    const r = sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const [first] = JSON.parse(r.stdout) as PackResult[];
    assert.ok(first, `npm pack --json listed no package: ${r.stdout}`);
    pack = first;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the files allow-list ships the CLI, the server, schemas and the index, and no tests, sources, maps or fixtures', () => {
    const files = pack.files.map((f) => f.path);
    for (const f of ['bin/imr-lint.js', 'bin/imr.js', 'bin/imr-language-server.js', 'out/server/src/cli/lint-command.js', 'out/server/src/lsp/main.js', 'out/server/src/lsp/lint-worker.js', 'generated/mtus-index.json', 'dist/cli.js', 'dist/cli.code-cache', 'bin/code-cache.js', 'out/shared/protocol.js', 'schemas/imrlintrc.schema.json', 'schemas/determination.schema.json', 'server/data/mtus-index.yaml', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(f), `${f} missing from the package`);
    }
    const unwanted = files.filter((f) => /(^|\/)test\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') || f.includes('fixtures') || f.startsWith('client/') || f.startsWith('out/client/') || f.startsWith('out/scripts/') || f.startsWith('docs/') || f.startsWith('scripts/'));
    assert.deepEqual(unwanted, []);
  });

  it('imr-lint runs with npx from the packed tarball (--version, a letter, exit codes)', () => {
    const work = path.join(tmp, 'work');
    fs.mkdirSync(work);
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'page-error-2009.imr'), path.join(work, 'case.imr'));
    const tgz = path.join(tmp, pack.filename);
    const exec = (...args: string[]) => sh(npm, ['exec', '--yes', '--prefer-offline', `--package=${tgz}`, '--', ...args], work);
    const version = exec('imr-lint', '--version');
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const lint = exec('imr-lint', '-f', 'compact', 'case.imr');
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^case\.imr:\d+:\d+: error .* \[citation-page-mismatch\]$/m);
    const none = exec('imr-lint', '*.txt');
    assert.equal(none.status, 2, none.stderr);
  });

  it('the icon is a 128×128 PNG referenced by package.json and shipped in the .vsix', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { icon: string };
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.equal(png.toString('ascii', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes(`!${pkg.icon}`));
  });

  it('esbuild targets the Node version of engines.node; the notices cover every bundled package', async () => {
    const { esbuildTarget } = require(path.join(ROOT, 'scripts', 'bundle.js')) as { esbuildTarget: (pkg: object) => string };
    const { noticesFor, bundledPackages } = require(path.join(ROOT, 'scripts', 'third-party-notices.js')) as {
      noticesFor: (meta: object, root: string) => { text: string; packages: { name: string; licence: string }[] };
      bundledPackages: (meta: object) => string[];
    };
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    assert.equal(esbuildTarget(pkg), `node${/\d+/.exec(pkg.engines.node)![0]}`);
    assert.equal(esbuildTarget({ engines: { node: '>=20.9' } }), 'node20.9');
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').includes('!dist/THIRD_PARTY_NOTICES.txt'));

    // the same bundles scripts/bundle.js builds, metafile only
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['client/src/extension.ts', 'server/src/lsp/main.ts'],
      outdir: path.join(tmp, 'dist'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: esbuildTarget(pkg),
      external: ['vscode'],
      mainFields: ['main', 'module'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const dirs = bundledPackages(result.metafile);
    const notices = noticesFor(result.metafile, ROOT);
    assert.ok(dirs.length >= 5, dirs.join());
    for (const name of ['vscode-languageserver', 'vscode-languageclient', 'yaml', 'ajv', 'picomatch', 'ignore']) assert.ok(notices.packages.some((p) => p.name === name), `${name} not in the notices`);
    for (const p of notices.packages) {
      assert.notEqual(p.licence, 'UNKNOWN', p.name);
      assert.ok(notices.text.includes(`${p.name} `), p.name);
    }
    assert.ok(notices.text.includes('Permission is hereby granted'), 'licence texts are included');
  });
});
