import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { DocumentSymbol, FoldingRange, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol/lib/node/main';
import type { DocumentStats, IndexTopicEntry } from '../../shared/protocol';
import { CLEAN, DEFECTS, PAGE_STYLE } from '../fixtures/lsp/letters';
import { fileUri, nth, positionOf, rpc, TestClient } from './client';

describe('language server: hover, symbols, folding, definition, custom requests', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  const uris: Record<string, string> = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-features-'));
    client = await TestClient.start({ root: dir });
    for (const [name, text] of Object.entries({ CLEAN, DEFECTS, PAGE_STYLE })) {
      uris[name] = fileUri(path.join(dir, `${name.toLowerCase()}.imr.txt`));
      await client.open(uris[name], text);
      await client.diagnosticsFor(uris[name], 1);
    }
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function hover(name: string, text: string, needle: string, offset = 1): Promise<{ value: string; hover: Hover }> {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uris[name] }, position: positionOf(text, needle, offset) });
    assert.ok(h, `hover on "${needle}"`);
    return { value: (h.contents as MarkupContent).value, hover: h };
  }

  it('hover on a decision word explains it', async () => {
    const { value, hover: h } = await hover('CLEAN', CLEAN, ': Upheld', 3);
    assert.match(value, /\*\*Upheld\*\*/);
    assert.match(value, /not medically necessary/);
    assert.deepStrictEqual(h.range, { start: { line: 24, character: 44 }, end: { line: 24, character: 50 } });
    const over = await hover('CLEAN', CLEAN, ': Overturned', 3);
    assert.match(over.value, /must be authorized/);
  });

  it('hover on a cited section shows its index entry', async () => {
    const { value } = await hover('CLEAN', CLEAN, 'Section(s): 3.3.6', 14);
    assert.match(value, /3\.3\.6 Use of Urine Drug Testing \(UDT\)/);
    assert.match(value, /Opioids Treatment Guidelines 2016 \(8 CCR §9792\.24\.4\)/);
    assert.match(value, /Index entry: verified/);
  });

  it('hover on a guideline name shows the guideline, regulation and verification', async () => {
    const { value } = await hover('CLEAN', CLEAN, 'Chronic Pain Medical Treatment 2016,', 3);
    assert.match(value, /\*\*Chronic Pain Medical Treatment Guidelines\*\* \(2016\)/);
    assert.match(value, /Regulation: 8 CCR §9792\.24\.2/);
  });

  it('hover on cited pages compares them with the index', async () => {
    const good = await hover('PAGE_STYLE', PAGE_STYLE, '98-99');
    assert.match(good.value, /are within the index's pages 98-99/);
    const bad = await hover('DEFECTS', DEFECTS, '46-47');
    assert.match(bad.value, /\*\*not\*\* the index's pages 98-99/);
    const topic = await hover('PAGE_STYLE', PAGE_STYLE, 'Physical Medicine Page', 2);
    assert.match(topic.value, /\*\*Physical medicine\*\*/);
    assert.match(topic.value, /Pages: 98-99/);
  });

  it('hover on a header date lists the intervals between the dates', async () => {
    const { value } = await hover('CLEAN', CLEAN, '12/20/2016', 2);
    assert.match(value, /\*\*UR Denial Date\*\*/);
    assert.match(value, /UR denial → application received\*\* \| 13 days/);
    assert.match(value, /application received → decision \| 30 days/);
    assert.match(value, /injury → decision \| 690 days/);
  });

  it('no hover in plain prose', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uris.CLEAN }, position: positionOf(CLEAN, 'warehouse clerk', 3) });
    assert.strictEqual(h, null);
  });

  it('document symbols: header, sections, and the items under the issues section with their decision', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris.CLEAN } });
    assert.deepStrictEqual(symbols.map((s) => s.name), ['Header', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
    const issues = symbols[3]!;
    assert.deepStrictEqual(issues.children?.map((c) => [c.name, c.detail]), [
      ['Aquatic therapy twice weekly for six weeks', 'Upheld'],
      ['Urine drug screen', 'Overturned'],
    ]);
    assert.deepStrictEqual(issues.children?.[0]?.children?.map((c) => c.name), ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale']);
    assert.strictEqual(symbols[0]!.children?.find((c) => c.name === 'UR Denial Date')?.detail, '12/20/2016');
  });

  it('every symbol contains its selection range and its children (VS Code drops the outline otherwise)', async () => {
    const inside = (outer: { start: { line: number; character: number }; end: { line: number; character: number } }, inner: typeof outer) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (s: DocumentSymbol): void => {
      assert.ok(inside(s.range, s.selectionRange), `${s.name}: selectionRange inside range`);
      for (const c of s.children ?? []) {
        assert.ok(inside(s.range, c.range), `${c.name} inside ${s.name}`);
        check(c);
      }
    };
    for (const name of Object.keys(uris)) {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris[name] } });
      symbols.forEach(check);
    }
  });

  it('folding ranges: header, sections and items', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uris.CLEAN } });
    const pairs = ranges.map((r) => `${r.startLine}-${r.endLine}`);
    for (const expected of ['0-4', '6-12', '14-19', '21-44', '24-33', '35-44']) assert.ok(pairs.includes(expected), `${expected} in ${pairs.join(' ')}`);
  });

  it('go to definition: from a cited topic to its entry in the index file', async () => {
    const loc = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: uris.PAGE_STYLE }, position: positionOf(PAGE_STYLE, 'Physical Medicine Page', 2) });
    assert.ok(loc);
    const file = fileURLToPath(loc.uri);
    assert.match(file, /server[\\/]data[\\/]mtus-index\.yaml$/);
    const line = nth(fs.readFileSync(file, 'utf8').split(/\r?\n/), loc.range.start.line, 'the line of the definition');
    assert.match(line, /name: Physical medicine$/);
    const g = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: uris.CLEAN }, position: positionOf(CLEAN, 'Opioid Treatment 2016', 2) });
    assert.ok(g);
    assert.match(nth(fs.readFileSync(fileURLToPath(g.uri), 'utf8').split(/\r?\n/), g.range.start.line, 'the line of the definition'), /id: opioids-2016/);
  });

  it('imr/documentStats counts decisions and names the index', async () => {
    const stats = await client.request<DocumentStats>('imr/documentStats', { textDocument: { uri: uris.CLEAN } });
    assert.deepStrictEqual({ ...stats, index: typeof stats.index }, { upheld: 1, overturned: 1, items: 2, index: 'string' });
    assert.match(stats.index, /MTUS/i);
  });

  it('imr/indexTopics lists every topic as an insertable citation', async () => {
    const topics = await client.request<IndexTopicEntry[]>('imr/indexTopics', { textDocument: { uri: uris.CLEAN } });
    assert.ok(topics.length > 100);
    const udt = topics.find((t) => t.label === '3.3.6 Use of Urine Drug Testing (UDT)');
    assert.ok(udt);
    assert.strictEqual(udt.insertText, 'Opioid Treatment 2016, Section(s): 3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)');
    const pm = topics.find((t) => t.guidelineId === 'cpmtg-2009' && t.label === 'Physical medicine');
    assert.strictEqual(pm?.pageStyleInsertText, 'Chronic Pain Medical Treatment Physical medicine Page(s): 98-99');
    const noDoc = await client.request<IndexTopicEntry[]>('imr/indexTopics', {});
    assert.strictEqual(noDoc.length, topics.length);
  });

  it('a cancelled request does not disturb the server', async () => {
    const source = new rpc.CancellationTokenSource();
    const pending = client.request('textDocument/hover', { textDocument: { uri: uris.CLEAN }, position: positionOf(CLEAN, ': Upheld', 3) }, source);
    source.cancel();
    await pending.catch((e: { code?: number }) => assert.strictEqual(e.code, -32800, 'RequestCancelled'));
    const after = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uris.CLEAN }, position: positionOf(CLEAN, ': Upheld', 3) });
    assert.ok(after);
  });
});
