import * as assert from 'assert';
import { expandSnippet, maxTabstop, parseSnippet, serializeSnippet, shiftTabstops, SnippetSyntaxError } from '../../server/src/templates/snippet';

describe('snippet syntax', () => {
  it('expands placeholders to their text, choices to their first option, mirrors to their value', () => {
    assert.strictEqual(expandSnippet('${1:[[item]]}: ${2|Upheld,Overturned|} — $1 / ${1}$0'), '[[item]]: Upheld — [[item]] / [[item]]');
  });

  it('expands nested placeholders and variables with defaults', () => {
    assert.strictEqual(expandSnippet('${1:a ${2:b} c} $2 ${TM_SELECTED_TEXT:sel} $CURRENT_YEAR.'), 'a b c b sel .');
  });

  it('keeps escaped characters literal and a lone $ as text', () => {
    assert.strictEqual(expandSnippet('cost \\$5 \\} \\\\ $ end'), 'cost $5 } \\ $ end');
    assert.strictEqual(expandSnippet('${1|a\\,b,c\\|d|}'), 'a,b');
  });

  it('round-trips through serialize', () => {
    const src = '${1:[[x]]} \\$ ${2|a\\,b,c|} ${3} $0 ${NAME:d}';
    assert.strictEqual(expandSnippet(serializeSnippet(parseSnippet(src))), expandSnippet(src));
    assert.strictEqual(serializeSnippet(parseSnippet(src)), '${1:[[x]]} \\$ ${2|a\\,b,c|} ${3} ${0} ${NAME:d}');
  });

  it('renumbers tabstops and drops $0 when parts are joined', () => {
    const nodes = parseSnippet('${1:a} ${2|x,y|} $1$0');
    assert.strictEqual(maxTabstop(nodes), 2);
    assert.strictEqual(serializeSnippet(shiftTabstops(nodes, 5)), '${6:a} ${7|x,y|} ${6}');
  });

  it('rejects malformed bodies and transforms', () => {
    assert.throws(() => parseSnippet('${1:unclosed'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1/(.*)/$1/}'), SnippetSyntaxError);
  });
});
