import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createOffsetMapper, defaultConfig, Determination, Finding, lintText, Rule, runFixLoop } from '../../server/src/engine';
import { bundledIndex, corpusFiles, fixture, REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

/**
 * The fix policy: `--fix` and fix-all apply only mechanical, certain edits (fixes); whatever changes
 * what a letter decides or cites is a suggestion the reviewer chooses. Checked on the real letters of
 * ../shared/corpus/dev with defects planted into them, and on the engine's own enforcement.
 */

const config = defaultConfig(REPO_ROOT);
const index = bundledIndex();
const lint = (text: string): Finding[] => lintText({ text, config, index }).findings;
const parse = (text: string): Determination => lintText({ text, config, index }).determination;
const fix = (text: string) => runFixLoop({ text, lint });

/** Replaces the text of `ranges` (line/character, one line each) from the last to the first. */
function replaceRanges(text: string, edits: { line: number; start: number; end: number; by: string }[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.line - a.line || b.start - a.start)) {
    const l = nth(lines, e.line, 'line');
    lines[e.line] = l.slice(0, e.start) + e.by + l.slice(e.end);
  }
  return lines.join('\n');
}

function rationales(d: Determination): string[] {
  return d.items.map((i) => i.rationale?.text ?? '');
}

const files = corpusFiles();

describe('fix policy on real letters (../shared/corpus/dev, defects planted)', function () {
  this.timeout(300_000);
  before(function () {
    if (!files) this.skip();
  });
  const letters = () => (files ?? []).map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8').replace(/\r\n/g, '\n') }));

  it('never writes a decision word where none was written', () => {
    let planted = 0;
    for (const { name, text } of letters()) {
      const d = parse(text);
      const edits = d.items.filter((i) => i.decisionRange && i.decisionRange.start.line === i.decisionRange.end.line).map((i) => ({ line: i.decisionRange!.start.line, start: i.decisionRange!.start.character, end: i.decisionRange!.end.character, by: '' }));
      if (edits.length === 0) continue;
      const bad = replaceRanges(text, edits);
      const undecided = parse(bad).items.map((i) => i.decision === undefined);
      planted += undecided.filter(Boolean).length;
      const r = fix(bad);
      assert.deepEqual(parse(r.text).items.map((i) => i.decision === undefined), undecided, `${name}: a decision was written`);
      const words = (t: string) => (t.match(/\b(Upheld|Overturned)\b/g) ?? []).length;
      assert.equal(words(r.text), words(bad), `${name}: decision words added`);
      assert.ok(r.findings.some((f) => f.ruleId === 'item-decision' && f.suggestions && f.suggestions.length === 2), `${name}: the missing decision is offered as suggestions`);
    }
    assert.ok(planted >= 30, `decisions removed: ${planted}`);
  });

  it('never changes pages cited for an unverified index entry; restores those of a verified one', () => {
    // the dev letters cite by Section(s): each gets Page(s) guideline lines planted into its first item,
    // one for a verified entry (Physical medicine, 98-99) and one for an unverified one (Drug testing, 43)
    let planted = 0;
    for (const { name, text } of letters()) {
      const item = parse(text).items.find((i) => i.claimsAdministratorGuideline && i.maximusGuideline);
      if (!item) continue;
      const offset = createOffsetMapper(text);
      const ca = item.claimsAdministratorGuideline!.range;
      const mx = item.maximusGuideline!.range;
      const bad =
        text.slice(0, offset(ca.start)) +
        'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical\nMedicine Page(s): 97.' +
        text.slice(offset(ca.end), offset(mx.start)) +
        'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Drug testing\nPage(s): 44.' +
        text.slice(offset(mx.end));
      const found = lint(bad).filter((f) => f.ruleId === 'citation-page-mismatch');
      assert.deepEqual(found.map((f) => [!!f.fix, f.suggestions?.length]), [[true, undefined], [false, 1]], `${name}: a fix for the verified entry, a suggestion for the unverified one`);
      const fixed = fix(bad).text;
      assert.ok(fixed.includes('Drug testing\nPage(s): 44.'), `${name}: the page of an unverified entry changed`);
      assert.ok(fixed.includes('Medicine Page(s): 98-99.'), `${name}: the page of a verified entry not restored`);
      planted++;
    }
    assert.ok(planted >= 30, `letters planted: ${planted}`);
  });

  it('never changes rationale prose (pages cited in it are only suggested)', () => {
    let planted = 0;
    for (const { name, text } of letters()) {
      const d = parse(text);
      const edits = d.items.flatMap((i) => (i.rationale?.pageRefs ?? []).filter((p) => p.range.start.line === p.range.end.line)).map((p) => ({ line: p.range.start.line, start: p.range.start.character, end: p.range.end.character, by: 'page 777' }));
      const bad = replaceRanges(text, edits);
      planted += edits.length;
      const r = fix(bad);
      assert.deepEqual(rationales(parse(r.text)), rationales(parse(bad)), `${name}: rationale prose changed`);
      for (const f of lint(bad).filter((x) => x.ruleId === 'rationale-page-mismatch')) assert.equal(f.fix, undefined);
    }
    assert.ok(planted > 0, 'pages planted in rationales');
  });

  it('still restores a misspelled standard heading and an unambiguously misspelled decision', () => {
    let headings = 0;
    for (const { name, text } of letters()) {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.trim() === 'CLINICAL CASE SUMMARY');
      if (at < 0) continue;
      const bad = [...lines.slice(0, at), nth(lines, at, 'line').replace('SUMMARY', 'SUMMERY'), ...lines.slice(at + 1)].join('\n');
      const out = fix(bad).text.split('\n');
      assert.equal(out[at], lines[at], `${name}: heading not restored`);
      headings++;
    }
    assert.ok(headings >= 30, `headings planted: ${headings}`);
    let decisions = 0;
    for (const { name, text } of letters()) {
      const item = parse(text).items.find((i) => i.decision === 'Upheld' && i.decisionRange?.start.line === i.decisionRange?.end.line);
      if (!item?.decisionRange) continue;
      const r = item.decisionRange;
      const bad = replaceRanges(text, [{ line: r.start.line, start: r.start.character, end: r.end.character, by: 'Uphled' }]);
      assert.equal(fix(bad).text.split('\n')[r.start.line], text.split('\n')[r.start.line], `${name}: Uphled not fixed`);
      decisions++;
    }
    assert.ok(decisions > 10, `decisions planted: ${decisions}`);
  });
});

