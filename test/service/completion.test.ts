import * as assert from 'assert';
import { STANDARD_HEADINGS } from '../../server/src/engine';
import { doComplete } from '../../server/src/service/completion';
import { DECISION_MEANING } from '../../server/src/service/decisions';
import { HEADER_HELP } from '../../server/src/service/header-fields';
import { CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat } from '../../server/src/service/lsp-types';
import { SnippetDefinition } from '../../server/src/service/snippets';
import { CLEAN_2016, cursor, index, span } from './letter';

function complete(marked: string, opts: { triggerCharacter?: string; snippets?: SnippetDefinition[]; snippetSupport?: boolean } = {}): CompletionList {
  const { lines, position } = cursor(marked);
  return doComplete({ lines, position, index: index(), snippets: opts.snippets ?? [], triggerCharacter: opts.triggerCharacter, snippetSupport: opts.snippetSupport });
}

function row(i: CompletionItem): string {
  const e = i.textEdit as { range: Parameters<typeof span>[0]; newText: string };
  return `${i.label} @${span(e.range)} ${JSON.stringify(e.newText)}`;
}

const ITEM = 'Physical therapy two times a week for four weeks for the lumbar spine: Upheld';
const CLAIMS = 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment\n2016, Section(s): Physical medicine treatment.';
const CURRENT_HEADINGS = ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'];

