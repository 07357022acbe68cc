import * as assert from 'assert';
import { DocumentSymbol, SymbolKind } from '../../server/src/service/lsp-types';
import { findDocumentSymbols } from '../../server/src/service/symbols';
import { comparePositions } from '../../server/src/service/text';
import { CLEAN_2009, CLEAN_2016, parse, span } from './letter';

function names(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.map((s) => s.name);
}

function assertContained(s: DocumentSymbol): void {
  const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
    comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
  assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside range`);
  for (const c of s.children ?? []) {
    assert.ok(inside(s.range, c.range), `${c.name} outside ${s.name}`);
    assertContained(c);
  }
}

describe('service/symbols (outline)', () => {
  it('lists the header, then each section, with the items under the issues section', () => {
    const symbols = findDocumentSymbols(parse(CLEAN_2016));
    assert.deepStrictEqual(names(symbols), ['Header', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
    assert.deepStrictEqual(symbols.map((s) => s.kind), [SymbolKind.Namespace, SymbolKind.Module, SymbolKind.Module, SymbolKind.Module]);
    assert.deepStrictEqual(symbols.slice(1, 3).map((s) => s.children), [[], []]);
    assert.strictEqual(symbols[0]?.detail, 'CM17-0100001');
  });

  it('gives the header fields in header order, with their values and label ranges (two-column layout)', () => {
    const header = findDocumentSymbols(parse(CLEAN_2016))[0];
    assert.deepStrictEqual(
      header?.children?.map((c) => `${c.name}=${c.detail} ${span(c.selectionRange)}`),
      [
        'Case Number=CM17-0100001 0:0-0:12',
        'Date Assigned=01/17/2017 1:0-1:14',
        'Date of Injury=03/02/2015 1:54-1:69',
        'Decision Date=02/09/2017 2:0-2:14',
        'UR Denial Date=12/14/2016 2:54-2:69',
        'Priority=Standard 3:0-3:9',
        'Application Received=01/11/2017 3:54-4:63',
      ],
    );
    assert.ok(header?.children?.every((c) => c.kind === SymbolKind.Field));
  });

  it('names each item by its text, details its decision, and lists its three parts', () => {
    const issues = findDocumentSymbols(parse(CLEAN_2016))[3];
    const items = issues?.children ?? [];
    assert.deepStrictEqual(items.map((i) => [i.name, i.detail, i.kind, span(i.range), span(i.selectionRange)]), [
      ['Physical therapy two times a week for four weeks for the lumbar spine', 'Upheld', SymbolKind.Event, '28:0-38:85', '28:0-28:69'],
      ['MRI of the lumbar spine without contrast', 'Overturned', SymbolKind.Event, '40:0-52:10', '40:0-40:40'],
    ]);
    assert.deepStrictEqual(items[0]?.children?.map((c) => [c.name, c.detail, span(c.selectionRange)]), [
      ['Claims Administrator guideline', 'Chronic Pain Medical Treatment 2016', '30:0-30:30'],
      ['MAXIMUS guideline', 'Chronic Pain Medical Treatment 2016', '33:0-33:17'],
      ['Decision rationale', 'not medically necessary', '36:0-36:18'],
    ]);
    // no citation: the line's kind; a rationale concluding "medically necessary"
    assert.deepStrictEqual(items[1]?.children?.map((c) => c.detail), ['no-evidence', 'Low Back Complaints 2004', 'medically necessary']);
  });

  it('keeps every range inside its parent and around its selection (VS Code drops broken outlines)', () => {
    for (const text of [CLEAN_2016, CLEAN_2009, CLEAN_2016.slice(0, CLEAN_2016.indexOf('Decision rationale: The MTUS'))]) {
      for (const s of findDocumentSymbols(parse(text))) assertContained(s);
    }
  });

  it('flags a misspelled heading with the canonical one in its detail', () => {
    const text = CLEAN_2009.replace('CLINICAL CASE SUMMARY', 'Clinical Case Sumary');
    const s = findDocumentSymbols(parse(text)).find((x) => x.name === 'Clinical Case Sumary');
    assert.strictEqual(s?.detail, 'should be CLINICAL CASE SUMMARY');
  });

  it('has no header symbol without a header, and lists items at the top level without an issues heading', () => {
    const body = CLEAN_2009.slice(CLEAN_2009.indexOf('Therapeutic Exercises: Upheld'));
    const symbols = findDocumentSymbols(parse(body));
    // (what the parser makes of an item outside any section is the parser's business; it is listed)
    assert.deepStrictEqual(symbols.map((s) => s.kind), [SymbolKind.Event]);
    assert.ok(!names(symbols).includes('Header'));
    assert.deepStrictEqual(findDocumentSymbols(parse('')), []);
  });

  it('says "no decision" for an item without one', () => {
    const text = CLEAN_2009.replace('Therapeutic Exercises: Upheld', 'Therapeutic Exercises:');
    const issues = findDocumentSymbols(parse(text)).find((s) => s.name === 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.deepStrictEqual(issues?.children?.map((c) => [c.name, c.detail]), [['Therapeutic Exercises', 'no decision']]);
  });
});
