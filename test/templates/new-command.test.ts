import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memoryIo } from '../helpers/cli-io';
import { guarded, runImr } from '../../server/src/cli/main';
import { expandTemplate, findTemplate } from '../../server/src/templates/templates';

const io = memoryIo;

function imr(argv: string[], cwd: string) {
  const i = io(cwd);
  const code = guarded(() => runImr(argv, i), i, 'imr');
  return { code, out: i.out, err: i.err };
}

describe('imr new', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-new-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the letter template on stdout by default', () => {
    const r = imr(['new'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out, expandTemplate(findTemplate('letter')!));
  });

  it('lists the templates', () => {
    const r = imr(['new', '--list'], dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^letter\s+A whole IMR/m);
    assert.match(r.out, /^item\s+/m);
  });

  it('writes FILE from --template and refuses to overwrite it (exit 2)', () => {
    const r = imr(['new', '--template', 'item', 'x.imr'], dir);
    assert.strictEqual(r.code, 0, r.err);
    const file = path.join(dir, 'x.imr');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), expandTemplate(findTemplate('item')!));
    fs.writeFileSync(file, 'mine');
    const again = imr(['new', 'x.imr'], dir);
    assert.strictEqual(again.code, 2);
    assert.match(again.err, /x\.imr: file exists; not overwritten/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'mine');
  });

  it('rejects an unknown template with exit 2', () => {
    const r = imr(['new', '-t', 'nope'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /unknown template "nope"/);
  });
});
