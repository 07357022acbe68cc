/**
 * A rule tester in the spirit of ESLint's RuleTester: each case is a whole letter, linted in memory
 * with the real parser, the bundled index and only the rule under test switched on. Valid letters
 * must give no finding of that rule; invalid letters must give exactly the expected findings (line,
 * column, message id or text, severity), their `--fix` output and the output of each suggestion.
 *
 * As in ESLint, a rule that fixes an invalid case whose `output` is not given fails the test, and
 * `output: null` asserts that nothing is fixed: a fix can never slip in unnoticed.
 */
import { strict as assert } from 'assert';
import { applyFixes, defaultConfig, Finding, LintConfig, lintText, RULES, RULES_BY_ID, Severity } from '../../server/src/engine';

import { bundledIndex, REPO_ROOT } from './engine';

export interface ValidCase {
  /** Shown as the test title; defaults to the first differing line. */
  name?: string;
  text: string;
  /** The rule's options (`rules: {id: [severity, options]}`). */
  options?: Record<string, unknown>;
  /** Other configuration (placeholders, redact …). */
  config?: Partial<Omit<LintConfig, 'rules'>>;
  /** Other rules to switch on at their default severity (their findings are not checked). */
  alsoOn?: string[];
}

export interface ExpectedSuggestion {
  /** The suggestion's title, or a pattern it matches. */
  desc?: string | RegExp;
  /** The whole letter after applying this suggestion alone. */
  output: string;
}

export interface ExpectedFinding {
  /** One-based line. */
  line?: number;
  /** One-based column. */
  column?: number;
  messageId?: string;
  /** The message, or a pattern it matches. */
  message?: string | RegExp;
  severity?: Severity;
  /** The suggestions offered, in order; [] asserts none. */
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends ValidCase {
  /** The expected findings in order, or just how many. */
  errors: ExpectedFinding[] | number;
  /** The letter after `--fix` (fixes only, repeated until stable); null: nothing is fixed. */
  output?: string | null;
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const MAX_FIX_PASSES = 10;

function configFor(ruleId: string, c: ValidCase): LintConfig {
  const config: LintConfig = { ...defaultConfig(REPO_ROOT), ...(c.config ?? {}), rules: {} };
  const rule = RULES.find((r) => r.meta.id === ruleId);
  assert.ok(rule, `unknown rule ${ruleId}`);
  // every other rule off; the rule under test at its default severity (a rule off by default runs as a warning)
  for (const r of RULES) config.rules[r.meta.id] = { severity: 'off', options: {} };
  for (const id of c.alsoOn ?? []) delete config.rules[id];
  // the rule's own severities (including a per-finding warning for an unverified index entry); a rule
  // that is off by default is switched on at its default severity
  const severity = rule.meta.enabledByDefault === false ? (rule.meta.defaultSeverity === 'error' ? 'error' : rule.meta.defaultSeverity === 'info' ? 'info' : 'warn') : undefined;
  config.rules[ruleId] = { severity, options: c.options ?? {} };
  return config;
}

function findingsOf(ruleId: string, text: string, config: LintConfig): Finding[] {
  return lintText({ text, config, index: bundledIndex() }).findings.filter((f) => f.ruleId === ruleId);
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.messageId ?? ''} ${f.message}`).join('\n') || '  (none)';
}

/** Applies fixes (never suggestions) until the rule reports no more, as `--fix` does. */
function fixUntilStable(ruleId: string, text: string, config: LintConfig): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixable = findingsOf(ruleId, current, config).filter((f) => f.fix);
    if (fixable.length === 0) return current;
    const { text: next, applied } = applyFixes(current, fixable);
    if (applied === 0 || next === current) return current;
    current = next;
  }
  return current;
}

function titleOf(c: ValidCase, index: number, kind: string): string {
  return c.name ?? `${kind} #${index + 1}`;
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

/** Rule id → how many valid and invalid cases its tests register (for the coverage test). */
export const REGISTERED = new Map<string, { valid: number; invalid: number }>();

/** Registers mocha tests for one rule. */
export function testRule(ruleId: string, tests: RuleTests): void {
  REGISTERED.set(ruleId, { valid: tests.valid.length, invalid: tests.invalid.length });
  describe(`rule ${ruleId}`, () => {
    it('is a registered rule', () => assert.ok(RULES_BY_ID.has(ruleId) || RULES.some((r) => r.meta.id === ruleId)));
    describe('valid', () => {
      tests.valid.forEach((c, i) => {
        it(titleOf(c, i, 'valid'), () => {
          const found = findingsOf(ruleId, c.text, configFor(ruleId, c));
          assert.equal(found.length, 0, `expected no ${ruleId} finding, got:\n${describeFindings(found)}`);
        });
      });
    });
    describe('invalid', () => {
      tests.invalid.forEach((c, i) => {
        it(titleOf(c, i, 'invalid'), () => {
          const config = configFor(ruleId, c);
          const found = findingsOf(ruleId, c.text, config);
          const expected = c.errors;
          const count = typeof expected === 'number' ? expected : expected.length;
          assert.ok(count > 0, 'an invalid case expects at least one finding');
          assert.equal(found.length, count, `expected ${count} ${ruleId} finding(s), got:\n${describeFindings(found)}`);
          if (typeof expected !== 'number') {
            expected.forEach((e, k) => {
              const f = found[k] as Finding;
              const where = `finding ${k + 1} (${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message})`;
              if (e.line !== undefined) assert.equal(f.range.start.line + 1, e.line, `${where}: line`);
              if (e.column !== undefined) assert.equal(f.range.start.character + 1, e.column, `${where}: column`);
              if (e.messageId !== undefined) assert.equal(f.messageId, e.messageId, `${where}: messageId`);
              if (e.message !== undefined) assert.ok(matches(f.message, e.message), `${where}: message does not match ${String(e.message)}`);
              if (e.severity !== undefined) assert.equal(f.severity, e.severity, `${where}: severity`);
              if (e.suggestions !== undefined) {
                const offered = f.suggestions ?? [];
                assert.equal(offered.length, e.suggestions.length, `${where}: number of suggestions (${offered.map((s) => s.title).join(' | ')})`);
                e.suggestions.forEach((s, n) => {
                  const suggestion = offered[n];
                  assert.ok(suggestion);
                  if (s.desc !== undefined) assert.ok(matches(suggestion.title, s.desc), `${where}: suggestion ${n + 1} title "${suggestion.title}"`);
                  const { text: applied } = applyFixes(c.text, [{ ...f, fix: suggestion, suggestions: undefined }]);
                  assert.equal(applied, s.output, `${where}: output of suggestion ${n + 1}`);
                });
              }
            });
          }
          const fixed = fixUntilStable(ruleId, c.text, config);
          if (c.output === undefined) {
            assert.equal(fixed, c.text, 'the rule fixed the letter: give the expected `output`');
          } else if (c.output === null) {
            assert.equal(fixed, c.text, 'expected no fix');
          } else {
            assert.notEqual(c.output, c.text, '`output` equal to the input: use `output: null` to assert no fix');
            assert.equal(fixed, c.output, 'output after --fix');
          }
        });
      });
    });
  });
}

/**
 * Edits a letter by exact replacement, failing when `from` is not in it, so that a case can never
 * silently test the unchanged letter.
 */
export function edit(text: string, ...pairs: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of pairs) {
    assert.ok(out.includes(from), `edit: ${JSON.stringify(from)} is not in the letter`);
    out = out.replace(from, to);
  }
  return out;
}

/** The one-based line of the first occurrence of `needle` (which must occur). */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `lineOf: ${JSON.stringify(needle)} is not in the letter`);
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
