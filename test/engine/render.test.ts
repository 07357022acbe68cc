import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createIndexProvider, defaultConfig, Determination, lintText, MtusIndex, parseLetter } from '../../server/src/engine';
import { isPageFurniture } from '../../server/src/engine/text/page-furniture';
import * as os from 'os';
import { defaultExportPath, exportText, exportTextBytes, formatFromPath, layoutLetter, printable, renderHtml, renderPdf, TextBlock, writeFileAtomic } from '../../server/src/engine/render';
import { nth } from '../helpers/checked';

/**
 * The sent letter: layout, PDF, HTML and text export. The PDF round trip runs the real
 * `pdftotext -layout` (poppler-utils) on the exported bytes (through a pipe: no file of the letter is
 * written) and parses the result with the engine's own parser.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TWO_ITEMS = path.join(ROOT, 'test', 'fixtures', 'export', 'two-items.imr');
const FIXTURES = [
  TWO_ITEMS,
  path.join(ROOT, 'test', 'fixtures', 'base-letter.imr.txt'),
  path.join(ROOT, 'test', 'fixtures', 'letters', 'clean-2016.imr'),
  path.join(ROOT, 'test', 'fixtures', 'letters', 'clean-2009-pages.imr'),
];
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'dev');

let bundled: MtusIndex | undefined;
const index = () => (bundled ??= createIndexProvider().get([]).index);

function lint(text: string) {
  return lintText({ text, config: defaultConfig(ROOT), index: index() });
}

function layoutOf(text: string) {
  const r = lint(text);
  return layoutLetter(r.source, r.determination);
}

async function pdfOf(text: string): Promise<Uint8Array> {
  return renderPdf(layoutOf(text), { producer: 'imr-letter-tools test' });
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

function pdftotext(pdf: Uint8Array, ...args: string[]): string {
  const r = spawnSync('pdftotext', [...args, '-', '-'], { input: Buffer.from(pdf), maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr?.toString());
  return r.stdout.toString('utf8');
}

/** A document-information string of the PDF (pdf-lib writes them as UTF-16BE hex strings). */
function infoString(raw: string, key: string): string | undefined {
  const m = new RegExp(`/${key} <FEFF([0-9A-F]*)>`).exec(raw);
  if (!m) return undefined;
  return Buffer.from(m[1]!, 'hex').swap16().toString('utf16le');
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const PAGE_LINE = /^[\s\f]*Page \d+ of \d+\s*$/;

/** Items as the round trip compares them. */
function items(d: Determination): string[] {
  return d.items.map((i) => `${i.prefix ? `${i.prefix}: ` : ''}${i.text} => ${i.decision ?? '(none)'}`);
}

function header(d: Determination): string[] {
  return Object.values(d.header.fields)
    .map((f) => `${f?.key}=${f?.value}`)
    .sort();
}

/** The letter's words from its first section heading on, as printed (suppression lines left out). */
function bodyWords(text: string): string[] {
  const r = lint(text);
  const from = r.determination.sections[0]?.headingRange.start.line ?? 0;
  const lines = r.source.lines.slice(from).filter((l) => !/^\s*<!--\s*imr-disable-/.test(l));
  return words(lines.join('\n')).map(printable).filter(Boolean);
}

/** Export → pdftotext -layout → parse: same header, items and decisions, and the same words in order. */
async function assertRoundTrip(text: string, name: string): Promise<void> {
  const source = lint(text).determination;
  const extracted = pdftotext(await pdfOf(text), '-layout');
  const back = parseLetter(extracted, index());
  assert.deepEqual(items(back), items(source), `${name}: items and decisions`);
  assert.ok(source.items.length > 0, `${name}: has items`);
  assert.deepEqual(header(back), header(source), `${name}: header fields`);
  const want = bodyWords(text);
  const got = words(extracted.split('\n').filter((l) => !PAGE_LINE.test(l)).join('\n'));
  const start = got.findIndex((_, i) => want.slice(0, 6).every((w, k) => got[i + k] === w));
  assert.ok(start >= 0, `${name}: the first heading's words are in the extracted text`);
  // a word wider than the line (a long URL) is broken where it must be: then the characters, in order
  if (want.every((w) => w.length < 70)) assert.deepEqual(got.slice(start), want, `${name}: the words in order`);
  assert.equal(got.slice(start).join(''), want.join(''), `${name}: the characters in order`);
}

describe('render: the sent letter', function () {
  const twoItems = fs.readFileSync(TWO_ITEMS, 'utf8');

  describe('layout', function () {
    it('sets the header in two columns, headings centred, items, guideline lines and rationales as paragraphs', function () {
      const l = layoutOf(twoItems);
      assert.equal(l.title, 'IMR Final Determination CM17-0054321');
      const h = nth(l.blocks, 0, 'block');
      assert.equal(h.kind, 'header');
      if (h.kind !== 'header') return;
      assert.deepEqual(
        h.rows.map((r) => r.map((c) => (c ? `${c.label}=${c.value}` : '-'))),
        [
          ['Case Number=CM17-0054321', '-'],
          ['Date Assigned=01/20/2017', 'Date of Injury=06/14/2015'],
          ['Decision Date=02/10/2017', 'UR Denial Date=12/28/2016'],
          ['Priority=Expedited', 'Application Received=01/13/2017'],
        ],
      );
      const text = (b: TextBlock) => b.runs.map((r) => r.text).join('');
      const blocks = l.blocks.filter((b): b is TextBlock => b.kind !== 'header');
      assert.deepEqual(
        blocks.filter((b) => b.kind === 'heading').map(text),
        ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
      );
      // the item wrapped over two lines is one bold paragraph
      const item = blocks.find((b) => b.kind === 'item');
      assert.ok(item);
      assert.equal(text(item), 'Right knee arthroscopic partial medial meniscectomy with debridement of the lateral compartment: Overturned');
      assert.deepEqual([item.firstLine, item.lastLine, nth(item.runs, 0, 'run').bold, item.keepWithNext], [29, 30, true, true]);
      // guideline label bold, the citation regular, the wrapped line joined
      const g = blocks.find((b) => b.kind === 'guideline');
      assert.deepEqual(g?.runs, [{ text: 'Claims Administrator guideline:', bold: true }, { text: ' Decision based on MTUS Knee Complaints 2004, Section(s): Surgical Considerations.' }]);
      // prose is reflowed into paragraphs, short deliberate lines are kept (the list)
      const texts = blocks.filter((b) => b.kind === 'text').map(text);
      assert.ok(texts.some((t) => t.startsWith('The injured worker is a 44 year old carpenter') && t.endsWith('non-certified on 12/28/2016.')), texts.join('\n'));
      assert.ok(texts.includes('Known allergies:') && texts.includes('- penicillin') && texts.includes('- latex'));
      // credentials keep their own lines
      assert.deepEqual(
        blocks.filter((b) => b.kind === 'line').map(text),
        ['State(s) of Licensure: California', 'Certification(s)/Specialty: Orthopaedic Surgery'],
      );
    });

    it('leaves the suppression comments out, and every character is printable with the standard fonts', function () {
      const l = layoutOf(twoItems);
      const all = l.blocks.map((b) => (b.kind === 'header' ? b.rows.flat().map((c) => `${c?.label} ${c?.value}`).join(' ') : b.runs.map((r) => r.text).join(''))).join('\n');
      assert.ok(!all.includes('imr-disable'), 'no suppression comment');
      assert.ok(all.includes('pain >= 7/10, CRP 12 \u00b5g/mL, seen by Dr. Dvorák'), 'transliterated');
      for (const ch of all.replace(/\n/g, '')) assert.equal(printable(ch), ch, `printable: U+${ch.codePointAt(0)?.toString(16)}`);
    });

    it('lays out any text without throwing: empty, no header, no sections, binary-looking, one long line', function () {
      for (const t of ['', '\n\n', 'just a line', '\u0000\u0001\u0002', 'x'.repeat(5000), 'CLINICAL CASE SUMMARY\n\n\f\n', '<!-- imr-disable-file -->']) {
        const l = layoutOf(t);
        assert.equal(l.title, 'IMR Final Determination');
      }
    });
  });

  describe('page-number lines (a paginated PDF\'s text)', function () {
    it('are blank to the parser: an item after "Page 1 of 2" keeps its text and decision', function () {
      const at = twoItems.indexOf('Associated surgical service');
      const paged = `${twoItems.slice(0, at)}                                  Page 1 of 2\n\f${twoItems.slice(at)}`;
      assert.deepEqual(items(lint(paged).determination), items(lint(twoItems).determination));
      // a rationale that says "Page 81" on a line of its own is still prose
      assert.ok(!isPageFurniture('Page 81') && isPageFurniture('\f   Page 12 of 40  ') && !isPageFurniture('Page 2 of the guideline'));
    });
  });

  describe('printable', function () {
    it('keeps WinAnsi, transliterates the rest, never fails', function () {
      assert.equal(printable('Café – “quoted” € 5°'), 'Café – “quoted” € 5°');
      assert.equal(printable('a ≤ b ≥ c → d'), 'a <= b >= c -> d');
      assert.equal(printable('Łódź Dvořák'), 'Lódz Dvorák');
      assert.equal(printable('中文 😀'), '?? ?');
      assert.equal(printable('a\u200bb\u00adc\tz'), 'abc z');
    });
  });

  describe('text export', function () {
    const directive = '<!-- imr-disable-next-line citation-page-mismatch -- page confirmed -->';
    it('drops suppression lines with their line endings and keeps every other byte (LF, CRLF + BOM, CR, no final newline)', function () {
      const lf = `A\n${directive}\nB  \n\f C\n<!-- imr-disable-file placeholder -->\nD`;
      assert.equal(exportText(lf), 'A\nB  \n\f C\nD');
      const crlf = `\ufeffA\r\n${directive}\r\nB\r\n`;
      assert.equal(exportText(crlf), '\ufeffA\r\nB\r\n');
      assert.equal(exportText(`A\r${directive}\rB`), 'A\rB');
      assert.equal(exportText(`A\n  ${directive}`), 'A\n');
      assert.equal(exportText(`${directive}\nA`), 'A');
      // not a directive: left as written
      const prose = 'A letter that mentions imr-disable-next-line in prose.\n';
      assert.equal(exportText(prose), prose);
    });

    it('works on bytes: a UTF-8 BOM and bytes that are not UTF-8 come back unchanged', function () {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${directive}\r\nA caf`, 'latin1'), Buffer.from([0xe9, 0x0d, 0x0a])]);
      assert.deepEqual(exportTextBytes(bytes), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A caf', 'latin1'), Buffer.from([0xe9, 0x0d, 0x0a])]));
      const none = Buffer.from('no comments\n');
      assert.deepEqual(exportTextBytes(none), none);
    });

    it('the exported text lints and parses like the letter (same items, decisions, header)', function () {
      const out = exportText(twoItems);
      assert.ok(!out.includes('imr-disable'));
      assert.equal(out.split('\n').length, twoItems.split('\n').length - 1);
      assert.deepEqual(items(lint(out).determination), items(lint(twoItems).determination));
    });
  });

  describe('output files', function () {
    it('default names sit next to the letter and never name the letter itself', function () {
      assert.equal(defaultExportPath('/l/case.imr', 'pdf'), path.join('/l', 'case.pdf'));
      assert.equal(defaultExportPath('/l/case.imr.txt', 'txt'), path.join('/l', 'case.txt'));
      assert.equal(defaultExportPath('/l/case.txt', 'txt'), path.join('/l', 'case.export.txt'));
      assert.equal(defaultExportPath('/l/case.txt', 'pdf'), path.join('/l', 'case.pdf'));
      assert.equal(defaultExportPath('/l/.imr', 'pdf'), path.join('/l', '.imr.pdf'));
      assert.deepEqual(['a.PDF', 'b.txt', 'c.docx', 'd'].map(formatFromPath), ['pdf', 'txt', undefined, undefined]);
    });

    it('writes atomically and leaves no temporary file when the write fails', function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-render-write-'));
      try {
        const target = path.join(dir, 'out.pdf');
        writeFileAtomic(target, new Uint8Array([37, 80, 68, 70]));
        writeFileAtomic(target, 'replaced');
        assert.equal(fs.readFileSync(target, 'utf8'), 'replaced');
        fs.mkdirSync(path.join(dir, 'folder.pdf'));
        assert.throws(() => writeFileAtomic(path.join(dir, 'folder.pdf'), 'x'));
        assert.deepEqual(fs.readdirSync(dir).sort(), ['folder.pdf', 'out.pdf']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('HTML', function () {
    it('renders the same blocks, escaped, with source lines and findings in the margin', function () {
      const text = twoItems.replace('CM17-0054321', 'CM17-0054321 <b>&</b>');
      const r = lint(text);
      const html = renderHtml(layoutLetter(r.source, r.determination), [{ line: 29, severity: 'error', message: 'a <finding>' }]);
      assert.ok(html.startsWith('<div class="imr-sheet">'));
      assert.ok(html.includes('CM17-0054321 &lt;b&gt;&amp;&lt;/b&gt;'));
      assert.ok(!/<script|<link|<img|src=|href=|style=/i.test(html), 'no scripts, links, images or inline styles');
      assert.match(html, /<h2 class="imr-heading[^"]*" data-line="5" data-last="5"><b>HOW THE IMR FINAL DETERMINATION WAS MADE<\/b><\/h2>/);
      assert.match(html, /<p class="imr-item[^"]*" data-line="29" data-last="30" data-severity="error"><span class="imr-mark imr-mark-error" title="error: a &lt;finding&gt;"/);
      assert.ok(!html.includes('imr-disable'));
    });
  });

  describe('PDF', function () {
    it('is a US Letter PDF whose metadata names the case number and the tool only', async function () {
      const pdf = await pdfOf(twoItems);
      const raw = Buffer.from(pdf).toString('latin1');
      assert.ok(raw.startsWith('%PDF-'));
      assert.match(raw, /\/MediaBox \[ 0 0 612 792 \]/);
      assert.equal(infoString(raw, 'Title'), 'IMR Final Determination CM17-0054321');
      assert.equal(infoString(raw, 'Producer'), 'imr-letter-tools test');
      assert.equal(infoString(raw, 'Creator'), 'imr-letter-tools test');
      for (const key of ['Author', 'Subject', 'Keywords', 'CreationDate', 'ModDate']) assert.ok(!raw.includes(`/${key}`), `no /${key} in the metadata`);
      // standard fonts only, none embedded as a font program
      assert.ok(!/\/FontFile/.test(raw));
      assert.match(raw, /\/BaseFont \/Times-Roman/);
    });

    it('numbers its pages "Page N of M" and keeps every word of a long letter', async function () {
      if (!hasPdftotext) this.skip();
      const item = twoItems.slice(twoItems.indexOf('Associated surgical service'));
      const long = twoItems + ('\n' + item).repeat(12);
      const extracted = pdftotext(await pdfOf(long), '-layout');
      const pages = extracted.split('\f').filter((p) => p.trim());
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      pages.forEach((p, i) => assert.match(p, new RegExp(`Page ${i + 1} of ${pages.length}\\s*$`)));
      await assertRoundTrip(long, 'long letter');
    });

    it('round trip on the fixture letters: pdftotext -layout → parse gives the same items, decisions and words', async function () {
      if (!hasPdftotext) {
        console.log('      skipped: pdftotext (poppler-utils) is not installed');
        this.skip();
      }
      for (const f of FIXTURES) await assertRoundTrip(fs.readFileSync(f, 'utf8'), path.basename(f));
      // CRLF + BOM and form feeds make no difference
      await assertRoundTrip('\ufeff' + twoItems.replace(/\n/g, '\r\n'), 'CRLF + BOM');
    });

    it('round trip on the real letters (../shared/corpus/dev)', async function () {
      if (!hasPdftotext || !fs.existsSync(CORPUS)) {
        console.log('      skipped: pdftotext or the corpus is absent');
        this.skip();
      }
      const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
      assert.ok(files.length > 0);
      for (const f of files) await assertRoundTrip(fs.readFileSync(path.join(CORPUS, f), 'utf8'), f);
    });

    it('renders any text without throwing (empty, binary-looking, huge words, unusual characters)', async function () {
      for (const t of ['', '\u0000\u0001', 'a'.repeat(3000), '😀 中文 ≤ \u202e', 'Case Number: \u00e9\u0301']) {
        const pdf = await pdfOf(t);
        assert.ok(Buffer.from(pdf).toString('latin1').startsWith('%PDF-'));
      }
    });
  });
});
