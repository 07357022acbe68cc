import * as assert from 'assert';
import { defaultConfig, Finding, lintText, Rule } from '../../server/src/engine';
import {
  CodeActionInput,
  disableFileEdit,
  disableLineEdit,
  getCodeActions,
  kindWanted,
  nonOverlappingEdits,
  REASON_PLACEHOLDER,
  SOURCE_FIX_ALL_IMR,
} from '../../server/src/service/code-actions';
import { toDiagnostics } from '../../server/src/service/diagnostics';
import { CodeAction, CodeActionKind, Range, TextEdit } from '../../server/src/service/lsp-types';
import { splitLines } from '../../server/src/service/text';
import { lint, REPO_ROOT, summary } from '../helpers/engine';
import { CLEAN_2016, index, span, textOf } from './letter';

const URI = 'file:///letters/a.imr';

/** Two misspelled headings (fixes) and an item without a decision (suggestions only). */
const DEFECTS = CLEAN_2016.replace('HOW THE IMR FINAL DETERMINATION WAS MADE', 'How the IMR final determination was made')
  .replace('CLINICAL CASE SUMMARY', 'Clinical Case Summary')
  .replace('lumbar spine: Upheld', 'lumbar spine:');

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = splitLines(text);
  const starts: number[] = [];
  let o = 0;
  for (const m of text.matchAll(/[^\r\n]*(\r\n|\r|\n|$)/g)) {
    starts.push(o);
    o += m[0].length;
    if (starts.length === lines.length) break;
  }
  const off = (p: TextEdit['range']['start']) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start))) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

function editsOf(a: CodeAction): TextEdit[] {
  const e = a.edit;
  if (e?.changes) return e.changes[URI] ?? [];
  const dc = e?.documentChanges?.[0];
  return dc && 'edits' in dc ? (dc.edits as TextEdit[]) : [];
}

function actions(text: string, over: Partial<CodeActionInput> = {}, findings = lint(text)): CodeAction[] {
  return getCodeActions({ uri: URI, version: 1, text, diagnostics: toDiagnostics(findings, URI, 1), findings, lint: (t) => lint(t), ...over });
}

