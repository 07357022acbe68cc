import { strict as assert } from 'assert';
import { imr, imrLint } from '../helpers/cli-io';
import { cleanupTemp, cliFixture, describeRun, makeTemp, write } from './helpers';

/** `imr` (cli/main.ts): its commands, --help, --version and unknown commands, run in-process. */

describe('imr (cli/main.ts), in-process', function () {
  this.timeout(60_000);
  after(cleanupTemp);

  it('imr lint behaves as imr-lint', async () => {
    const dir = makeTemp();
    write(dir, 'case.imr', cliFixture('page-error-2009.imr'));
    const a = await imr(['lint', '-f', 'json', 'case.imr'], { cwd: dir });
    const b = imrLint(['-f', 'json', 'case.imr'], { cwd: dir });
    assert.equal(a.status, 1, describeRun(a));
    assert.equal(a.stdout, b.stdout);
    const missing = await imr(['lint', 'nope.imr'], { cwd: dir });
    assert.deepEqual(missing, { status: 2, stdout: '', stderr: 'imr: nope.imr: no such file or directory\n' });
  });

  it('--version and -v print the version; --help lists every command; no command is exit 2 with the help', async () => {
    const dir = makeTemp();
    for (const v of ['--version', '-v']) assert.deepEqual(await imr([v], { cwd: dir, version: '1.2.3' }), { status: 0, stdout: '1.2.3\n', stderr: '' });
    const help = await imr(['--help'], { cwd: dir });
    assert.equal(help.status, 0);
    for (const c of ['lint', 'parse', 'index check', 'index search', 'index verify', 'index harvest', 'new', 'export LETTER']) assert.ok(help.stdout.includes(`  ${c}`), `imr --help lacks ${c}`);
    const none = await imr([], { cwd: dir });
    assert.deepEqual([none.status, none.stdout], [2, help.stdout]);
  });

  it('an unknown command is one line on stderr, exit 2', async () => {
    const dir = makeTemp();
    const r = await imr(['frobnicate'], { cwd: dir });
    assert.deepEqual(r, { status: 2, stdout: '', stderr: 'imr: unknown command "frobnicate" (imr --help lists the commands)\n' });
  });
});
