import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createConfigResolver, createFileSelector } from '../../../server/src/engine';
import { cleanupTemp, letterRepo } from '../../cli/helpers';

/** The engine's file selection (engine/files/select.ts) on a real folder: include/exclude, ignore files, .gitignore. */

describe('file selection (engine/files/select.ts)', function () {
  after(cleanupTemp);

  const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f));

  it('walks a folder honouring include (braces), exclude of a folder, .imrlintignore and .gitignore', async () => {
    const dir = letterRepo();
    const sel = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }) });
    const expected = ['letters/a.imr', 'letters/sub/b.imr', 'top.imr'];
    assert.deepEqual(rel(dir, [...sel.walkSync(dir)]), expected);
    const walked: string[] = [];
    for await (const f of sel.walk(dir)) walked.push(f);
    assert.deepEqual(rel(dir, walked), expected, 'the async walker agrees');
    const why = (f: string) => sel.explain(path.join(dir, f));
    assert.deepEqual(why('letters/a.imr'), { selected: true });
    assert.match((why('letters/drafts/d.imr') as { message: string }).message, /^letters\/drafts\/d\.imr: excluded by "letters\/drafts\/" \(exclude in \.imrlintrc\.yaml\)$/);
    assert.equal((why('letters/archive/old.imr') as { reason: string }).reason, 'ignored');
    assert.equal((why('letters/x.bak.imr') as { reason: string }).reason, 'ignored');
    assert.equal((why('letters/private/p.imr') as { reason: string }).reason, 'gitignored');
    assert.equal((why('other/o.imr') as { reason: string }).reason, 'not-included');
    assert.equal(sel.isSelected(path.join(dir, 'letters/notes.txt')), false);

    const noIgnore = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }), noIgnore: true });
    assert.deepEqual(rel(dir, [...noIgnore.walkSync(dir)]), ['letters/a.imr', 'letters/archive/old.imr', 'letters/private/p.imr', 'letters/sub/b.imr', 'letters/x.bak.imr', 'top.imr']);
  });

  it('.gitignore is read only inside a git work tree', () => {
    const dir = letterRepo();
    fs.rmdirSync(path.join(dir, '.git'));
    const sel = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }) });
    assert.equal(sel.isSelected(path.join(dir, 'letters/private/p.imr')), true);
  });
});
