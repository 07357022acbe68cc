import * as assert from 'assert';
import { DOCS_BASE, Finding } from '../../server/src/engine';
import { diagnosticData, DIAGNOSTIC_SOURCE, toDiagnostic, toDiagnostics, toDiagnosticSeverity } from '../../server/src/service/diagnostics';
import { fileUri } from '../../server/src/service/definition';
import { DiagnosticSeverity } from '../../server/src/service/lsp-types';
import { lint } from '../helpers/engine';
import { CLEAN_2016 } from './letter';

const URI = 'file:///letters/a.imr';
const R = { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } };

function finding(over: Partial<Finding> = {}): Finding {
  return { ruleId: 'heading-format', severity: 'error', message: 'Heading "x" should be "Y".', range: R, ...over };
}

describe('service/diagnostics (finding → diagnostic)', () => {
  it('maps each severity', () => {
    assert.strictEqual(toDiagnosticSeverity('error'), DiagnosticSeverity.Error);
    assert.strictEqual(toDiagnosticSeverity('warning'), DiagnosticSeverity.Warning);
    assert.strictEqual(toDiagnosticSeverity('info'), DiagnosticSeverity.Information);
  });

  it('carries range, message, source "imr", the rule id as code and its doc page', () => {
    const d = toDiagnostic(finding({ severity: 'warning' }), URI);
    assert.deepStrictEqual(d, {
      range: R,
      severity: DiagnosticSeverity.Warning,
      code: 'heading-format',
      source: DIAGNOSTIC_SOURCE,
      message: 'Heading "x" should be "Y".',
      data: { ruleId: 'heading-format' },
      codeDescription: { href: `${DOCS_BASE}heading-format.md` },
    });
    assert.strictEqual(DIAGNOSTIC_SOURCE, 'imr');
  });

  it('gives no doc link for an id that is not a rule (a config or index problem)', () => {
    const d = toDiagnostic(finding({ ruleId: 'config' }), URI);
    assert.strictEqual(d.code, 'config');
    assert.strictEqual(d.codeDescription, undefined);
  });

  it('puts the version, fix and suggestions in data, for code actions without a re-lint', () => {
    const fix = { title: 'Replace with "Y"', edits: [{ range: R, newText: 'Y' }] };
    const suggestions = [{ title: 'Insert "Upheld"', edits: [{ range: R, newText: ' Upheld' }] }];
    assert.deepStrictEqual(toDiagnostic(finding({ fix, suggestions }), URI, 7).data, { ruleId: 'heading-format', version: 7, fix, suggestions });
    assert.deepStrictEqual(toDiagnostic(finding(), URI, 0).data, { ruleId: 'heading-format', version: 0 });
  });

  it('maps related information to letter ranges or index file lines, in order', () => {
    const other = { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } };
    const d = toDiagnostic(
      finding({
        related: [
          { message: 'first here', range: other },
          { message: 'index entry', file: '/idx/mtus-index.yaml', line: 41 },
          { message: 'index file', file: '/idx/other.yaml' },
          { message: 'nowhere' },
        ],
      }),
      URI,
    );
    assert.deepStrictEqual(d.relatedInformation, [
      { location: { uri: URI, range: other }, message: 'first here' },
      { location: { uri: fileUri('/idx/mtus-index.yaml'), range: { start: { line: 41, character: 0 }, end: { line: 41, character: 0 } } }, message: 'index entry' },
      { location: { uri: fileUri('/idx/other.yaml'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: 'index file' },
    ]);
    assert.strictEqual(toDiagnostic(finding({ related: [] }), URI).relatedInformation, undefined);
  });

  it('reads back its own data, falls back to the code, and ignores other sources', () => {
    const ours = toDiagnostic(finding(), URI, 3);
    assert.deepStrictEqual(diagnosticData(ours), { ruleId: 'heading-format', version: 3 });
    assert.deepStrictEqual(diagnosticData({ ...ours, data: undefined }), { ruleId: 'heading-format' });
    assert.strictEqual(diagnosticData({ ...ours, source: 'cSpell' }), undefined);
    assert.strictEqual(diagnosticData({ ...ours, data: undefined, code: 42 }), undefined);
  });

  it('maps the findings of a real lint one to one, with fixes where the rule has one', () => {
    const text = CLEAN_2016.replace('CLINICAL CASE SUMMARY', 'Clinical Case Summary').replace('contrast: Overturned', 'contrast: Overturnd');
    const findings = lint(text);
    const diags = toDiagnostics(findings, URI, 2);
    assert.deepStrictEqual(
      diags.map((d) => [d.code, d.severity, d.range.start.line, (d.data as { fix?: { title: string } }).fix?.title]),
      [
        ['heading-format', DiagnosticSeverity.Error, 16, 'Replace with "CLINICAL CASE SUMMARY"'],
        ['item-decision', DiagnosticSeverity.Error, 40, 'Replace with "Overturned"'],
      ],
    );
  });
});
