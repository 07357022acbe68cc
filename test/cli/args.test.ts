import { strict as assert } from 'assert';
import { CommandSpec, commandHelp, optionsHelp, OptionSpec, parseOptions } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/errors';
import { EXPORT_COMMAND } from '../../server/src/cli/export-command';
import { INDEX_CHECK_COMMAND, INDEX_SEARCH_COMMAND } from '../../server/src/cli/index-command';
import { HARVEST_COMMAND } from '../../server/src/cli/index-harvest';
import { VERIFY_COMMAND } from '../../server/src/cli/index-verify';
import { LINT_COMMAND } from '../../server/src/cli/lint-command';
import { NEW_COMMAND } from '../../server/src/cli/new-command';
import { PARSE_COMMAND } from '../../server/src/cli/parse-command';
import { imr, imrLint } from '../helpers/cli-io';
import { cleanupTemp, makeTemp, nth } from './helpers';

/** The option tables (cli/args.ts): one table per command drives node:util's parseArgs and the --help text. */

const SPECS: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', value: 'NAME', default: 'stylish', help: 'output format' },
  { name: 'index', type: 'string', multiple: true, value: 'FILE', help: 'extra index' },
  { name: 'max-warnings', type: 'string', value: 'N', help: 'limit' },
  { name: 'fix', type: 'boolean', help: 'fix' },
];

function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    return e.message;
  }
  return assert.fail('no UsageError');
}

describe('cli/args: option tables', () => {
  it('parses long and short forms, defaults, repeated options and values that start with "-"', () => {
    const none = parseOptions([], SPECS);
    assert.equal(none.string('format'), 'stylish', 'the default');
    assert.deepEqual(none.list('index'), []);
    assert.equal(none.flag('fix'), false);
    const p = parseOptions(['-f', 'json', '--index', 'a.yaml', 'x.imr', '--index=b.yaml', '--max-warnings', '-1', '--fix', '--', '--not-an-option'], SPECS);
    assert.equal(p.string('format'), 'json');
    assert.deepEqual(p.list('index'), ['a.yaml', 'b.yaml']);
    assert.equal(p.string('index'), 'b.yaml', 'the last of a repeated option');
    assert.equal(p.string('max-warnings'), '-1');
    assert.equal(p.flag('fix'), true);
    assert.deepEqual(p.positionals, ['x.imr', '--not-an-option']);
  });

  it('bad usage is one UsageError naming the option; unknown options get "did you mean" or the help command', () => {
    assert.equal(usageError(() => parseOptions(['--fromat', 'json'], SPECS, 'imr-lint')), 'unknown option --fromat (did you mean "--format"?)');
    assert.equal(usageError(() => parseOptions(['--frobnicate'], SPECS, 'imr-lint')), 'unknown option --frobnicate (imr-lint --help lists the options)');
    assert.equal(usageError(() => parseOptions(['-z'], SPECS, 'imr x')), 'unknown option -z (imr x --help lists the options)');
    assert.equal(usageError(() => parseOptions(['--fix=yes'], SPECS)), 'option --fix takes no value');
    assert.equal(usageError(() => parseOptions(['a.imr', '--format'], SPECS)), 'option --format needs a value');
  });

  it('--help is generated from the table: usage, description, one row per option with its default, footer', () => {
    const cmd: CommandSpec = { name: 'imr demo', usage: ['imr demo FILE', 'imr demo --list'], description: 'Does a demo.', options: SPECS, footer: 'Exit 0.' };
    const help = commandHelp(cmd);
    assert.equal(
      help,
      [
        'Usage: imr demo FILE',
        '       imr demo --list',
        '',
        'Does a demo.',
        '',
        'Options:',
        '  -f, --format NAME     output format (default: stylish)',
        '      --index FILE      extra index',
        '      --max-warnings N  limit',
        '      --fix             fix',
        '',
        'Exit 0.',
      ].join('\n'),
    );
    assert.ok(help.includes(optionsHelp(SPECS)));
  });
});

describe('every command: --help from its table, unknown options in one line (in-process)', function () {
  this.timeout(60_000);
  after(cleanupTemp);

  const commands: [string[], CommandSpec][] = [
    [['lint'], LINT_COMMAND],
    [['export'], EXPORT_COMMAND],
    [['new'], NEW_COMMAND],
    [['parse'], PARSE_COMMAND],
    [['index', 'check'], INDEX_CHECK_COMMAND],
    [['index', 'search'], INDEX_SEARCH_COMMAND],
    [['index', 'verify'], VERIFY_COMMAND],
    [['index', 'harvest'], HARVEST_COMMAND],
  ];

  for (const [argv, spec] of commands) {
    it(`imr ${argv.join(' ')}`, async () => {
      const dir = makeTemp();
      assert.equal(spec.name, argv[0] === 'lint' ? 'imr-lint' : `imr ${argv.join(' ')}`);
      for (const h of ['--help', '-h']) {
        const help = await imr([...argv, h], { cwd: dir });
        assert.deepEqual(help, { status: 0, stdout: `${commandHelp(spec)}\n`, stderr: '' }, h);
      }
      for (const o of spec.options) assert.match(commandHelp(spec), new RegExp(`^ {2}(-${o.short}, | {4})--${o.name}\\b`, 'm'), `--${o.name} has a help row`);
      // a misspelt option (a letter doubled) is named, with the option meant
      const meant = spec.options.find((o) => o.name.length >= 4)!;
      const typo = `--${meant.name.slice(0, 2)}${meant.name[2]}${meant.name.slice(2)}`;
      const bad = await imr([...argv, typo, 'x'], { cwd: dir });
      assert.deepEqual(bad, { status: 2, stdout: '', stderr: `imr: unknown option ${typo} (did you mean "--${meant.name}"?)\n` });
      const unknown = await imr([...argv, '--frobnicate'], { cwd: dir });
      assert.deepEqual(unknown, { status: 2, stdout: '', stderr: `imr: unknown option --frobnicate (${spec.name} --help lists the options)\n` });
    });
  }

  it('imr-lint --help is the lint table\'s help; imr index --help lists the index commands from their tables', async () => {
    const dir = makeTemp();
    assert.deepEqual(imrLint(['--help'], { cwd: dir }), { status: 0, stdout: `${commandHelp(LINT_COMMAND)}\n`, stderr: '' });
    const index = await imr(['index', '--help'], { cwd: dir });
    assert.equal(index.status, 0);
    for (const c of [INDEX_CHECK_COMMAND, INDEX_SEARCH_COMMAND, VERIFY_COMMAND, HARVEST_COMMAND]) {
      const usage = nth(c.usage, 0, `a usage line of ${c.name}`);
      assert.ok(index.stdout.includes(usage), `imr index --help lacks ${usage}`);
      assert.ok(index.stdout.includes(`${c.name}  `) && c.summary !== undefined && index.stdout.includes(c.summary), `imr index --help lacks ${c.name}`);
    }
  });
});
