import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadSnippets } from '../../server/src/service/snippets';
import { REPO_ROOT } from '../helpers/engine';

describe('service/snippets (loading the snippet file)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-snippets-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the bundled snippet file with no problem', () => {
    const load = loadSnippets(path.join(REPO_ROOT, 'snippets', 'imr.code-snippets'));
    assert.strictEqual(load.problem, undefined);
    assert.ok(load.snippets.length > 0);
    for (const s of load.snippets) assert.ok(s.prefixes.length > 0 && s.body.length > 0, s.name);
  });

  it('says the file was not found when there is none', () => {
    assert.deepStrictEqual(loadSnippets(undefined), { snippets: [], problem: 'snippets/imr.code-snippets not found' });
  });

  it('names the file when it cannot be read, and does not throw', () => {
    const missing = path.join(dir, 'absent.code-snippets');
    const load = loadSnippets(missing);
    assert.deepStrictEqual(load.snippets, []);
    assert.ok(load.problem?.startsWith(`${missing}: `), load.problem);
    assert.match(load.problem ?? '', /ENOENT/);
  });

  it('names the file when it is not valid JSON', () => {
    const bad = path.join(dir, 'bad.code-snippets');
    fs.writeFileSync(bad, '{ "x": { "prefix": "a", ');
    const load = loadSnippets(bad);
    assert.deepStrictEqual(load.snippets, []);
    assert.ok(load.problem?.startsWith(`${bad}: `), load.problem);
  });

  it('reads comments, a BOM, and keeps only snippets scoped to imr', () => {
    const file = path.join(dir, 'ok.code-snippets');
    fs.writeFileSync(
      file,
      '\uFEFF{\n  // a comment\n  "Upheld item": { "prefix": ["item", "itm"], "body": ["${1:Item}: Upheld", ""], "description": "An item" },\n' +
        '  "Other": { "scope": "markdown", "prefix": "o", "body": "x" },\n  "Both": { "scope": "markdown, imr", "prefix": "b", "body": "y" },\n}\n',
    );
    assert.deepStrictEqual(loadSnippets(file), {
      snippets: [
        { name: 'Upheld item', prefixes: ['item', 'itm'], body: '${1:Item}: Upheld\n', description: 'An item' },
        { name: 'Both', prefixes: ['b'], body: 'y', description: undefined },
      ],
    });
  });
});
