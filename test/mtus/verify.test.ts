import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { imrInProcess } from '../helpers/cli-io';
import { checkIndex, defaultConfig, lintText } from '../../server/src/engine';
import { clearIndexCache, loadIndex } from '../../server/src/engine/mtus/load';
import { correctionsYaml, defaultPdfReader, numberPages, verifyGuideline, verifyPdf } from '../../server/src/engine/mtus/verify';
import { fixture, REPO_ROOT } from '../helpers/engine';
import { guidelinePdf, GuidelinePdfSpec, passwordProtectedPdf } from './guideline-pdf';

const imr = imrInProcess;

/** A small alphabetical guideline of our own, loaded as an extra index file. */
const TEST_INDEX = `version: 1
guidelines:
  - id: test-pain-2020
    title: Test Pain Treatment Guidelines
    year: 2020
    names: ["Test Pain Treatment"]
    pageSpan: "1-20"
    alphabeticalTopics: true
    topics:
      - name: Acupuncture
        pages: "3"
      - name: Biofeedback
        aliases: ["Biofeedback therapy"]
        pages: "5-6"
      - name: Exercise
        pages: "8"
      - name: Massage therapy
        pages: "10"
      - name: Yoga
        pages: "15"
`;

const TEST_PDF: GuidelinePdfSpec = {
  title: 'Test Pain Treatment Guidelines',
  runningHeader: 'Test Pain Treatment Guidelines - Part 2',
  frontPages: 1,
  pages: 20,
  footer: 'page-of',
  headings: [
    { page: 3, text: 'Acupuncture', at: 'top' },
    { page: 5, text: 'Biofeedback' },
    { page: 8, text: 'Exercise' },
    { page: 11, text: 'Massage therapy' }, // the index says 10
    { page: 13, text: 'Qigong' }, // not in the index; Yoga (15) is missing from the PDF
  ],
  toc: [
    { title: 'Acupuncture', page: 3 },
    { title: 'Biofeedback', page: 5 },
    { title: 'Exercise', page: 8 },
    { title: 'Massage therapy', page: 11 },
    { title: 'Qigong', page: 13 },
  ],
};