describe('fix policy in the engine', () => {
  const base = fixture('letters/clean-2016.imr');

  function rule(meta: Partial<Rule['meta']>, check: Rule['check']): Rule {
    return { meta: { id: 'test-rule', description: 'test', defaultSeverity: 'error', category: 'layout', fixable: false, hasSuggestions: false, ...meta }, check };
  }
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
  const edit = { title: 'Replace', edits: [{ range: at, newText: 'Case' }] };

  it('a rule that reports a fix without meta.fixable throws', () => {
    const r = rule({ fixable: false }, (ctx) => ctx.report({ message: 'x', range: at, fix: edit }));
    assert.throws(() => lintText({ text: base, config, index, rules: [r] }), /test-rule reported a fix but its meta\.fixable is false/);
  });

  it('a rule that reports suggestions without meta.hasSuggestions throws', () => {
    const r = rule({ fixable: true }, (ctx) => ctx.report({ message: 'x', range: at, suggestions: [edit] }));
    assert.throws(() => lintText({ text: base, config, index, rules: [r] }), /test-rule reported suggestions but its meta\.hasSuggestions is false/);
  });

  it('declared fixes and suggestions reach the finding; an empty suggestion list is none', () => {
    const r = rule({ fixable: true, hasSuggestions: true }, (ctx) => {
      ctx.report({ message: 'a', range: at, fix: edit });
      ctx.report({ message: 'b', range: at, suggestions: [edit] });
      ctx.report({ message: 'c', range: at, suggestions: [] });
    });
    const f = lintText({ text: base, config, index, rules: [r] }).findings;
    assert.deepEqual(f.map((x) => [x.message, !!x.fix, x.suggestions?.length]), [['a', true, undefined], ['b', false, 1], ['c', false, undefined]]);
  });

  it('every rule of the linter keeps to its metadata on planted defects (the fixture letters)', () => {
    // these lint without throwing: every fix and suggestion reported is declared
    const variants = [
      base.replace('CLINICAL CASE SUMMARY', 'Clinical Case Sumary'),
      base.replace('without contrast: Overturned', 'without contrast:'),
      base.replace('without contrast: Overturned', 'without contrast: Denied'),
      base.replace('Section(s): Special\nStudies.', 'Section(s): Special\nStudys.'),
      base.replace('Table 12-8, page 309', 'Table 12-8, page 319'),
    ];
    const kinds = new Set<string>();
    for (const v of variants) for (const f of lint(v)) kinds.add(`${f.ruleId}:${f.fix ? 'fix' : ''}${f.suggestions ? 'suggestions' : ''}`);
    assert.deepEqual([...kinds].sort(), [
      'citation-unknown-topic:suggestions',
      'heading-format:fix',
      'item-decision:suggestions',
      'rationale-page-mismatch:suggestions',
    ]);
  });
});