describe('service/code-actions', () => {
  it('offers the fix (preferred), each suggestion on its own (not preferred), then disable comments, then fix-all', () => {
    const all = actions(DEFECTS);
    assert.deepStrictEqual(
      all.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['Replace with "HOW THE IMR FINAL DETERMINATION WAS MADE"', CodeActionKind.QuickFix, true],
        ['Fix all heading-format problems', CodeActionKind.QuickFix, undefined],
        ['Replace with "CLINICAL CASE SUMMARY"', CodeActionKind.QuickFix, true],
        ['Insert "Upheld" (the rationale concludes not medically necessary)', CodeActionKind.QuickFix, false],
        ['Insert "Overturned"', CodeActionKind.QuickFix, false],
        ['Disable heading-format for this line', CodeActionKind.QuickFix, undefined],
        ['Disable heading-format for this file', CodeActionKind.QuickFix, undefined],
        ['Disable heading-format for this line', CodeActionKind.QuickFix, undefined],
        ['Disable item-decision for this line', CodeActionKind.QuickFix, undefined],
        ['Disable item-decision for this file', CodeActionKind.QuickFix, undefined],
        ['Fix all auto-fixable IMR problems', SOURCE_FIX_ALL_IMR, undefined],
      ],
    );
    const upheld = all[3]!;
    assert.deepStrictEqual(editsOf(upheld).map((e) => [span(e.range), e.newText]), [['28:70-28:70', ' Upheld']]);
    assert.strictEqual(upheld.diagnostics?.[0]?.code, 'item-decision');
    assert.strictEqual(apply(DEFECTS, editsOf(all[1]!)), DEFECTS.replace('How the IMR final determination was made', 'HOW THE IMR FINAL DETERMINATION WAS MADE').replace('Clinical Case Summary', 'CLINICAL CASE SUMMARY'));
  });

  it('fix-all (source.fixAll.imr) applies the fixes through the engine loop and never writes a decision', () => {
    const only = actions(DEFECTS, { only: [SOURCE_FIX_ALL_IMR] });
    assert.deepStrictEqual(only.map((a) => a.title), ['Fix all auto-fixable IMR problems']);
    const fixed = apply(DEFECTS, editsOf(only[0]!));
    assert.strictEqual(fixed, CLEAN_2016.replace('lumbar spine: Upheld', 'lumbar spine:'));
    // what is left is the missing decision, for the reviewer
    assert.deepStrictEqual(lint(fixed).map((f) => f.ruleId), ['item-decision']);
  });

  it('fix-all fixes a certain misspelling but leaves a decision word that is not certain', () => {
    const text = CLEAN_2016.replace('lumbar spine: Upheld', 'lumbar spine: Uphled').replace('contrast: Overturned', 'contrast: Denied');
    const fixAll = actions(text, { only: ['source'] });
    const fixed = apply(text, editsOf(fixAll[0]!));
    assert.strictEqual(fixed, CLEAN_2016.replace('contrast: Overturned', 'contrast: Denied'));
    // and the quick fixes: "Uphled" has a fix; "Denied" only suggestions
    const quick = actions(text, { only: [CodeActionKind.QuickFix] });
    assert.deepStrictEqual(
      quick.filter((a) => !a.title.startsWith('Disable')).map((a) => [a.title, a.isPreferred]),
      [
        ['Replace with "Upheld"', true],
        ['Replace with "Overturned" (the rationale concludes medically necessary)', false],
        ['Replace with "Upheld"', false],
      ],
    );
  });

  it('fix-all re-lints until stable: a fix that appears only after another is applied too', () => {
    const r = (line: number, from: number) => ({ start: { line, character: from }, end: { line, character: from + 3 } });
    // a rule rewriting "AAA" → "BBB" and "BBB" → "CCC" on the first line
    const chain: Rule = {
      meta: { id: 'chain', description: 'test', defaultSeverity: 'error', category: 'layout', fixable: true, hasSuggestions: false },
      check(ctx) {
        const first = ctx.source.lines[0] ?? '';
        for (const [from, to] of [['AAA', 'BBB'], ['BBB', 'CCC']] as const) {
          const i = first.indexOf(from);
          if (i >= 0) ctx.report({ message: from, range: r(0, i), fix: { title: to, edits: [{ range: r(0, i), newText: to }] } });
        }
      },
    };
    const chainLint = (t: string) => lintText({ text: t, config: defaultConfig(REPO_ROOT), index: index(), rules: [chain] }).findings;
    const text = `AAA ${CLEAN_2016}`;
    const loop = getCodeActions({ uri: URI, text, diagnostics: [], findings: chainLint(text), lint: chainLint, only: [SOURCE_FIX_ALL_IMR] });
    assert.strictEqual(apply(text, editsOf(loop[0]!)), `CCC ${CLEAN_2016}`);
    const onePass = getCodeActions({ uri: URI, text, diagnostics: [], findings: chainLint(text), only: [SOURCE_FIX_ALL_IMR] });
    assert.strictEqual(apply(text, editsOf(onePass[0]!)), `BBB ${CLEAN_2016}`);
  });

  it('fix-all without a lint function applies one pass of non-overlapping fixes', () => {
    const findings = lint(DEFECTS);
    const a = getCodeActions({ uri: URI, text: DEFECTS, diagnostics: [], findings, only: [SOURCE_FIX_ALL_IMR] });
    assert.strictEqual(apply(DEFECTS, editsOf(a[0]!)), CLEAN_2016.replace('lumbar spine: Upheld', 'lumbar spine:'));
    assert.deepStrictEqual(nonOverlappingEdits(DEFECTS, findings).map((e) => span(e.range)), ['6:17-6:57', '16:32-16:53']);
  });

  it('answers an explicit fix-all request with an empty edit when nothing is fixable, and is silent otherwise', () => {
    const none = actions(CLEAN_2016, { only: [SOURCE_FIX_ALL_IMR] });
    assert.deepStrictEqual(none.map((a) => [a.title, editsOf(a)]), [['Fix all auto-fixable IMR problems', []]]);
    assert.deepStrictEqual(actions(CLEAN_2016), []);
    // suggestions alone are not fixable
    const onlySuggestions = CLEAN_2016.replace('lumbar spine: Upheld', 'lumbar spine:');
    assert.ok(!actions(onlySuggestions).some((a) => a.kind === SOURCE_FIX_ALL_IMR));
  });

  it('filters by kind, hierarchically', () => {
    assert.ok(kindWanted('source.fixAll.imr', ['source']));
    assert.ok(kindWanted('source.fixAll.imr', ['source.fixAll']));
    assert.ok(kindWanted('quickfix', undefined) && kindWanted('quickfix', []) && kindWanted('quickfix', ['']));
    assert.ok(!kindWanted('source.fixAll.imr', ['quickfix']));
    assert.ok(!kindWanted('source.fixAllx', ['source.fixAll']));
    assert.ok(!actions(DEFECTS, { only: [CodeActionKind.QuickFix] }).some((a) => a.kind === SOURCE_FIX_ALL_IMR));
    assert.deepStrictEqual(actions(DEFECTS, { only: [CodeActionKind.Refactor] }), []);
  });

  it('offers no fix or suggestion computed for another version of the document, only disable comments', () => {
    const findings = lint(DEFECTS);
    const stale = getCodeActions({ uri: URI, version: 2, text: DEFECTS, diagnostics: toDiagnostics(findings, URI, 1), findings });
    assert.ok(stale.length > 0);
    assert.ok(stale.every((a) => a.title.startsWith('Disable ') || a.kind === SOURCE_FIX_ALL_IMR), stale.map((a) => a.title).join(', '));
  });

  it('"Disable … for this line" inserts an indented next-line comment whose reason is a placeholder', () => {
    const lines = splitLines(DEFECTS);
    const e = disableLineEdit(lines, 16, 'heading-format');
    const indent = ' '.repeat(32);
    assert.deepStrictEqual({ range: span(e.range), newText: e.newText }, { range: '16:0-16:0', newText: `${indent}<!-- imr-disable-next-line heading-format -- reason -->\n` });
    assert.strictEqual(REASON_PLACEHOLDER, 'reason');
    const inserted = splitLines(apply(DEFECTS, [e]));
    assert.strictEqual(inserted[16]!.slice(e.reason!.start.character, e.reason!.end.character), 'reason');
    assert.strictEqual(inserted[17], lines[16]);
    // the comment silences that finding, and the unfilled reason is not an error
    assert.ok(!summary(lint(inserted.join('\n'))).some((s) => s.includes('heading-format') && s.includes('Clinical')), summary(lint(inserted.join('\n'))).join('\n'));
  });

  it('adds the rule to a next-line or file comment already there, with no second reason', () => {
    const lines = ['<!-- imr-disable-file placeholder -- template text -->', 'x', '<!-- imr-disable-next-line section-order -- why -->', 'Bad heading'];
    const line = disableLineEdit(lines, 3, 'heading-format');
    assert.deepStrictEqual(line, { range: { start: { line: 2, character: 40 }, end: { line: 2, character: 40 } }, newText: ', heading-format' });
    assert.strictEqual(apply(lines.join('\n'), [line]).split('\n')[2], '<!-- imr-disable-next-line section-order, heading-format -- why -->');
    const file = disableFileEdit(lines, 'heading-format');
    assert.strictEqual(apply(lines.join('\n'), [file]).split('\n')[0], '<!-- imr-disable-file placeholder, heading-format -- template text -->');
    // already suppressed there: a new comment
    assert.strictEqual(disableLineEdit(lines, 3, 'section-order').newText, '<!-- imr-disable-next-line section-order -- reason -->\n');
    assert.deepStrictEqual(disableFileEdit(['no comment'], 'placeholder', '\r\n'), {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: '<!-- imr-disable-file placeholder -- reason -->\r\n',
      reason: { start: { line: 0, character: 37 }, end: { line: 0, character: 43 } },
    });
  });

  it('selects the reason placeholder with a snippet edit or the client command, as the client allows', () => {
    const snippet = actions(DEFECTS, { reasonSelection: 'snippet' }).find((a) => a.title === 'Disable item-decision for this line')!;
    assert.deepStrictEqual(snippet.edit, {
      documentChanges: [
        {
          textDocument: { uri: URI, version: 1 },
          edits: [{ range: { start: { line: 28, character: 0 }, end: { line: 28, character: 0 } }, snippet: { kind: 'snippet', value: '<!-- imr-disable-next-line item-decision -- ${1:reason} -->\n' } }],
        },
      ],
    } as unknown as CodeAction['edit']);
    const command = actions(DEFECTS, { reasonSelection: 'command' }).find((a) => a.title === 'Disable item-decision for this line')!;
    assert.strictEqual(command.command?.command, 'imr.selectRange');
    assert.deepStrictEqual(command.command?.arguments, [URI, { start: { line: 28, character: 44 }, end: { line: 28, character: 50 } }]);
    assert.strictEqual(textOf(apply(DEFECTS, editsOf(command)), command.command?.arguments?.[1] as Range), 'reason');
  });

  it('sends versioned documentChanges when asked, keeps CRLF line ends, and offers no disable for unknown ids', () => {
    const v = actions(DEFECTS, { versionedEdits: true })[0]!;
    assert.deepStrictEqual(v.edit?.documentChanges?.[0] && 'textDocument' in v.edit.documentChanges[0] ? v.edit.documentChanges[0].textDocument : undefined, { uri: URI, version: 1 });
    const crlf = DEFECTS.replace(/\n/g, '\r\n');
    const d = actions(crlf).find((a) => a.title === 'Disable item-decision for this file')!;
    assert.strictEqual(editsOf(d)[0]?.newText, '<!-- imr-disable-file item-decision -- reason -->\r\n');
    const foreign: Finding = { ruleId: 'config', severity: 'warning', message: 'bad config', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    assert.deepStrictEqual(actions(CLEAN_2016, {}, [foreign]), []);
  });
});
