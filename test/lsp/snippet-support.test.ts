import { strict as assert } from 'assert';
import { findAsset } from '../../server/src/engine';
import { doComplete, loadSnippets } from '../../server/src/service';
import { bundledIndex } from '../helpers/engine';

/** Clients without snippet support (Neovim 0.7) get snippets as their plain expansion. */
describe('snippet completions and client snippet support', () => {
  const snippets = loadSnippets(findAsset('snippets/imr.code-snippets')).snippets;
  const complete = (snippetSupport: boolean) =>
    doComplete({ lines: ['imr-it'], position: { line: 0, character: 6 }, index: bundledIndex(), snippets, snippetSupport }).items.find((i) => i.label === 'imr-item');

  it('sends snippet syntax to clients that support it', () => {
    const item = complete(true);
    assert.equal(item?.insertTextFormat, 2);
    assert.match((item?.textEdit as { newText: string }).newText, /\$\{?\d/);
  });

  it('sends plain text to clients that do not', () => {
    const item = complete(false);
    assert.equal(item?.insertTextFormat, 1);
    const text = (item?.textEdit as { newText: string }).newText;
    assert.doesNotMatch(text, /\$\{?\d/);
    assert.match(text, /Claims Administrator guideline:/);
  });
});
