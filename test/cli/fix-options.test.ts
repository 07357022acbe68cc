import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CliIo, runLint } from '../../server/src/cli/lint-command';
import { guarded } from '../../server/src/cli/main';
import { cleanupTemp, cliFixture, makeTemp, nth, replaceOnce, write } from './helpers';

/**
 * --fix, --fix-type, --fix-dry-run and the fix summary, run in-process (runLint with a captured io) on
 * letters written to a temporary folder. mixed-2016.imr has a misspelled heading (layout), a
 * lower-case decision (decision) and a TODO (no fix); a missing decision and an unverified page are
 * planted where a test needs them.
 */

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '', cwd, color: false, version: '0.0.0-test' };
  const status = guarded(() => runLint(args, io), io, 'imr-lint');
  if (typeof status !== 'number') throw new Error('this helper runs synchronous commands only');
  return { status, stdout, stderr };
}

const MIXED = cliFixture('mixed-2016.imr');
const HEADING_FIXED = replaceOnce(MIXED, 'CLINICAL CASE SUMARY', 'CLINICAL CASE SUMMARY');

describe('imr-lint --fix-type, --fix-dry-run and the fix summary', () => {
  after(cleanupTemp);

  it('the fixture has one layout and one decision fix', () => {
    const dir = makeTemp();
    write(dir, 'mixed.imr', MIXED);
    const r = run(['--format', 'json', 'mixed.imr'], dir);
    const res = nth(JSON.parse(r.stdout) as { messages: { ruleId: string; fix?: unknown }[] }[], 0, 'the result of mixed.imr');
    assert.deepEqual(res.messages.filter((m) => m.fix).map((m) => m.ruleId), ['heading-format', 'item-decision']);
  });

  it('--fix says how many fixes went to which file, by rule', () => {
    const dir = makeTemp();
    write(dir, 'a/mixed.imr', MIXED);
    write(dir, 'a/clean.imr', HEADING_FIXED.replace(/lumbar spine: upheld/, 'lumbar spine: Upheld').replace(' TODO.', '.'));
    const r = run(['--fix', 'a'], dir);
    assert.equal(r.status, 1, r.stdout + r.stderr); // the TODO stays
    assert.match(r.stdout, /^fixed {2}a[/\\]mixed\.imr: 2 fixes \(heading-format 1, item-decision 1\)$/m);
    assert.match(r.stdout, /^2 fixes applied to 1 file\.$/m);
    assert.ok(!r.stdout.includes('clean.imr'), 'a letter without fixes is not listed');
  });

  it('--fix-type narrows the fixes to rules of those kinds', () => {
    const dir = makeTemp();
    const f = write(dir, 'mixed.imr', MIXED);
    const r = run(['--fix', '--fix-type', 'layout', 'mixed.imr'], dir);
    assert.match(r.stdout, /1 fix \(heading-format 1\)/);
    assert.equal(fs.readFileSync(f, 'utf8'), HEADING_FIXED, 'only the heading was fixed');
    run(['--fix', '--fix-type=citation,decision', 'mixed.imr'], dir);
    assert.ok(fs.readFileSync(f, 'utf8').includes('lumbar spine: Upheld'));
  });

  it('--fix-type needs --fix or --fix-dry-run and known kinds; --fix and --fix-dry-run exclude each other', () => {
    const dir = makeTemp();
    write(dir, 'mixed.imr', MIXED);
    const cases: [string[], RegExp][] = [
      [['--fix-type', 'layout', 'mixed.imr'], /--fix-type needs --fix or --fix-dry-run/],
      [['--fix', '--fix-type', 'layout,spelling', 'mixed.imr'], /unknown kind "spelling" \(layout, header, decision, citation, template, directive\)/],
      [['--fix', '--fix-dry-run', 'mixed.imr'], /cannot be used together/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
    }
  });

  it('--fix-dry-run prints the unified diff of what --fix would write and writes nothing', () => {
    const dir = makeTemp();
    const f = write(dir, 'letters/mixed.imr', MIXED);
    const before = fs.statSync(f);
    const r = run(['--fix-dry-run', 'letters'], dir);
    assert.equal(fs.readFileSync(f, 'utf8'), MIXED, 'nothing written');
    assert.equal(fs.statSync(f).mtimeMs, before.mtimeMs);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'letters')), ['mixed.imr'], 'no other file');
    const diff = r.stdout.slice(0, r.stdout.indexOf('\nletters'));
    assert.match(diff, /^--- a\/letters\/mixed\.imr\n\+\+\+ b\/letters\/mixed\.imr\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(diff, /^-\s+CLINICAL CASE SUMARY$/m);
    assert.match(diff, /^\+\s+CLINICAL CASE SUMMARY$/m);
    assert.match(diff, /^-.*lumbar spine: upheld$/m);
    assert.match(diff, /^\+.*lumbar spine: Upheld$/m);
    // the report that follows is about the text --fix would leave
    assert.match(r.stdout, /TODO.*placeholder/);
    assert.ok(!/heading-format$/m.test(r.stdout));
    assert.match(r.stdout, /^would fix {2}letters[/\\]mixed\.imr: 2 fixes/m);
    assert.match(r.stdout, /2 fixes would be applied to 1 file\./);
    // applying the diff gives what --fix writes
    run(['--fix', 'letters'], dir);
    assert.equal(fs.readFileSync(f, 'utf8'), replaceOnce(HEADING_FIXED, 'lumbar spine: upheld', 'lumbar spine: Upheld'));
  });

  it('--fix-dry-run with a machine format keeps stdout JSON (the diff goes to stderr)', () => {
    const dir = makeTemp();
    write(dir, 'mixed.imr', MIXED);
    const r = run(['--fix-dry-run', '--format', 'json', 'mixed.imr'], dir);
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
    assert.match(r.stderr, /^--- a\/mixed\.imr$/m);
  });

  it('--fix never writes a missing decision; JSON lists it as suggestions [{desc, fix}]', () => {
    const dir = makeTemp();
    const planted = MIXED.replace(/lumbar spine: upheld/, 'lumbar spine:');
    const f = write(dir, 'mixed.imr', planted);
    const r = run(['--fix', '--format', 'json', 'mixed.imr'], dir);
    const text = fs.readFileSync(f, 'utf8');
    assert.ok(text.includes('lumbar spine:\n'), 'no decision written');
    const res = nth(JSON.parse(r.stdout) as { messages: { ruleId: string; fix?: unknown; suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[] }[] }[], 0, 'the result of mixed.imr');
    const decision = res.messages.find((m) => m.ruleId === 'item-decision');
    assert.ok(decision && !decision.fix && decision.suggestions);
    assert.deepEqual(decision.suggestions.map((s) => s.desc), ['Insert "Upheld" (the rationale concludes not medically necessary)', 'Insert "Overturned"']);
    const s = decision.suggestions[0]!.fix;
    assert.equal(text.slice(0, s.range[0]) + s.text + text.slice(s.range[1]), text.replace('lumbar spine:\n', 'lumbar spine: Upheld\n'), 'the suggestion offsets point into the file');
  });
});
