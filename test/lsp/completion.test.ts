import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol/lib/node/main';
import { createIndexProvider } from '../../server/src/engine';
import { findTopic } from '../../server/src/engine/mtus/topics';
import { CLEAN } from '../fixtures/lsp/letters';
import { fileUri, nth, positionOf, TestClient } from './client';

/** CLEAN with `line` inserted before the first line that starts with `before`. */
function withLine(line: string, before: string): { text: string; position: { line: number; character: number } } {
  const lines = CLEAN.split('\n');
  const at = lines.findIndex((l) => l.startsWith(before));
  lines.splice(at, 0, line);
  return { text: lines.join('\n'), position: { line: at, character: line.length } };
}

describe('language server: completion', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  let n = 0;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-completion-'));
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function complete(text: string, position: { line: number; character: number }, triggerCharacter?: string): Promise<CompletionItem[]> {
    const uri = fileUri(path.join(dir, `c${++n}.imr.txt`));
    await client.open(uri, text);
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const r = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position, context });
    await client.close(uri);
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

  it('offers the standard headings at the start of a line', async () => {
    const { text, position } = withLine('CLIN', '                       IMR ISSUES');
    const items = await complete(text, position);
    const heading = items.find((i) => i.label === 'CLINICAL CASE SUMMARY');
    assert.ok(heading, items.map((i) => i.label).join(', '));
    assert.deepStrictEqual((heading.textEdit as TextEdit).range, { start: { line: position.line, character: 0 }, end: position });
    assert.ok(!items.some((i) => i.label === 'HOW THE IMR FINAL DETERMINATION WAS MADE'), 'filtered by what is typed');
  });

  it('offers header labels in the header block and snippets at line start', async () => {
    const items = await complete('\n' + CLEAN, { line: 0, character: 0 });
    assert.ok(items.some((i) => i.label === 'UR Denial Date:' && newText(i) === 'UR Denial Date: '));
    const snippet = items.find((i) => i.label === 'imr-letter');
    assert.ok(snippet, 'snippets from snippets/imr.code-snippets');
    assert.strictEqual(snippet.insertTextFormat, 2, 'InsertTextFormat.Snippet');
    assert.strictEqual(snippet.kind, 15, 'CompletionItemKind.Snippet');
  });

  it('offers Upheld and Overturned after an item colon', async () => {
    const { text, position } = withLine('Lumbar MRI without contrast: ', 'Urine drug screen');
    const items = await complete(text, position, ' ');
    assert.deepStrictEqual(items.map((i) => i.label), ['Upheld', 'Overturned']);
    assert.match(String((items[0]!.documentation as { value: string }).value), /not medically necessary/);
    const noSpace = withLine('Lumbar MRI without contrast:', 'Urine drug screen');
    const items2 = await complete(noSpace.text, noSpace.position, ':');
    assert.strictEqual(newText(nth(items2, 0, 'a completion after the colon')), ' Upheld');
  });

  it('offers the item parts at the start of a line in the issues section, the next one first', async () => {
    const { text, position } = withLine('', 'MAXIMUS guideline: Decision based on MTUS Chronic Pain');
    const items = await complete(text, position);
    const maximus = items.find((i) => i.label === 'MAXIMUS guideline:');
    assert.ok(maximus && maximus.preselect, 'after the Claims Administrator line comes the MAXIMUS line');
    assert.strictEqual(newText(maximus), 'MAXIMUS guideline: Decision based on MTUS ');
    assert.ok(items.some((i) => i.label === 'Decision rationale:'));
  });

  it('offers guideline names with year after "Decision based on MTUS "', async () => {
    const { text, position } = withLine('MAXIMUS guideline: Decision based on MTUS ', 'Urine drug screen');
    const items = await complete(text, position, ' ');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Chronic Pain Medical Treatment 2016') && labels.includes('Opioid Treatment 2016'), labels.join(', '));
    const cp = items.find((i) => i.label === 'Chronic Pain Medical Treatment 2016') as CompletionItem;
    assert.match((cp.documentation as { value: string }).value, /§9792\.24\.2/);
  });

  it('offers topics with their pages after a page-style guideline name (Physical Medicine)', async () => {
    const { text, position } = withLine('MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical Med', 'Urine drug screen');
    const items = await complete(text, position);
    const pm = items.find((i) => i.label === 'Physical medicine');
    assert.ok(pm, items.slice(0, 20).map((i) => i.label).join(', '));
    assert.strictEqual(newText(pm), 'Physical medicine Page(s): 98-99');
    const start = nth(text.split('\n'), position.line, 'the completion line').indexOf('Physical Med');
    assert.deepStrictEqual((pm.textEdit as TextEdit).range, { start: { line: position.line, character: start }, end: position });
    const doc = (pm.documentation as { value: string }).value;
    assert.match(doc, /Pages: 98-99/);
    assert.match(doc, /Chronic Pain Medical Treatment Guidelines 2009/);
  });

  it('offers the pages of the cited topic after "Page(s): "', async () => {
    const { text, position } = withLine('MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): ', 'Urine drug screen');
    const items = await complete(text, position, ' ');
    assert.deepStrictEqual(items.map(newText), ['98-99']);
  });

  it('offers numbered opioid sections with their titles after "Section(s): "', async () => {
    const { text, position } = withLine('MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016, Section(s): ', 'Urine drug screen');
    const items = await complete(text, position, ' ');
    const udt = items.find((i) => i.label === '3.3.6 Use of Urine Drug Testing (UDT)');
    assert.ok(udt, items.map((i) => i.label).join(', '));
    assert.strictEqual(newText(udt), '3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)');
    // every inserted section resolves to the topic it was offered for
    const g = createIndexProvider().get([]).index.guidelines.find((x) => x.id === 'opioids-2016');
    assert.ok(g);
    for (const i of items) {
      const t = findTopic(g, newText(i));
      assert.ok(t, `"${newText(i)}" resolves`);
      assert.strictEqual(t.number ? `${t.number} ${t.name}` : t.name, i.label);
    }
  });

  it('leaves out sections already cited and continues after ", "', async () => {
    const { text, position } = withLine('MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Aquatic therapy, ', 'Urine drug screen');
    const items = await complete(text, position, ' ');
    assert.ok(items.length > 10);
    assert.ok(!items.some((i) => i.label === 'Aquatic therapy'));
    assert.ok(items.some((i) => i.label === 'Physical medicine treatment'));
  });

  it('offers ", Section(s): " after a guideline name and year', async () => {
    const { text, position } = withLine('MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016', 'Urine drug screen');
    const items = await complete(text, position);
    assert.deepStrictEqual(items.map(newText), [', Section(s): ']);
  });

  it('stays quiet in prose', async () => {
    const at = positionOf(CLEAN, 'warehouse clerk who', 'warehouse clerk '.length);
    assert.deepStrictEqual(await complete(CLEAN, at, ' '), []);
  });
});