describe('fix loop (engine/fix/loop.ts)', () => {
  const base = fixture('letters/clean-2016.imr');
  const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

  /** A rule rewriting "AAA" → "BBB" and "BBB" → "CCC" on line 0: the second fix exists only after the first. */
  const chain: Rule = {
    meta: { id: 'chain', description: 'test', defaultSeverity: 'error', category: 'layout', fixable: true, hasSuggestions: false },
    check(ctx) {
      const line = nth(ctx.source.lines, 0, 'line');
      for (const [from, to] of [['AAA', 'BBB'], ['BBB', 'CCC']] as const) {
        const i = line.indexOf(from);
        if (i >= 0) ctx.report({ message: from, range: at(0, i, i + 3), fix: { title: to, edits: [{ range: at(0, i, i + 3), newText: to }] } });
      }
    },
  };
  const chainLint = (t: string) => lintText({ text: t, config, index, rules: [chain] }).findings;

  it('re-lints until stable and counts the fixes by rule', () => {
    const r = runFixLoop({ text: `AAA ${base}`, lint: chainLint });
    assert.ok(r.text.startsWith('CCC '));
    assert.deepEqual([r.passes, r.total, r.applied], [2, 2, { chain: 2 }]);
    assert.deepEqual(r.findings, []);
  });

  it('stops after maxPasses', () => {
    const r = runFixLoop({ text: `AAA ${base}`, lint: chainLint, maxPasses: 1 });
    assert.ok(r.text.startsWith('BBB '));
    assert.equal(r.findings.length, 1, 'the findings are those of the text returned');
  });

  it('stops when a fix brings back an earlier text', () => {
    const flip: Rule = {
      meta: { ...chain.meta, id: 'flip' },
      check(ctx) {
        const l = nth(ctx.source.lines, 0, 'line');
        const i = l.indexOf('XX') >= 0 ? l.indexOf('XX') : l.indexOf('YY');
        if (i >= 0) ctx.report({ message: 'flip', range: at(0, i, i + 2), fix: { title: 'flip', edits: [{ range: at(0, i, i + 2), newText: l.slice(i, i + 2) === 'XX' ? 'YY' : 'XX' }] } });
      },
    };
    const r = runFixLoop({ text: `XX ${base}`, lint: (t) => lintText({ text: t, config, index, rules: [flip] }).findings });
    assert.equal(r.passes, 1);
    assert.ok(r.text.startsWith('YY '));
  });

  it('applies only the categories asked for (--fix-type) and never suggestions', () => {
    const bad = base
      .replace('CLINICAL CASE SUMMARY', 'Clinical Case Sumary')
      .replace('lumbar spine: Upheld', 'lumbar spine: Uphled')
      .replace('without contrast: Overturned', 'without contrast:');
    const layout = runFixLoop({ text: bad, lint, categories: ['layout'] });
    assert.deepEqual(layout.applied, { 'heading-format': 1 });
    assert.ok(layout.text.includes('lumbar spine: Uphled'));
    const decision = runFixLoop({ text: bad, lint, categories: ['decision'] });
    assert.deepEqual(decision.applied, { 'item-decision': 1 });
    const all = runFixLoop({ text: bad, lint });
    assert.equal(all.text, base.replace('without contrast: Overturned', 'without contrast:'), 'everything but the missing decision');
  });
});
