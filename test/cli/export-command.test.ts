import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CliRun, imr } from '../helpers/cli-io';
import { cleanupTemp, cliFixture, describeRun, makeTemp, ROOT, toCrlfWithBom, write } from './helpers';

/**
 * `imr export` (cli/export-command.ts) in-process on synthetic letters in temporary folders: formats, default output
 * names, refusal on errors, --force, exit 2 for unreadable input, atomic writes without leftovers.
 */

const LETTER = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'two-items.imr'), 'utf8');
const DIRECTIVE = '<!-- imr-disable-next-line placeholder -- the reviewer';
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

function assertExit(r: CliRun, status: number): void {
  assert.equal(r.status, status, describeRun(r));
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
}

/** Only these names in the folder: nothing temporary is left behind. */
function assertFolder(dir: string, names: string[]): void {
  assert.deepEqual(fs.readdirSync(dir).sort(), names.slice().sort());
}

describe('imr export (cli/export-command.ts), in-process', function () {
  after(cleanupTemp);

  it('writes case.pdf next to case.imr by default: a PDF with the letter in it', async function () {
    const dir = makeTemp();
    write(dir, 'case.imr', LETTER);
    const r = await imr(['export', 'case.imr'], { cwd: dir });
    assertExit(r, 0);
    assert.equal(r.stdout, 'case.pdf\n');
    assertFolder(dir, ['case.imr', 'case.pdf']);
    const pdf = fs.readFileSync(path.join(dir, 'case.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    if (hasPdftotext) {
      const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'case.pdf'), '-'], { encoding: 'utf8' }).stdout;
      assert.match(text, /Case Number:\s+CM17-0054321/);
      assert.match(text, /Post-operative physical therapy, 12 sessions: Upheld/);
      assert.ok(!text.includes('imr-disable'));
    }
  });

  it('text export: the letter byte for byte without its suppression lines (CRLF and BOM kept)', async function () {
    const dir = makeTemp();
    const crlf = toCrlfWithBom(LETTER);
    write(dir, 'case.imr.txt', crlf);
    const r = await imr(['export', 'case.imr.txt', '--format', 'txt'], { cwd: dir });
    assertExit(r, 0);
    assertFolder(dir, ['case.imr.txt', 'case.txt']);
    const out = fs.readFileSync(path.join(dir, 'case.txt'), 'latin1');
    const want = Buffer.from(crlf.split('\r\n').filter((l) => !l.startsWith(DIRECTIVE)).join('\r\n'), 'utf8').toString('latin1');
    assert.equal(out, want);
    assert.ok(crlf.includes(DIRECTIVE));
  });

  it('takes the format from -o, never overwrites the letter, and writes text to stdout with -o -', async function () {
    const dir = makeTemp();
    write(dir, 'case.txt', LETTER);
    assertExit(await imr(['export', 'case.txt', '-o', 'out/sent.txt'], { cwd: dir }), 2); // no such folder
    fs.mkdirSync(path.join(dir, 'out'));
    assertExit(await imr(['export', 'case.txt', '-o', 'out/sent.txt'], { cwd: dir }), 0);
    assert.ok(!fs.readFileSync(path.join(dir, 'out', 'sent.txt'), 'utf8').includes('imr-disable'));
    // a text letter named case.txt exports to case.export.txt
    assertExit(await imr(['export', 'case.txt', '--format', 'txt'], { cwd: dir }), 0);
    assert.ok(fs.existsSync(path.join(dir, 'case.export.txt')));
    const same = await imr(['export', 'case.txt', '-o', 'case.txt'], { cwd: dir });
    assertExit(same, 2);
    assert.match(same.stderr, /would replace the letter/);
    assert.equal(fs.readFileSync(path.join(dir, 'case.txt'), 'utf8'), LETTER);
    const stdout = await imr(['export', 'case.txt', '-o', '-'], { cwd: dir });
    assertExit(stdout, 0);
    assert.equal(stdout.stdout, LETTER.split('\n').filter((l) => !l.startsWith(DIRECTIVE)).join('\n'));
    assertExit(await imr(['export', 'case.txt', '-o', '-', '--format', 'pdf'], { cwd: dir }), 2);
    assertExit(await imr(['export', 'case.txt', '--format', 'docx'], { cwd: dir }), 2);
    assertFolder(dir, ['case.txt', 'case.export.txt', 'out']);
  });

  it('refuses a letter with errors: exit 1, the errors printed, nothing written; --force exports and prints them as warnings', async function () {
    const dir = makeTemp();
    write(dir, 'bad.imr', cliFixture('page-error-2009.imr'));
    const r = await imr(['export', 'bad.imr'], { cwd: dir });
    assertExit(r, 1);
    assert.match(r.stderr, /26:28\s+error\s+.*citation-page-mismatch/);
    assert.match(r.stderr, /not exported/);
    assertFolder(dir, ['bad.imr']);
    const forced = await imr(['export', 'bad.imr', '--force'], { cwd: dir });
    assertExit(forced, 0);
    assert.match(forced.stderr, /26:28\s+warning\s+.*citation-page-mismatch/);
    assert.ok(!/\berror\b/.test(forced.stderr.replace(/0 errors/, '')), forced.stderr);
    assertFolder(dir, ['bad.imr', 'bad.pdf']);
  });

  it('exit 2 with one line for a missing, binary or unreadable letter and for bad usage; nothing left behind', async function () {
    const dir = makeTemp();
    write(dir, 'binary.imr', Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    for (const args of [['missing.imr'], ['binary.imr'], [], ['a.imr', 'b.imr'], ['--nope', 'a.imr']]) {
      const r = await imr(['export', ...args], { cwd: dir });
      assertExit(r, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    // the output folder is not writable: exit 2, no temporary file
    if (process.getuid?.() !== 0) {
      write(dir, 'ok.imr', LETTER);
      const ro = path.join(dir, 'ro');
      fs.mkdirSync(ro);
      fs.chmodSync(ro, 0o500);
      assertExit(await imr(['export', 'ok.imr', '-o', 'ro/ok.pdf'], { cwd: dir }), 2);
      assert.deepEqual(fs.readdirSync(ro), []);
    }
    // the target is a folder: the rename fails and the temporary file is removed
    write(dir, 'ok.imr', LETTER);
    fs.mkdirSync(path.join(dir, 'ok.pdf'));
    const r = await imr(['export', 'ok.imr'], { cwd: dir });
    assertExit(r, 2);
    assert.match(r.stderr, /ok\.pdf: cannot write/);
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.tmp')), fs.readdirSync(dir).join(' '));
  });

  it('imr --help lists export, imr export --help explains it', async function () {
    const dir = makeTemp();
    assert.match((await imr(['--help'], { cwd: dir })).stdout, /export LETTER/);
    const h = await imr(['export', '--help'], { cwd: dir });
    assertExit(h, 0);
    assert.match(h.stdout, /--force/);
  });
});
