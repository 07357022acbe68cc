import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Rule, RULES } from '../../server/src/engine';
import { memoryIo } from '../helpers/cli-io';
import { guarded } from '../../server/src/cli/main';
import { runLint } from '../../server/src/cli/lint-command';
import { SLOW_MARKER, slowRule } from '../helpers/slow-rule';
import { cleanupTemp, cliFixture, makeTemp, nth, write } from './helpers';

/**
 * imr-lint --max-time-per-file, in-process: the test-only never-ending rule is added to the engine's
 * RULES for these tests only (the same list every run uses), so one letter's lint never ends.
 */
function lint(args: string[], cwd: string): { code: number; out: string; err: string } {
  const io = memoryIo(cwd);
  const code = guarded(() => runLint(args, io), io, 'imr-lint');
  assert.equal(typeof code, 'number');
  return { code: code as number, out: io.out, err: io.err };
}

describe('imr-lint --max-time-per-file', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    (RULES as Rule[]).push(slowRule);
    dir = makeTemp();
    write(dir, 'a-runaway.imr', `${cliFixture('page-error-2009.imr')}\n${SLOW_MARKER}\n`);
    write(dir, 'b-next.imr', cliFixture('page-error-2009.imr'));
  });
  after(() => {
    const i = RULES.indexOf(slowRule);
    if (i >= 0) (RULES as Rule[]).splice(i, 1);
    cleanupTemp();
  });

  it('a letter that overruns gets one error at 1:1 and the run goes on to the next letter; exit 1', () => {
    // a budget that the ordinary letter fits in even on a busy machine; the runaway one never finishes
    const r = lint(['-f', 'compact', '--max-time-per-file', '1500', 'a-runaway.imr', 'b-next.imr'], dir);
    assert.equal(r.code, 1, r.err);
    const lines = r.out.trim().split('\n').filter((l) => /^[ab]-/.test(l));
    assert.equal(lines.filter((l) => l.startsWith('a-runaway.imr')).length, 1, r.out);
    assert.match(r.out, /^a-runaway\.imr:1:1: error Not fully checked: linting took longer than 1\.5 s, .* \[not-fully-checked\]$/m);
    assert.match(r.out, /^b-next\.imr:\d+:\d+: error .* \[citation-page-mismatch\]$/m);
    assert.equal(r.err, '');
  });

  it('--quiet keeps it (an error), and a clean run of the other letter alone is unaffected by the budget', () => {
    const quiet = lint(['-f', 'compact', '--quiet', '--max-time-per-file=200', 'a-runaway.imr'], dir);
    assert.equal(quiet.code, 1);
    assert.match(quiet.out, /\[not-fully-checked\]/);
    const none = lint(['-f', 'json', '--max-time-per-file', '0', 'b-next.imr'], dir);
    const results = JSON.parse(none.out) as { messages: { ruleId: string }[] }[];
    assert.deepEqual(nth(results, 0, 'the result of b-next.imr').messages.map((m) => m.ruleId), ['citation-page-mismatch']);
  });

  it('--fix leaves a letter that was not fully checked as it is (its page fix is not applied)', () => {
    const file = path.join(dir, 'a-runaway.imr');
    const before = fs.readFileSync(file, 'utf8');
    const r = lint(['-f', 'compact', '--fix', '--max-time-per-file', '200', 'a-runaway.imr'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /\[not-fully-checked\]/);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });

  it('a budget that is not a whole number of milliseconds is a usage error (exit 2)', () => {
    for (const bad of ['abc', '-1', '1.5', '', '99999999999']) {
      const r = lint(['--max-time-per-file', bad, 'b-next.imr'], dir);
      assert.equal(r.code, 2, `${bad}: ${r.err}`);
      assert.match(r.err, /--max-time-per-file needs a whole number of milliseconds/);
    }
  });
});