describe('imr index verify', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-verify-'));
    fs.writeFileSync(path.join(dir, 'test-index.yaml'), TEST_INDEX);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearIndexCache();
  });

  const testGuideline = () => {
    const { index, problems } = loadIndex([path.join(dir, 'test-index.yaml')]);
    assert.deepStrictEqual(problems, []);
    return index.guidelines.find((g) => g.id === 'test-pain-2020')!;
  };

  it('confirms topics where the index says, reports the moved one with both pages, the missing one, and the TOC entry the index lacks', async () => {
    const bytes = await guidelinePdf(TEST_PDF);
    const { report } = await verifyPdf(bytes, '/x/TestPain.pdf', testGuideline(), defaultPdfReader());
    assert.strictEqual(report.numbering.method, 'footer');
    const byName = new Map(report.topics.map((v) => [v.topic.name, v]));
    const verdict = (name: string) => {
      const v = byName.get(name);
      assert.ok(v, `no verdict for the topic ${name}`);
      return v;
    };
    assert.strictEqual(verdict('Acupuncture').status, 'confirmed');
    assert.strictEqual(verdict('Biofeedback').status, 'confirmed');
    assert.strictEqual(verdict('Exercise').status, 'confirmed');
    assert.strictEqual(verdict('Massage therapy').status, 'moved');
    assert.strictEqual(verdict('Massage therapy').indexPages, '10');
    assert.deepStrictEqual(verdict('Massage therapy').headingPages, [11]);
    assert.deepStrictEqual(verdict('Massage therapy').pdfPages, [{ from: 11, to: 11 }]);
    assert.strictEqual(verdict('Yoga').status, 'not-found');
    assert.ok(report.tocFound);
    assert.deepStrictEqual(report.tocMissing, [{ title: 'Qigong', page: 13 }]);
  });

  it('--write gives a corrections file that imr index check accepts and that moves the topic', async () => {
    fs.writeFileSync(path.join(dir, 'TestPain.pdf'), await guidelinePdf(TEST_PDF));
    const r = await imr(['index', 'verify', '--pdf', 'TestPain.pdf', '--guideline', 'test-pain-2020', '--index', 'test-index.yaml', '--write', 'corrections.yaml'], dir);
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.out, /confirmed\s+Acupuncture\s+page\(s\) 3/);
    assert.match(r.out, /moved\s+Massage therapy\s+index says 10, the PDF has 11 \(heading on page 11\)/);
    assert.match(r.out, /not found\s+Yoga\s+index says 15/);
    assert.match(r.out, /Qigong \(page 13\)/);
    assert.match(r.out, /3 confirmed, 1 moved, 1 not found, 1 table-of-contents entry not in the index/);

    const file = path.join(dir, 'corrections.yaml');
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /- name: "Massage therapy" # moved: the index had 10\n {8}pages: "11"\n {8}verified: true\n {8}source: "TestPain.pdf, page 11"\n {8}evidence: \{pdf: "TestPain.pdf", page: 11\}/);
    assert.match(text, /- name: "Acupuncture"\n {8}pages: "3"\n {8}verified: true/);
    assert.doesNotMatch(text, /Yoga/);

    const base = loadIndex([path.join(dir, 'test-index.yaml')]).index;
    assert.deepStrictEqual(checkIndex({ text, file }, { base }), []);
    const check = await imr(['index', 'check', 'corrections.yaml'], dir);
    // on its own (against the bundled index) the file names a guideline only test-index.yaml defines
    assert.strictEqual(check.code, 1);
    const { index, problems } = loadIndex([path.join(dir, 'test-index.yaml'), file]);
    assert.deepStrictEqual(problems, []);
    const massage = index.guidelines.find((g) => g.id === 'test-pain-2020')!.topics.find((t) => t.name === 'Massage therapy')!;
    assert.deepStrictEqual(massage.pages, [{ from: 11, to: 11 }]);
    assert.strictEqual(massage.verified, true);
    assert.deepStrictEqual(massage.evidence, { pdf: 'TestPain.pdf', page: 11 });

    const json = await imr(['index', 'verify', '--pdf', 'TestPain.pdf', '--guideline', 'test-pain-2020', '--index', 'test-index.yaml', '--format', 'json'], dir);
    const parsed = JSON.parse(json.out);
    assert.deepStrictEqual(parsed.summary, { confirmed: 3, moved: 1, notFound: 1, tocNotInIndex: 1 });
  });

  it('on the bundled 2009 Chronic Pain index: a moved topic is reported and its page findings turn right once the corrections are loaded', async () => {
    const bundled = loadIndex([]).index;
    const g = bundled.guidelines.find((x) => x.id === 'cpmtg-2009')!;
    const headings = g.topics.flatMap((t) => {
      if (t.name === 'Yoga') return [];
      if (t.name === 'Aquatic therapy') return [{ page: 23, text: t.name }];
      return t.pages.map((s) => ({ page: s.from, text: t.name }));
    });
    const pdf = path.join(dir, 'CPMTG-2009.pdf');
    fs.writeFileSync(pdf, await guidelinePdf({ title: g.title, pages: 127, footer: 'page-of', headings }));
    const r = await imr(['index', 'verify', '--pdf', pdf, '--guideline', 'cpmtg-2009', '--write', 'cp-corrections.yaml', '--format', 'json'], dir);
    assert.strictEqual(r.code, 1, r.err);
    const out = JSON.parse(r.out);
    const moved = out.topics.filter((t: { status: string }) => t.status === 'moved');
    const missing = out.topics.filter((t: { status: string }) => t.status === 'not-found');
    assert.deepStrictEqual(moved.map((t: { name: string; indexPages: string; pdfPages: string }) => [t.name, t.indexPages, t.pdfPages]), [['Aquatic therapy', '22', '23']]);
    const noPages = g.topics.filter((t) => t.pages.length === 0).map((t) => t.name);
    assert.deepStrictEqual(missing.map((t: { name: string }) => t.name).sort(), [...noPages, 'Yoga'].sort());
    assert.strictEqual(out.summary.confirmed, g.topics.length - 2 - noPages.length);

    const file = path.join(dir, 'cp-corrections.yaml');
    const check = await imr(['index', 'check', file], dir);
    assert.strictEqual(check.code, 0, check.out);

    const letter = fixture('letters/clean-2009-pages.imr').replace('Physical Medicine Page(s): 98-99.', 'Aquatic therapy Page(s): 23.');
    const before = lintText({ text: letter, config: defaultConfig(REPO_ROOT), index: bundled }).findings.filter((f) => f.ruleId === 'citation-page-mismatch');
    assert.strictEqual(before.length, 1);
    assert.strictEqual(before[0]!.severity, 'warning');
    const corrected = loadIndex([file]);
    assert.deepStrictEqual(corrected.problems, []);
    const after = lintText({ text: letter, config: defaultConfig(REPO_ROOT), index: corrected.index }).findings.filter((f) => f.ruleId === 'citation-page-mismatch');
    assert.deepStrictEqual(after, []);
    // the old page is now an error: the entry is verified from the PDF
    const old = lintText({ text: letter.replace('Page(s): 23.', 'Page(s): 22.'), config: defaultConfig(REPO_ROOT), index: corrected.index }).findings.filter((f) => f.ruleId === 'citation-page-mismatch');
    assert.strictEqual(old.length, 1);
    assert.strictEqual(old[0]!.severity, 'error');
  });

  it('finds numbered sections by number and title, not by a mention of the number', async () => {
    const g = loadIndex([]).index.guidelines.find((x) => x.id === 'opioids-2016')!;
    const headings = [
      { page: 40, text: '3.3.6 Use of Urine Drug Testing (UDT)' },
      { page: 41, text: '3.3.6 is discussed further in the next part' },
      { page: 43, text: '3.3.7 Monitoring Effectiveness', at: 'top' as const },
    ];
    const text = await defaultPdfReader().read(await guidelinePdf({ title: g.title, frontPages: 1, pages: 60, footer: 'bare', headings }));
    const report = verifyGuideline(text, g, 'Opioids.pdf');
    const udt = report.topics.find((x) => x.topic.number === '3.3.6')!;
    assert.deepStrictEqual(udt.headingPages, [40]);
    // the index has no pages for it: the PDF's span, up to the page before 3.3.7 starts at the top of page 43
    assert.strictEqual(udt.status, 'moved');
    assert.deepStrictEqual(udt.pdfPages, [{ from: 40, to: 42 }]);
    assert.deepStrictEqual(report.topics.find((x) => x.topic.number === '3.3.7')!.headingPages, [43]);
    assert.strictEqual(report.topics.find((x) => x.topic.number === '3.3.5')!.status, 'not-found');
  });

  describe('printed page numbers', () => {
    it('reads bare page-number lines with an offset, and page labels when there are no footers', async () => {
      const bare = await defaultPdfReader().read(await guidelinePdf({ title: 'T', frontPages: 2, firstPrinted: 1, pages: 8, footer: 'bare', headings: [] }));
      const n1 = numberPages(bare);
      assert.strictEqual(n1.numbering.method, 'footer');
      assert.strictEqual(n1.numbering.offset, -2);
      assert.deepStrictEqual(n1.pages.map((p) => p.printed), [undefined, undefined, 1, 2, 3, 4, 5, 6, 7, 8]);
      const labelled = await defaultPdfReader().read(await guidelinePdf({ title: 'T', frontPages: 1, firstPrinted: 5, pages: 4, footer: 'none', labels: true, headings: [] }));
      const n2 = numberPages(labelled);
      assert.strictEqual(n2.numbering.method, 'labels');
      assert.deepStrictEqual(n2.pages.map((p) => p.printed), [undefined, 5, 6, 7, 8]);
      const plain = await defaultPdfReader().read(await guidelinePdf({ title: 'T', pages: 3, footer: 'none', headings: [] }));
      const n3 = numberPages(plain);
      assert.strictEqual(n3.numbering.method, 'physical');
      assert.match(n3.numbering.note, /physical page numbers used, offset 0/);
      assert.deepStrictEqual(numberPages(plain, { offset: 10 }).pages.map((p) => p.printed), [11, 12, 13]);
    });
  });

  describe('bad input: one clear line, exit 2', () => {
    it('a text file renamed .pdf', async () => {
      fs.writeFileSync(path.join(dir, 'fake.pdf'), 'Physical medicine 98-99\n');
      const r = await imr(['index', 'verify', '--pdf', 'fake.pdf', '--guideline', 'cpmtg-2009'], dir);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.err, 'imr: fake.pdf: not a PDF file (no %PDF- header)\n');
      assert.strictEqual(r.out, '');
    });

    it('a PDF without text (scanned)', async () => {
      fs.writeFileSync(path.join(dir, 'empty.pdf'), await guidelinePdf({ title: '', pages: 1, footer: 'none', headings: [], empty: true }));
      const r = await imr(['index', 'verify', '--pdf', 'empty.pdf', '--guideline', 'cpmtg-2009'], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /^imr: empty\.pdf: empty\.pdf has no text layer \(a scanned PDF\?\); run OCR on it first\n$/);
    });

    it('a password-protected PDF', async () => {
      fs.writeFileSync(path.join(dir, 'locked.pdf'), await passwordProtectedPdf());
      const r = await imr(['index', 'verify', '--pdf', 'locked.pdf', '--guideline', 'cpmtg-2009'], dir);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.err, 'imr: locked.pdf: the PDF is encrypted with a password; save an unprotected copy first\n');
    });

    it('a broken PDF', async () => {
      fs.writeFileSync(path.join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      const r = await imr(['index', 'verify', '--pdf', 'broken.pdf', '--guideline', 'cpmtg-2009'], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /^imr: broken\.pdf: [^\n]+\n$/);
    });

    it('the PDF of another guideline', async () => {
      fs.writeFileSync(path.join(dir, 'TestPain2.pdf'), await guidelinePdf(TEST_PDF));
      const r = await imr(['index', 'verify', '--pdf', 'TestPain2.pdf', '--guideline', 'opioids-2016'], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /^imr: TestPain2\.pdf: TestPain2\.pdf does not look like Opioids Treatment Guidelines 2016 \(opioids-2016\): [^\n]*wrong --guideline\?\n$/);
    });

    it('an unknown guideline id, a missing file', async () => {
      const a = await imr(['index', 'verify', '--pdf', 'x.pdf', '--guideline', 'nope-2000'], dir);
      assert.strictEqual(a.code, 2);
      assert.match(a.err, /^imr: unknown guideline "nope-2000" \(ids: cpmtg-2009, /);
      const b = await imr(['index', 'verify', '--pdf', 'missing.pdf', '--guideline', 'cpmtg-2009'], dir);
      assert.strictEqual(b.code, 2);
      assert.strictEqual(b.err, 'imr: missing.pdf: cannot read (ENOENT)\n');
    });
  });

  it('writes corrections only for topics it found', () => {
    const g = testGuideline();
    const text = correctionsYaml({
      guideline: g,
      pdf: 'X.pdf',
      physicalPages: 1,
      numbering: { method: 'physical', offset: 0, note: 'n' },
      topics: g.topics.map((t) => ({ topic: t, status: 'not-found' as const, indexPages: '', headingPages: [] })),
      tocMissing: [],
      tocFound: false,
    });
    assert.match(text, /topics: \[\]\n$/);
  });
});
