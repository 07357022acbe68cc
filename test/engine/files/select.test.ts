import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createConfigResolver, createFileSelector } from '../../../server/src/engine';
import { cleanupTemp, letterRepo, write } from '../../cli/helpers';

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

  it('judges each file of a folder by its own name once the folder is known (its facts are worked out once per folder)', () => {
    const dir = letterRepo();
    write(dir, '.imrlintrc.yaml', 'include: ["{*.imr,letters/**/*.imr}"]\nexclude: ["letters/drafts/", "**/skip-*.imr"]\n');
    write(dir, 'letters/.gitignore', 'secret*.imr\n!secret-ok.imr\n');
    for (const f of ['letters/sub/secret.imr', 'letters/sub/secret-ok.imr', 'letters/sub/skip-me.imr', 'letters/sub/c.txt']) write(dir, f, 'x');
    const sel = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }) });
    const why = (f: string) => sel.explain(path.join(dir, 'letters/sub', f));
    assert.deepEqual(why('b.imr'), { selected: true });
    assert.deepEqual(why('secret.imr'), { selected: false, reason: 'gitignored', message: 'letters/sub/secret.imr: ignored by letters/.gitignore' });
    assert.deepEqual(why('secret-ok.imr'), { selected: true }, 'the deepest .gitignore pattern decides');
    assert.deepEqual(why('skip-me.imr'), { selected: false, reason: 'excluded', message: 'letters/sub/skip-me.imr: excluded by "**/skip-*.imr" (exclude in .imrlintrc.yaml)' });
    assert.equal((why('c.txt') as { reason: string }).reason, 'not-included');
    assert.deepEqual(rel(dir, [...sel.walkSync(path.join(dir, 'letters/sub'))]), ['letters/sub/b.imr', 'letters/sub/secret-ok.imr']);
  });

  it('.gitignore is read only inside a git work tree', () => {
    const dir = letterRepo();
    fs.rmdirSync(path.join(dir, '.git'));
    const sel = createFileSelector({ cwd: dir, configs: createConfigResolver({ cwd: dir }) });
    assert.equal(sel.isSelected(path.join(dir, 'letters/private/p.imr')), true);
  });
});
