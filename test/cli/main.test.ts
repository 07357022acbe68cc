import { strict as assert } from 'assert';
import { CommandSpec } from '../../server/src/cli/args';
import { EXPORT_COMMAND } from '../../server/src/cli/export-command';
import { INDEX_CHECK_COMMAND, INDEX_SEARCH_COMMAND } from '../../server/src/cli/index-command';
import { HARVEST_COMMAND } from '../../server/src/cli/index-harvest';
import { VERIFY_COMMAND } from '../../server/src/cli/index-verify';
import { LINT_COMMAND } from '../../server/src/cli/lint-command';
import { IMR_HELP } from '../../server/src/cli/main';
import { NEW_COMMAND } from '../../server/src/cli/new-command';
import { PARSE_COMMAND } from '../../server/src/cli/parse-command';
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

  it('every option imr --help names is in that command\'s option table', () => {
    const tables: [string, CommandSpec][] = [
      ['lint', LINT_COMMAND],
      ['parse', PARSE_COMMAND],
      ['index check', INDEX_CHECK_COMMAND],
      ['index search', INDEX_SEARCH_COMMAND],
      ['index verify', VERIFY_COMMAND],
      ['index harvest', HARVEST_COMMAND],
      ['new', NEW_COMMAND],
      ['export', EXPORT_COMMAND],
    ];
    let named = 0;
    let command: CommandSpec | undefined;
    for (const line of IMR_HELP.split('\n')) {
      const row = tables.find(([name]) => line.startsWith(`  ${name} `));
      if (row) command = row[1];
      else if (!line.startsWith('    ')) command = undefined;
      if (!command) continue;
      for (const m of line.matchAll(/(?<![\w-])(--?[a-z][\w-]*)/g)) {
        const o = m[1];
        named++;
        assert.ok(command.options.some((s) => `--${s.name}` === o || `-${s.short}` === o), `imr --help names ${o} for ${command.name}, which has no such option`);
      }
    }
    assert.ok(named >= 8, `only ${named} options found in imr --help`);
  });

  it('an unknown command is one line on stderr, exit 2', async () => {
    const dir = makeTemp();
    const r = await imr(['frobnicate'], { cwd: dir });
    assert.deepEqual(r, { status: 2, stdout: '', stderr: 'imr: unknown command "frobnicate" (imr --help lists the commands)\n' });
  });
});