describe('service/completion', () => {
  it('offers header labels in header order, then every distinct heading, on an empty first line', () => {
    const list = complete('|');
    assert.strictEqual(list.isIncomplete, true);
    const headings = [...new Set(STANDARD_HEADINGS.map((h) => h.canonical))];
    assert.deepStrictEqual(list.items.map((i) => i.label), [
      'Case Number:', 'Date Assigned:', 'Date of Injury:', 'Decision Date:', 'UR Denial Date:', 'Priority:', 'Application Received:',
      ...headings,
    ]);
    const first = list.items[0]!;
    assert.deepStrictEqual([first.kind, first.detail, first.sortText, row(first)], [CompletionItemKind.Field, 'header field', '10', 'Case Number: @0:0-0:0 "Case Number: "']);
    assert.deepStrictEqual(first.documentation, { kind: 'markdown', value: HEADER_HELP.caseNumber });
    assert.deepStrictEqual(list.items.slice(7, 10).map((i) => [i.label, i.detail, i.sortText]), [
      [CURRENT_HEADINGS[0], 'section heading', '200'],
      [CURRENT_HEADINGS[1], 'section heading', '201'],
      [CURRENT_HEADINGS[2], 'section heading', '202'],
    ]);
  });

  it('filters line-start items by what is typed, replacing it, and ranks labels already present last', () => {
    const list = complete('Case Number: CM17-0100001\nDate A|');
    assert.deepStrictEqual(list.items.map(row), ['Date Assigned: @1:0-1:6 "Date Assigned: "']);
    const present = complete('Case Number: CM17-0100001\n|\nDate Assigned: 01/17/2017');
    const byLabel = new Map(present.items.map((i) => [i.label, i]));
    assert.deepStrictEqual([byLabel.get('Case Number:')?.detail, byLabel.get('Case Number:')?.sortText], ['header field (already present)', '40']);
    assert.deepStrictEqual([byLabel.get('Date Assigned:')?.detail, byLabel.get('Date Assigned:')?.sortText], ['header field (already present)', '41']);
    assert.strictEqual(byLabel.get('Priority:')?.sortText, '15');
  });

  it('offers the second column\'s label after a value in the two-column header', () => {
    const list = complete('Case Number:          CM17-0100001\nDate Assigned:        01/17/2017                      Date of I|');
    assert.deepStrictEqual(list.items.map(row), ['Date of Injury: @1:54-1:63 "Date of Injury: "']);
    assert.strictEqual(list.isIncomplete, true);
  });

  it('offers the credential labels in the "how made" section, and marks headings already in the letter', () => {
    const cred = complete(CLEAN_2016.replace('State(s) of Licensure: California', 'Sta|'));
    assert.deepStrictEqual(cred.items.map((i) => [i.label, i.detail]), [['State(s) of Licensure:', 'expert reviewer credentials']]);
    const heading = complete(CLEAN_2016.replace('                                CLINICAL CASE SUMMARY', '                                CLIN|'));
    // the heading being typed does not count as present
    assert.deepStrictEqual(heading.items.map((i) => [row(i), i.detail, i.sortText]), [['CLINICAL CASE SUMMARY @16:32-16:36 "CLINICAL CASE SUMMARY"', 'section heading', '201']]);
    const again = complete(CLEAN_2016.replace('The injured worker', '\nCLIN|\n'));
    assert.deepStrictEqual(again.items.map((i) => [i.label, i.detail, i.sortText]), [['CLINICAL CASE SUMMARY', 'section heading (already in the letter)', '501']]);
  });

  it('offers the item parts in the issues section, preselecting the one that comes next', () => {
    const next = (marked: string) => complete(marked).items.filter((i) => i.kind === CompletionItemKind.Property).map((i) => `${i.label}${i.preselect ? ' *' : ''} ${i.sortText}`);
    assert.deepStrictEqual(next(CLEAN_2016.replace(CLAIMS, '|')), [
      'Claims Administrator guideline: * 00',
      'MAXIMUS guideline: 11',
      'MAXIMUS guideline: … Non-MTUS 32',
      'Decision rationale: 13',
    ]);
    const afterClaims = CLEAN_2016.replace('MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\nSection(s): Physical medicine treatment.', '|');
    assert.deepStrictEqual(next(afterClaims).filter((x) => x.includes('*')), ['MAXIMUS guideline: * 01']);
    const claims = complete(CLEAN_2016.replace(CLAIMS, 'Cl|')).items;
    assert.deepStrictEqual(claims.map((i) => [row(i), i.command?.command]), [
      ['Claims Administrator guideline: @30:0-30:2 "Claims Administrator guideline: Decision based on MTUS "', 'editor.action.triggerSuggest'],
      ['CLINICAL CASE SUMMARY @30:0-30:2 "CLINICAL CASE SUMMARY"', undefined],
    ]);
  });

  it('offers the decision words after an item\'s colon, with a space when the colon was just typed', () => {
    const typed = complete(CLEAN_2016.replace(ITEM, 'Physical therapy x 8: Up|'));
    assert.strictEqual(typed.isIncomplete, false);
    assert.deepStrictEqual(typed.items.map((i) => [row(i), i.kind, i.sortText]), [
      ['Upheld @28:22-28:24 "Upheld"', CompletionItemKind.EnumMember, '0'],
      ['Overturned @28:22-28:24 "Overturned"', CompletionItemKind.EnumMember, '1'],
    ]);
    assert.deepStrictEqual(typed.items[0]!.documentation, { kind: 'markdown', value: DECISION_MEANING.Upheld });
    const colon = complete(CLEAN_2016.replace(ITEM, 'Physical therapy x 8:|'), { triggerCharacter: ':' });
    assert.deepStrictEqual(colon.items.map(row), ['Upheld @28:21-28:21 " Upheld"', 'Overturned @28:21-28:21 " Overturned"']);
    // a decision on its own line under an item line ending with its colon
    const lone = complete(CLEAN_2016.replace(ITEM, 'Physical therapy two times a week for four weeks for the lumbar\nspine:\nO|'));
    assert.deepStrictEqual(lone.items.map(row), ['Upheld @30:0-30:1 "Upheld"', 'Overturned @30:0-30:1 "Overturned"']);
  });

  it('offers no decision after a field label or the intro line, and nothing after a typed ":" or space elsewhere', () => {
    const afterLabel = complete(CLEAN_2016.replace('Decision rationale: The California', 'Decision rationale:|'), { triggerCharacter: ':' });
    assert.deepStrictEqual(afterLabel.items, []);
    const intro = complete(CLEAN_2016.replace('set forth below:', 'set forth below:|'), { triggerCharacter: ':' });
    assert.deepStrictEqual(intro.items, []);
    assert.deepStrictEqual(complete(CLEAN_2016.replace('The injured worker', 'The injured |'), { triggerCharacter: ' ' }).items, []);
    assert.deepStrictEqual(complete(CLEAN_2016.replace('The injured worker', 'The 51 % |')).items, []);
  });

  it('offers snippets with their body, or its plain expansion when the client has no snippet support', () => {
    const snippets: SnippetDefinition[] = [{ name: 'Item', prefixes: ['imr-item', 'item'], body: '${1:Item}: ${2|Upheld,Overturned|}\n$0', description: 'A disputed item' }];
    const items = complete('imr|', { snippets }).items;
    // "imr" also starts two headings ("IMR ISSUES, …", "IMR DECISION(S) …")
    assert.deepStrictEqual(items.filter((i) => i.kind !== CompletionItemKind.Snippet).map((i) => i.label), ['IMR ISSUES, DECISIONS AND RATIONALES', 'IMR DECISION(S) AND RATIONALE(S)']);
    assert.deepStrictEqual(items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => [row(i), i.kind, i.detail, i.insertTextFormat, i.sortText]), [
      ['imr-item @0:0-0:3 "${1:Item}: ${2|Upheld,Overturned|}\\n$0"', CompletionItemKind.Snippet, 'A disputed item', InsertTextFormat.Snippet, '9imr-item'],
    ]);
    const plain = complete('imr-|', { snippets, snippetSupport: false }).items;
    assert.deepStrictEqual(plain.map((i) => [(i.textEdit as { newText: string }).newText, i.insertTextFormat]), [['Item: Upheld\n', InsertTextFormat.PlainText]]);
    assert.deepStrictEqual(complete('item|', { snippets }).items.map((i) => i.label), ['item']);
  });

  it('returns an empty list past the end of the document', () => {
    const { lines } = cursor('Case Number: |');
    assert.deepStrictEqual(doComplete({ lines, position: { line: 5, character: 0 }, index: index(), snippets: [] }), { isIncomplete: false, items: [] });
  });
});
