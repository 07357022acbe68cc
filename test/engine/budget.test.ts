import * as assert from 'assert';
import { budgetForLetter, defaultConfig, DEFAULT_MAX_TIME_PER_FILE_MS, MAX_TIME_PER_FILE_LIMIT_MS, formatBudget, lintEachWithinBudget, lintText, lintWithinBudget, NOT_FULLY_CHECKED, overrunFinding, RULES, runEachWithTimeout, runWithTimeout } from '../../server/src/engine';
import { bundledIndex, fixture, REPO_ROOT } from '../helpers/engine';
import { SLOW_MARKER, slowRule } from '../helpers/slow-rule';
import { nth } from '../helpers/checked';

describe('engine: time budget per letter', function () {
  this.timeout(60_000);
  const config = defaultConfig(REPO_ROOT);
  const index = bundledIndex();
  const rules = [...RULES, slowRule];
  const good = fixture('cli/page-error-2009.imr');
  const runaway = `${good}\n${SLOW_MARKER}\n`;

  it('stops a lint that never ends (a backtracking regular expression) and reports it once, at line 1, without letter text', () => {
    const r = lintWithinBudget({ text: runaway, config, index, rules }, 300);
    assert.strictEqual(r.overrun, true);
    assert.deepStrictEqual(r.findings.map((f) => [f.ruleId, f.severity, f.range.start.line, f.range.start.character]), [[NOT_FULLY_CHECKED, 'error', 0, 0]]);
    const { message } = nth(r.findings, 0, 'finding');
    assert.match(message, /^Not fully checked: linting took longer than 300 ms/);
    assert.ok(!message.includes('CM1'), 'no case number or other letter text');
    assert.deepStrictEqual(r.determination.items, []);
  });

  it('lints the next letter normally after a stopped one: same findings as without a budget', () => {
    lintWithinBudget({ text: runaway, config, index, rules }, 200);
    const next = lintWithinBudget({ text: good, config, index, rules }, 30_000);
    assert.strictEqual(next.overrun, false);
    assert.deepStrictEqual(next.findings, lintText({ text: good, config, index }).findings);
    assert.ok(next.findings.some((f) => f.ruleId === 'citation-page-mismatch'), 'the letter has its real finding');
  });

  it('0 means no limit; the severity of the overrun finding is the caller\'s', () => {
    const r = lintWithinBudget({ text: good, config, index }, 0);
    assert.strictEqual(r.overrun, false);
    assert.strictEqual(nth(lintWithinBudget({ text: runaway, config, index, rules }, 100, 'warning').findings, 0, 'finding').severity, 'warning');
  });

  it('runWithTimeout returns the value, stops a busy loop, and lets an exception through', () => {
    assert.deepStrictEqual(runWithTimeout(() => 42, 1000), { value: 42 });
    assert.strictEqual(
      runWithTimeout(() => {
        for (;;);
      }, 100),
      undefined,
    );
    assert.throws(() => runWithTimeout(() => JSON.parse('{'), 1000), SyntaxError);
  });

  it('letters over 200 KB get the budget per 200 KB (the linter\'s time grows with the letter); 0 stays no limit', () => {
    const KB = 1024;
    assert.deepStrictEqual([0, 40 * KB, 200 * KB, 500 * KB, 8 * 1024 * KB].map((n) => budgetForLetter(2000, n)), [2000, 2000, 2000, 5000, 81_920]);
    assert.strictEqual(budgetForLetter(0, 8 * 1024 * KB), 0);
    assert.strictEqual(budgetForLetter(Number.NaN, 10), 0);
    assert.strictEqual(budgetForLetter(MAX_TIME_PER_FILE_LIMIT_MS, 8 * 1024 * KB), 2 ** 31 - 1, 'never longer than a timer can wait');
  });

  it('the budget reads as people say it; the default is 2 s', () => {
    assert.strictEqual(DEFAULT_MAX_TIME_PER_FILE_MS, 2000);
    assert.deepStrictEqual([500, 1000, 1500, 2000, 12_345].map(formatBudget), ['500 ms', '1 s', '1.5 s', '2 s', '12.3 s']);
    assert.match(overrunFinding(2000, 'warning').message, /took longer than 2 s/);
  });

  it('runEachWithTimeout: a job is over its budget only when it alone takes longer; jobs a stopped batch finished are kept', () => {
    const busy = (ms: number, value: number) => () => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        /* busy */
      }
      return value;
    };
    // 15 jobs of 100 ms under one batch timeout of 1 s: the batch is stopped about job 10, which then runs alone and finishes
    const jobs = Array.from({ length: 15 }, (_, i) => busy(100, i));
    const budgets = jobs.map(() => 1000);
    assert.deepStrictEqual(runEachWithTimeout(jobs, budgets).map((r) => r?.value), jobs.map((_, i) => i));
    // a job that never ends, between two that do; one without a limit (0) runs outside the timed batches
    const never = () => {
      for (;;) {
        /* runaway */
      }
    };
    const mixed = runEachWithTimeout([busy(1, 1), never, busy(1, 3), busy(1, 4)], [300, 300, 0, 300]);
    assert.deepStrictEqual(mixed.map((r) => (r ? r.value : 'over')), [1, 'over', 3, 4]);
  });

  it('lintEachWithinBudget: the same findings as one lint per letter; a runaway letter gets the one overrun finding', () => {
    const each = lintEachWithinBudget([{ text: good, config, index, rules }, { text: runaway, config, index, rules }, { text: good, config, index, rules }], 300);
    assert.deepStrictEqual(each.map((r) => r.overrun), [false, true, false]);
    const alone = lintText({ text: good, config, index }).findings;
    assert.deepStrictEqual(nth(each, 0, 'result').findings, alone);
    assert.deepStrictEqual(nth(each, 2, 'result').findings, alone);
    assert.deepStrictEqual(nth(each, 1, 'result').findings.map((f) => f.ruleId), [NOT_FULLY_CHECKED]);
  });
});
