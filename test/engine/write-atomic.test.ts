import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic, WriteRefusedError } from '../../server/src/engine';
import { resetLeftoverCleanup, temporaryName } from '../../server/src/engine/files/write-atomic';

/**
 * The one writer of letters (engine/files/write-atomic.ts) on real files: modes and owners kept, links
 * written through, read-only and changed files refused, temporary names never followed, leftovers of
 * a killed run removed. Every test works as root (CI runs as root): refusals come from mode bits.
 */

const posix = process.platform !== 'win32';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof WriteRefusedError, `a refusal, not ${String(e)}`);
    return e.reason;
  }
  assert.fail('written');
}

describe('engine: the atomic writer (files/write-atomic)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-write-atomic-')));
    resetLeftoverCleanup();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps mode 0664 whatever the umask, and leaves nothing but the file', function () {
    if (!posix) this.skip();
    const f = path.join(dir, 'a.imr');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o664);
    const ino = fs.statSync(f).ino;
    writeFileAtomic(f, 'new');
    assert.equal(fs.readFileSync(f, 'utf8'), 'new');
    assert.equal(fs.statSync(f).mode & 0o7777, 0o664);
    assert.notEqual(fs.statSync(f).ino, ino, 'replaced by rename, not rewritten in place');
    assert.deepEqual(fs.readdirSync(dir), ['a.imr']);
  });

  it('keeps the owner when running as root', function () {
    if (!posix || process.getuid?.() !== 0) this.skip(); // only root may give a file away
    const f = path.join(dir, 'a.imr');
    fs.writeFileSync(f, 'old');
    fs.chownSync(f, 4321, 4322);
    writeFileAtomic(f, 'new');
    const st = fs.statSync(f);
    assert.deepEqual([st.uid, st.gid], [4321, 4322]);
  });

  it('writes through a link to its target; the link stays a link', function () {
    if (!posix) this.skip();
    const target = path.join(dir, 'store.imr');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync('store.imr', path.join(dir, 'link.imr'));
    writeFileAtomic(path.join(dir, 'link.imr'), 'new');
    assert.equal(fs.readlinkSync(path.join(dir, 'link.imr')), 'store.imr');
    assert.equal(fs.readFileSync(target, 'utf8'), 'new');
  });

  it('never follows or touches a link planted in the folder, even at a name of its own pattern', function () {
    if (!posix) this.skip();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    const f = path.join(dir, 'a.imr');
    fs.writeFileSync(f, 'old');
    // links at predictable names (the old scheme) and at names of the writer's pattern for this process
    const planted = [`.a.imr.${process.pid}.imr-fix`, path.basename(temporaryName(f)), path.basename(temporaryName(f))];
    for (const p of planted) fs.symlinkSync(victim, path.join(dir, p));
    writeFileAtomic(f, 'new');
    assert.equal(fs.readFileSync(f, 'utf8'), 'new');
    assert.ok(!fs.lstatSync(f).isSymbolicLink());
    assert.equal(fs.readFileSync(victim, 'utf8'), 'keep me', 'the link target is unchanged');
    for (const p of planted) assert.equal(fs.readlinkSync(path.join(dir, p)), victim, `${p} is still the planted link`);
  });

  it('gives temporary files unpredictable names of its own pattern', () => {
    const names = new Set(Array.from({ length: 50 }, () => temporaryName(path.join(dir, 'a.imr'))));
    assert.equal(names.size, 50);
    for (const n of names) assert.match(path.basename(n), new RegExp(`^\\.a\\.imr\\.${process.pid}-[0-9a-f]{12}\\.imr-tmp$`));
  });

  it('refuses a read-only file (no w bit), even as root, and leaves it as it was', function () {
    if (!posix) this.skip();
    const f = path.join(dir, 'ro.imr');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o444);
    assert.equal(refusal(() => writeFileAtomic(f, 'new')), 'read-only');
    assert.equal(fs.readFileSync(f, 'utf8'), 'old');
    assert.equal(fs.statSync(f).mode & 0o777, 0o444);
    assert.deepEqual(fs.readdirSync(dir), ['ro.imr']);
  });

  it('refuses a file that changed since it was read, and a link to nothing', function () {
    if (!posix) this.skip();
    const f = path.join(dir, 'a.imr');
    fs.writeFileSync(f, 'old');
    const read = fs.statSync(f);
    fs.writeFileSync(f, 'saved by the editor meanwhile');
    assert.equal(refusal(() => writeFileAtomic(f, 'fixed', { expect: read })), 'changed');
    assert.equal(fs.readFileSync(f, 'utf8'), 'saved by the editor meanwhile');
    writeFileAtomic(f, 'fixed', { expect: fs.statSync(f) });
    assert.equal(fs.readFileSync(f, 'utf8'), 'fixed');
    fs.symlinkSync('nowhere.imr', path.join(dir, 'dangling.imr'));
    assert.equal(refusal(() => writeFileAtomic(path.join(dir, 'dangling.imr'), 'x')), 'dangling-link');
    assert.ok(!fs.existsSync(path.join(dir, 'nowhere.imr')));
  });

  it('removes leftovers of a killed run (process gone, or old), never links or other files', function () {
    if (!posix) this.skip();
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
    const dead = path.join(dir, `.a.imr.${gone}-0123456789ab.imr-tmp`);
    const old = path.join(dir, `.b.imr.${process.pid}-0123456789ab.imr-tmp`);
    const fresh = path.join(dir, `.c.imr.${process.pid}-abcdef012345.imr-tmp`);
    const linkLeft = path.join(dir, `.d.imr.${gone}-0123456789ab.imr-tmp`);
    const other = path.join(dir, '.a.imr.swp');
    for (const f of [dead, old, fresh, other]) fs.writeFileSync(f, 'copy of a letter');
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(old, hourAgo, hourAgo);
    fs.symlinkSync(other, linkLeft);
    fs.writeFileSync(path.join(dir, 'a.imr'), 'old');
    writeFileAtomic(path.join(dir, 'a.imr'), 'new');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.a.imr.swp', path.basename(fresh), path.basename(linkLeft), 'a.imr'].sort());
  });

  it('leaves no temporary file when the write fails', () => {
    fs.mkdirSync(path.join(dir, 'folder.imr'));
    assert.equal(refusal(() => writeFileAtomic(path.join(dir, 'folder.imr'), 'x')), 'not-regular');
    assert.throws(() => writeFileAtomic(path.join(dir, 'missing-folder', 'a.imr'), 'x'), /ENOENT/);
    assert.deepEqual(fs.readdirSync(dir), ['folder.imr']);
  });
});
