import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/** The TextMate grammar tokenized by the same engine VS Code uses (vscode-textmate + oniguruma). */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'imr.tmLanguage.json');

let grammar: textmate.IGrammar;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.imr' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  const g = await registry.loadGrammar('text.imr');
  if (!g) throw new Error('grammar text.imr did not load');
  return g;
}

interface Tok {
  text: string;
  scopes: string[];
}

function tokenize(text: string): Tok[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The tokens of `line`; fails the test when the text has no such line. */
function tokensOf(lines: Tok[][], line: number): Tok[] {
  const tokens = lines[line];
  assert.ok(tokens, `no line ${line}: the text has ${lines.length} line(s)`);
  return tokens;
}

/** Scopes of the token on `line` whose text is exactly `text` (trimmed). */
function scopesOf(lines: Tok[][], line: number, text: string): string[] {
  const tokens = tokensOf(lines, line);
  const tok = tokens.find((t) => t.text.trim() === text);
  assert.ok(tok, `no token "${text}" on line ${line}: ${JSON.stringify(tokens.map((t) => t.text))}`);
  return tok.scopes;
}

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s.startsWith(prefix));
}

describe('TextMate grammar (syntaxes/imr.tmLanguage.json)', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  const letter = [
    /* 0 */ 'Case Number:          CM99-0000001',
    /* 1 */ 'Date Assigned:        03/02/2020                      Date of Injury:      11/05/2019',
    /* 2 */ 'Priority:             Standard',
    /* 3 */ '           HOW THE IMR FINAL DETERMINATION WAS MADE',
    /* 4 */ 'Lumbar epidural steroid injection L4-5:  Overturned',
    /* 5 */ 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines 2009',
    /* 6 */ 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Physical',
    /* 7 */ 'Medicine Page(s): 98-99.',
    /* 8 */ 'Decision based on MTUS Low Back Complaints 2004, Section(s): Surgical Considerations.',
    /* 9 */ '<!-- imr-disable-next-line citation-page-mismatch -- page taken from the 2016 printing -->',
    /* 10 */ 'The request for [[ITEM]] is TBD, see page 46 of the guideline.',
    /* 11 */ 'Decision rationale: The patient is improving.',
    /* 12 */ 'Chiropractic care: Upheld',
    /* 13 */ 'This sentence mentions Upheld in the middle and is not an item.',
  ].join('\n');

  it('highlights headings with leading spaces', () => {
    const lines = tokenize(letter);
    assert.ok(hasScope(scopesOf(lines, 3, 'HOW THE IMR FINAL DETERMINATION WAS MADE'), 'entity.name.section'));
  });

  it('highlights header labels and values', () => {
    const lines = tokenize(letter);
    assert.ok(hasScope(scopesOf(lines, 0, 'Case Number'), 'entity.name.tag.header-field'));
    assert.ok(hasScope(scopesOf(lines, 0, 'CM99-0000001'), 'constant.other.case-number'));
    assert.ok(hasScope(scopesOf(lines, 1, 'Date of Injury'), 'entity.name.tag.header-field'));
    assert.ok(hasScope(scopesOf(lines, 1, '11/05/2019'), 'constant.numeric.date'));
    assert.ok(hasScope(scopesOf(lines, 2, 'Standard'), 'constant.language.priority'));
  });

  it('highlights decisions only at the end of item lines', () => {
    const lines = tokenize(letter);
    assert.ok(hasScope(scopesOf(lines, 4, 'Overturned'), 'keyword.control.decision.overturned'));
    assert.ok(hasScope(scopesOf(lines, 4, 'Lumbar epidural steroid injection L4-5'), 'entity.name.function.item'));
    assert.ok(hasScope(scopesOf(lines, 12, 'Upheld'), 'keyword.control.decision.upheld'));
    assert.ok(!tokensOf(lines, 13).some((t) => hasScope(t.scopes, 'keyword.control.decision')));
  });

  it('highlights guideline labels, guideline names and years', () => {
    const lines = tokenize(letter);
    assert.ok(hasScope(scopesOf(lines, 5, 'Claims Administrator guideline'), 'support.type.guideline-label'));
    assert.ok(hasScope(scopesOf(lines, 5, 'Decision based on'), 'keyword.other.decision-based-on'));
    assert.ok(hasScope(scopesOf(lines, 5, 'Chronic Pain Treatment Guidelines'), 'entity.name.type.guideline'));
    assert.ok(hasScope(scopesOf(lines, 5, '2009'), 'constant.numeric.year'));
    assert.ok(hasScope(scopesOf(lines, 6, 'MAXIMUS guideline'), 'support.type.guideline-label'));
    assert.ok(hasScope(scopesOf(lines, 8, 'Low Back Complaints'), 'entity.name.type.guideline'));
    assert.ok(hasScope(scopesOf(lines, 8, '2004'), 'constant.numeric.year'));
    assert.ok(hasScope(scopesOf(lines, 11, 'Decision rationale'), 'support.type.guideline-label'));
  });

  it('highlights Page(s) and Section(s) citations', () => {
    const lines = tokenize(letter);
    assert.ok(hasScope(scopesOf(lines, 7, 'Page(s)'), 'keyword.other.citation.pages'));
    assert.ok(hasScope(scopesOf(lines, 7, '98-99'), 'constant.numeric.page'));
    assert.ok(hasScope(scopesOf(lines, 8, 'Section(s)'), 'keyword.other.citation.sections'));
    assert.ok(hasScope(scopesOf(lines, 8, 'Surgical Considerations'), 'entity.name.section.citation'));
    assert.ok(hasScope(scopesOf(lines, 10, '46'), 'constant.numeric.page'));
  });

  it('highlights suppression comments and placeholders', () => {
    const lines = tokenize(letter);
    assert.ok(hasScope(scopesOf(lines, 9, 'imr-disable-next-line'), 'keyword.control.directive'));
    assert.ok(hasScope(scopesOf(lines, 9, 'citation-page-mismatch'), 'constant.other.rule-id'));
    assert.ok(hasScope(scopesOf(lines, 9, 'page taken from the 2016 printing'), 'string.unquoted.reason'));
    assert.ok(tokensOf(lines, 9).every((t) => hasScope(t.scopes, 'comment.block')));
    assert.ok(hasScope(scopesOf(lines, 10, '[[ITEM]]'), 'invalid.illegal.placeholder'));
    assert.ok(hasScope(scopesOf(lines, 10, 'TBD'), 'invalid.illegal.placeholder'));
  });

  it('continues a plain multi-line comment across lines', () => {
    const lines = tokenize('<!-- reviewer note\nstill a note -->\nCLINICAL CASE SUMMARY');
    assert.ok(tokensOf(lines, 1).every((t) => hasScope(t.scopes, 'comment.block')));
    assert.ok(hasScope(scopesOf(lines, 2, 'CLINICAL CASE SUMMARY'), 'entity.name.section'));
  });
});
