/**
 * The language service (in-process, no server) over the real letters of ../shared/corpus/dev:
 * every feature answers without throwing at many positions, and outline / folding ranges are
 * well-formed. Skipped when the corpus is absent.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runFixLoop, createIndexProvider, defaultConfig, findAsset, lintText } from '../../server/src/engine';
import { doComplete, doHover, findDefinition, findDocumentSymbols, getCodeActions, getFoldingRanges, loadSnippets, toDiagnostics } from '../../server/src/service';
import type { DocumentSymbol, Range } from '../../server/src/service/lsp-types';
import { corpusFiles, CORPUS_DIR } from '../helpers/engine';


function inside(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkSymbol(s: DocumentSymbol, where: string): void {
  assert.ok(inside(s.range, s.selectionRange), `${where}: ${s.name} selectionRange outside range`);
  for (const c of s.children ?? []) {
    assert.ok(inside(s.range, c.range), `${where}: ${c.name} outside ${s.name}`);
    checkSymbol(c, where);
  }
}

describe('language service over the dev corpus', function () {
  this.timeout(120_000);
  const files = (corpusFiles() ?? []).map((f) => path.basename(f));
  const CORPUS = CORPUS_DIR;

  before(function () {
    if (files.length === 0) this.skip();
  });

  it('answers completion, hover, definition, symbols, folding and code actions without throwing', () => {
    const { index } = createIndexProvider().get([]);
    const snippets = loadSnippets(findAsset('snippets/imr.code-snippets')).snippets;
    let hovers = 0;
    let completions = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
      const r = lintText({ text, config: defaultConfig(CORPUS), index });
      const lines = r.source.lines;
      findDocumentSymbols(r.determination).forEach((s) => checkSymbol(s, f));
      for (const fr of getFoldingRanges(r.determination, lines)) assert.ok(fr.startLine < fr.endLine && fr.endLine < lines.length, `${f}: folding ${fr.startLine}-${fr.endLine}`);
      // every line: its end, its middle, and after each colon
      for (const [line, l] of lines.entries()) {
        const cols = new Set([0, l.length, l.length >> 1]);
        for (let c = l.indexOf(':'); c >= 0; c = l.indexOf(':', c + 1)) cols.add(c + 1);
        for (const character of cols) {
          const position = { line, character };
          completions += doComplete({ lines, position, index, snippets }).items.length > 0 ? 1 : 0;
          if (doHover({ determination: r.determination, index, position })) hovers++;
          findDefinition(r.determination, index, position);
        }
      }
      const uri = `file:///corpus/${f}`;
      const diagnostics = toDiagnostics(r.findings, uri, 1);
      const actions = getCodeActions({ uri, version: 1, text, diagnostics, findings: r.findings });
      for (const a of actions) assert.ok(a.edit, `${f}: ${a.title} has an edit`);
      // fix-all makes the same text as the CLI's --fix: the engine's fix loop, fixes only
      const lint = (t: string) => lintText({ text: t, config: defaultConfig(CORPUS), index }).findings;
      const fixAll = getCodeActions({ uri, version: 1, text, diagnostics: [], findings: r.findings, lint, only: ['source.fixAll.imr'] })[0];
      const edits = fixAll?.edit?.changes?.[uri] ?? [];
      const viaEditor = TextDocument.applyEdits(TextDocument.create(uri, 'imr', 1, text), edits);
      assert.strictEqual(viaEditor, runFixLoop({ text, findings: r.findings, lint }).text, `${f}: fix-all equals the fix loop`);
    }
    assert.ok(hovers > files.length, `hovers: ${hovers}`);
    assert.ok(completions > files.length, `completions: ${completions}`);
  });
});
