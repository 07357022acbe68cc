import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig, lintText } from '../../server/src/engine';
import { bundledIndex, corpusFiles, REPO_ROOT } from '../helpers/engine';

/**
 * The real letters in ../shared/corpus/dev (never committed). Every letter parses, every item is found
 * with its decision, no real letter gets an error, and every warning is listed here with a verdict.
 */

/** Decisions as an independent, naive reading finds them: after the issues heading, item lines end with the word. */
function expectedDecisions(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /IMR ISSUES, DECISIONS AND RATIONALES/.test(l));
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i <= start) continue;
    const m = /:\s*(Upheld|Overturned)\s*$/.exec(line) ?? (/:\s*$/.test(lines[i - 1] ?? '') ? /^\f?\s*(Upheld|Overturned)\s*$/.exec(line) : null);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** The header as the -layout text gives it, for comparing other extractions with. */
function reference(text: string): Record<string, string | undefined> {
  const { determination } = lintText({ text, config: defaultConfig(REPO_ROOT), index: bundledIndex() });
  return Object.fromEntries(Object.entries(determination.header.fields).map(([k, f]) => [k, f?.value]));
}

/** Rewrites the header as plain pdftotext does: every label on its own line in `labels` order, then the values in `values` order. */
function plainHeader(text: string, labels: string[], values: string[]): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => /HOW THE IMR FINAL DETERMINATION WAS MADE/.test(l));
  const head = lines.slice(0, end).join('\n');
  const value = (label: string) => new RegExp(`${label}:?\\s+(\\S+)`).exec(head)?.[1] ?? '';
  const out = [...labels.map((l) => (l === 'Application' ? 'Application\nReceived:' : `${l}:`)), ...values.map(value), ''];
  return [...out, ...lines.slice(end)].join('\n');
}

/**
 * Every warning the linter gives on a real letter, judged. `letter`: the letter is wrong (typo or
 * data-entry artefact) and the warning is right. Keyed by case number → "line rule".
 */
const JUDGED_WARNINGS: Record<string, { finding: string; verdict: 'letter' | 'index'; why: string }[]> = {
  'CM17-0002198': [{ finding: '79 citation-unknown-topic', verdict: 'letter', why: 'typo "Inital Care" for the Low Back section "Initial Care"; the suggestion is right' }],
  'CM17-0002324': [{ finding: '57 citation-unknown-topic', verdict: 'letter', why: '"Elbow Complaints 2007, Section(s): 326" — a data-entry artefact (326 is a Low Back page), not a section' }],
  'CM17-0003623': [{ finding: '86 citation-unknown-topic', verdict: 'letter', why: 'the same "Section(s): 326" artefact' }],
  'CM17-0014800': [{ finding: '54 citation-unknown-topic', verdict: 'letter', why: 'the same "Section(s): 326" artefact' }],
  'CM16-0233794': [{ finding: '25 summary-date-mismatch', verdict: 'letter', why: 'the summary gives the injury as 10-18-2016, the header 10/10/2016' }],
  'CM16-0239569': [{ finding: '26 summary-date-mismatch', verdict: 'letter', why: 'the summary dates the claim (its injury date phrase) 11/05/2016, the header 11/15/2016' }],
  'CM16-0242302': [{ finding: '54 summary-date-mismatch', verdict: 'letter', why: '"The UR dated 12-6-16 non-certified the request"; the header UR Denial Date is 12/12/2016' }],
  'CM16-0248698': [{ finding: '26 summary-date-mismatch', verdict: 'letter', why: 'the summary dates the claim 10/18/2016, the header injury 10/26/2016' }],
};

