import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, defaultConfig, Finding, lintText, LintConfig } from '../../server/src/engine';
import { bundledIndex, spliceIntoLetter } from '../support/splice-letter';

/**
 * docs/rules/<id>.md for every rule, and the examples in them linted (conventions: docs/rules/README.md):
 * `<!-- example: fail|pass -->` then a ```imr block; a block starting with "Case Number:" is a whole
 * letter, anything else replaces the disputed item of test/fixtures/base-letter.imr.txt.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const NOT_RULE_PAGES = new Set(['README.md']);

export interface DocExample {
  kind: 'fail' | 'pass';
  text: string;
  /** One-based line of the marker in the page. */
  line: number;
  /** Backticked texts of a `Reported:` line right after a fail example. */
  reported: string[];
}

const MARKER = /^<!--\s*example:\s*(fail|pass)\s*-->\s*$/;

export function extractExamples(markdown: string, file = 'page'): DocExample[] {
  const lines = markdown.split(/\r?\n/);
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim()) j++;
    const fence = /^(`{3,}|~{3,})\s*imr\s*$/.exec(lines[j] ?? '');
    if (!fence) throw new Error(`${file}:${i + 1}: an example marker must be followed by a fenced block with info string imr`);
    const body: string[] = [];
    let k = j + 1;
    const opening = fence[1]!;
    const close = new RegExp(`^${opening.startsWith('`') ? '`' : '~'}{${opening.length},}\\s*$`);
    while (k < lines.length && !close.test(lines[k]!)) body.push(lines[k++]!);
    if (k >= lines.length) throw new Error(`${file}:${j + 1}: unclosed example block`);
    let n = k + 1;
    while (n < lines.length && !lines[n]!.trim()) n++;
    const after = lines[n] ?? '';
    const reported = /^Reported:/.test(after) ? [...after.matchAll(/`([^`]+)`/g)].map((x) => x[1]!) : [];
    out.push({ kind: m[1] as DocExample['kind'], text: `${body.join('\n')}\n`, line: i + 1, reported });
    i = k;
  }
  return out;
}

/** The letter an example stands for: itself when it has a header, else the base letter with it as the disputed items. */
export function exampleLetter(text: string): string {
  return /^Case Number:/.test(text) ? text : spliceIntoLetter(text, 'items');
}

function configFor(ruleId: string): LintConfig {
  const config = defaultConfig(ROOT);
  const rule = RULES.find((r) => r.meta.id === ruleId);
  // rules that are off by default are switched on for their own page
  if (rule && rule.meta.enabledByDefault === false) config.rules[ruleId] = { severity: rule.meta.defaultSeverity === 'error' ? 'error' : 'warn', options: {} };
  return config;
}

/** Rules that still report literal messages (so --redact cannot hide the letter's values in them). */
const LITERAL_MESSAGES = new Set(['header-field', 'date-order', 'decision-rationale-conflict']);

function show(findings: Finding[]): string {
  return findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`).join('\n') || '  (none)';
}

const pages = fs.existsSync(DOCS) ? fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && !NOT_RULE_PAGES.has(f)) : [];

describe('rule documentation (docs/rules)', () => {
  it('every rule has a page', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !pages.includes(`${id}.md`));
    assert.deepStrictEqual(missing, [], `rules without docs/rules/<id>.md: ${missing.join(', ')}`);
  });

  it('every page is about a rule', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    const orphans = pages.filter((p) => !ids.has(p.replace(/\.md$/, '')));
    assert.deepStrictEqual(orphans, [], `pages without a rule: ${orphans.join(', ')}`);
  });

  it('the README lists every rule', () => {
    const readme = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8');
    for (const r of RULES) assert.ok(readme.includes(`(${r.meta.id}.md)`), `README.md does not link ${r.meta.id}.md`);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    const file = path.join(DOCS, `${id}.md`);
    if (!fs.existsSync(file)) continue;
    describe(`${id}.md`, () => {
      const markdown = fs.readFileSync(file, 'utf8');
      const examples = extractExamples(markdown, `docs/rules/${id}.md`);

      it('states the default severity, and whether the rule has a fix and suggestions, as its meta does', () => {
        assert.ok(markdown.startsWith(`# ${id}\n`), 'the page starts with "# <id>"');
        const sev = rule.meta.enabledByDefault === false ? 'off' : rule.meta.defaultSeverity;
        assert.match(markdown, new RegExp(`Default severity: \\*\\*${sev}\\*\\*`));
        // the fix policy (README "Fixes and suggestions"): meta.fixable and meta.hasSuggestions, stated once per page
        assert.match(markdown, rule.meta.fixable ? /^\* Fix: \*\*yes\*\*/m : /^\* Fix: no$/m);
        assert.match(markdown, rule.meta.hasSuggestions ? /^\* Suggestion: \*\*yes\*\*/m : /^\* Suggestion: no$/m);
        assert.ok(!/^\* Fixable:/m.test(markdown), 'the old "Fixable:" line is gone');
      });

      it('has at least one failing and one passing example', () => {
        assert.ok(examples.some((e) => e.kind === 'fail'), 'no <!-- example: fail -->');
        assert.ok(examples.some((e) => e.kind === 'pass'), 'no <!-- example: pass -->');
      });

      for (const ex of examples) {
        it(`${ex.kind} example (line ${ex.line}) ${ex.kind === 'fail' ? `reports ${id} and nothing else` : 'lints clean'}`, () => {
          const letter = exampleLetter(ex.text);
          const findings = lintText({ text: letter, config: configFor(id), index: bundledIndex() }).findings;
          if (ex.kind === 'pass') {
            assert.strictEqual(findings.length, 0, `pass example has findings:\n${show(findings)}`);
            return;
          }
          const own = findings.filter((f) => f.ruleId === id);
          assert.ok(own.length > 0, `fail example does not produce ${id}; findings:\n${show(findings)}`);
          const others = findings.filter((f) => f.ruleId !== id);
          assert.strictEqual(others.length, 0, `fail example also produces other rules:\n${show(others)}`);
          if (!LITERAL_MESSAGES.has(id)) {
            assert.ok(own.every((f) => f.messageId !== undefined && rule.meta.messages?.[f.messageId] !== undefined), `${id} reports a literal message, not a messageId of meta.messages`);
            const redacted = lintText({ text: letter, config: configFor(id), index: bundledIndex(), redact: true }).findings.filter((f) => f.ruleId === id);
            assert.deepStrictEqual(redacted.map((f) => f.messageId), own.map((f) => f.messageId));
          }
          for (const text of ex.reported) {
            assert.ok(own.some((f) => f.message.includes(text)), `no ${id} message contains "${text}"; messages:\n${show(own)}`);
          }
        });
      }
    });
  }
});
