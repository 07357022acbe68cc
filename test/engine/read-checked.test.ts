import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeUtf8, FileReadError, READ_LIMITS, readFileChecked, readTextChecked } from '../../server/src/engine';

/**
 * The engine's checked reader (engine/files/read-checked.ts) on real files in a temporary folder:
 * regular files only (FIFOs and devices refused without being opened), byte limits from fstat before
 * reading, text decoded strictly so a Latin-1 letter is known as such.
 */

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof FileReadError, `a FileReadError, not ${String(e)}`);
    return e.code;
  }
  assert.fail('no error');
}

/** Whether `truncate -s 3G` makes a sparse file here (it takes no space then). */
function sparse(file: string, size: number): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, size);
    return fs.statSync(file).blocks * 512 < 1024 * 1024;
  } catch {
    return false;
  }
}

describe('engine: checked reads (files/read-checked)', () => {
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-read-checked-')));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file through the descriptor it checked, with its fstat', () => {
    const f = path.join(dir, 'a.imr');
    fs.writeFileSync(f, '\uFEFFHeader\r\nline\n');
    const r = readTextChecked(f, READ_LIMITS.letter);
    assert.equal(r.text, '\uFEFFHeader\r\nline\n', 'the BOM is kept for the source text to see');
    assert.equal(r.validUtf8, true);
    assert.equal(r.stat.size, Buffer.byteLength(r.text));
    assert.equal(r.stat.ino, fs.statSync(f).ino);
  });

  it('counts bytes, not characters', () => {
    const f = path.join(dir, 'accents.imr');
    fs.writeFileSync(f, 'ééé'); // 3 characters, 6 bytes
    assert.equal(readTextChecked(f, 6).text, 'ééé');
    assert.equal(code(() => readTextChecked(f, 5)), 'EFBIG');
  });

  it('reads on after a short read: a pipe whose writer pauses, files of every size around the read chunk', () => {
    // a short read ends in a one-byte probe (not another 64 KB buffer): what comes after the pause is still read
    const engine = path.resolve(__dirname, '..', '..', 'server', 'src', 'engine', 'files', 'read-checked.js');
    const reader = `process.stdout.write(String(require(${JSON.stringify(engine)}).readFdBounded(0, 1 << 20, '<stdin>').length))`;
    const writer = `process.stdout.write('abc'); setTimeout(() => process.stdout.write('x'.repeat(100000)), 300)`;
    const r = spawnSync('sh', ['-c', `"${process.execPath}" -e "$W" | "${process.execPath}" -e "$R"`], { env: { ...process.env, W: writer, R: reader }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '100003');
    for (const size of [0, 1, 65535, 65536, 65537, 200_000]) {
      const f = path.join(dir, `size-${size}.imr`);
      const bytes = Buffer.alloc(size, 0x61);
      fs.writeFileSync(f, bytes);
      assert.ok(readFileChecked(f, READ_LIMITS.letter).bytes.equals(bytes), `${size} bytes`);
    }
  });

  it('refuses a 3 GB (sparse) file from its size, without reading it', function () {
    const f = path.join(dir, 'big.imr');
    if (!sparse(f, 3 * 1024 * 1024 * 1024)) this.skip(); // no sparse files on this file system
    try {
      assert.throws(() => readFileChecked(f, READ_LIMITS.letter), /big\.imr: larger than 8 MB \(3072\.0 MB\); not read/);
    } finally {
      fs.rmSync(f, { force: true });
    }
  });

  it('refuses devices: /dev/zero and /dev/null are not files', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    assert.throws(() => readFileChecked('/dev/zero', READ_LIMITS.index), /^Error: \/dev\/zero: not a regular file \(a character device\)$/);
    assert.equal(code(() => readFileChecked('/dev/null', READ_LIMITS.config)), 'ENOTREG');
  });

  it('refuses a FIFO without opening it (opening would wait for a writer)', function () {
    const f = path.join(dir, 'pipe.imr');
    if (spawnSync('mkfifo', [f]).status !== 0) this.skip();
    assert.throws(() => readFileChecked(f, READ_LIMITS.letter), /pipe\.imr: not a regular file \(a FIFO\)/);
  });

  it('names what is missing, a folder, and a link to a FIFO', function () {
    assert.equal(code(() => readFileChecked(path.join(dir, 'none.imr'), 10)), 'ENOENT');
    assert.throws(() => readFileChecked(dir, 10), /is a directory, not a file/);
    const fifo = path.join(dir, 'p2');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    const link = path.join(dir, 'linked.imr');
    fs.symlinkSync(fifo, link);
    assert.equal(code(() => readFileChecked(link, 10)), 'ENOTREG');
  });

  it('knows a Latin-1 letter is not UTF-8 (and decodes it leniently for linting)', () => {
    const f = path.join(dir, 'latin1.imr');
    fs.writeFileSync(f, Buffer.from('Caf\xe9 na\xefve\n', 'latin1'));
    const r = readTextChecked(f, READ_LIMITS.letter);
    assert.equal(r.validUtf8, false);
    assert.equal(r.text, 'Caf\uFFFD na\uFFFDve\n');
    assert.deepEqual(decodeUtf8(Buffer.from('Café')), { text: 'Café', valid: true });
  });
});