describe('real letters (../shared/corpus/dev)', function () {
  const files = corpusFiles();
  before(function () {
    if (!files) {
      console.log(`      skipped: ${path.relative(REPO_ROOT, path.resolve(REPO_ROOT, '../shared/corpus/dev'))} is absent (it is not part of a fresh clone)`);
      this.skip();
    }
  });

  it('parses every letter, finds every item with its decision', function () {
    const index = bundledIndex();
    let items = 0;
    for (const file of files ?? []) {
      const text = fs.readFileSync(file, 'utf8');
      const { determination } = lintText({ text, config: defaultConfig(REPO_ROOT), index });
      const want = expectedDecisions(text);
      const got = determination.items.map((i) => i.decision);
      assert.deepEqual(got, want, `${path.basename(file)}: decisions`);
      for (const item of determination.items) {
        assert.ok(item.text.length > 0, `${path.basename(file)}: item text`);
        assert.ok(item.claimsAdministratorGuideline && item.maximusGuideline && item.rationale, `${path.basename(file)}: ${item.text}: fields`);
      }
      assert.equal(determination.sections.filter((s) => s.exact).length, 3, `${path.basename(file)}: three standard headings`);
      for (const key of ['caseNumber', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'priority', 'applicationReceived'] as const) {
        assert.ok(determination.header.fields[key]?.value, `${path.basename(file)}: header ${key}`);
      }
      assert.equal(determination.header.fields.caseNumber?.value, path.basename(file, '.txt'));
      items += got.length;
    }
    assert.ok(items > 100, `items found: ${items}`);
  });

  it('gives no error on a real letter, and only the judged warnings', function () {
    const index = bundledIndex();
    const unexpected: string[] = [];
    const seen = new Set<string>();
    for (const file of files ?? []) {
      const text = fs.readFileSync(file, 'utf8');
      const id = path.basename(file, '.txt');
      const { findings } = lintText({ text, config: defaultConfig(REPO_ROOT), index });
      for (const f of findings) {
        assert.notEqual(f.severity, 'error', `${id}:${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);
        const key = `${f.range.start.line + 1} ${f.ruleId}`;
        const judged = (JUDGED_WARNINGS[id] ?? []).find((j) => j.finding === key);
        if (!judged) unexpected.push(`${id}: '${key}' — ${f.message}`);
        else seen.add(`${id} ${key}`);
      }
    }
    assert.deepEqual(unexpected, [], 'unjudged warnings on real letters');
    const stale = Object.entries(JUDGED_WARNINGS).flatMap(([id, list]) => list.filter((j) => !seen.has(`${id} ${j.finding}`)).map((j) => `${id} ${j.finding}`));
    assert.deepEqual(stale, [], 'judged warnings that no longer occur');
  });

  it('reads the same items, without errors, from CRLF, BOM, tab and blank-line-free variants', function () {
    const index = bundledIndex();
    const variants: Record<string, (t: string) => string> = {
      crlf: (t) => t.replace(/\n/g, '\r\n'),
      bom: (t) => `\uFEFF${t}`,
      tabs: (t) => t.replace(/ {4}/g, '\t'),
      // plain text without paragraph breaks or centring (as some extractions give)
      'no-blank-lines': (t) => t.split('\n').filter((l) => l.trim()).map((l) => l.trim()).join('\n'),
      // plain pdftotext: the header's labels column by column, its values row by row
      'plain-header-rows': (t) => plainHeader(t, ['Case Number', 'Date Assigned', 'Decision Date', 'Priority', 'Date of Injury', 'UR Denial Date', 'Application'], ['Case Number', 'Date Assigned', 'Date of Injury', 'Decision Date', 'UR Denial Date', 'Priority', 'Application']),
      'plain-header-columns': (t) => plainHeader(t, ['Case Number', 'Date Assigned', 'Decision Date', 'Priority', 'Application', 'Date of Injury', 'UR Denial Date'], ['Case Number', 'Date Assigned', 'Decision Date', 'Priority', 'Application', 'Date of Injury', 'UR Denial Date']),
    };
    for (const file of files ?? []) {
      const text = fs.readFileSync(file, 'utf8');
      const want = expectedDecisions(text);
      for (const [name, make] of Object.entries(variants)) {
        const { determination, findings } = lintText({ text: make(text), config: defaultConfig(REPO_ROOT), index });
        assert.deepEqual(determination.items.map((i) => i.decision), want, `${path.basename(file)} (${name}): decisions`);
        const header = Object.fromEntries(Object.entries(determination.header.fields).map(([k, f]) => [k, f?.value]));
        assert.deepEqual(header, reference(text), `${path.basename(file)} (${name}): header`);
        const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);
        assert.deepEqual(errors, [], `${path.basename(file)} (${name}): errors`);
      }
    }
  });
});
