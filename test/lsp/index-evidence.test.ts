import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/lib/node/main';
import type { VerifyIndexResult } from '../../shared/protocol';
import { PAGE_STYLE } from '../fixtures/lsp/letters';
import { guidelinePdf } from '../mtus/guideline-pdf';
import { fileUri, positionOf, TestClient } from './client';

const EVIDENCE_INDEX = `version: 1
guidelines:
  - id: cpmtg-2009
    topics:
      - name: Physical medicine
        pages: "98-99"
        verified: true
        source: "CPMTG.pdf, page 98"
        evidence: {pdf: "CPMTG.pdf", page: 98}
      - name: Aquatic therapy
        pages: "22"
        evidence: {letters: 7, consensus: "22"}
      - name: Exercise
        pages: "46-47"
        evidence: {letters: 3, consensus: "46"}
`;

describe('language server: index evidence in hover, imr/verifyIndex', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  const letter = (topic: string, pages: string) =>
    PAGE_STYLE.replace('Physical Medicine Page(s): 98-99.', `${topic} Page(s): ${pages}.`).replace('Guidelines Physical\nMedicine Page(s): 98-99.', `Guidelines ${topic}\nPage(s): ${pages}.`);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-lsp-evidence-'));
    fs.writeFileSync(path.join(dir, 'evidence.yaml'), EVIDENCE_INDEX);
    fs.writeFileSync(path.join(dir, '.imrlintrc.yaml'), 'index: [evidence.yaml]\nindexEvidence: {consensusLetters: 5}\n');
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function hoverOn(name: string, text: string, needle: string): Promise<string> {
    const uri = fileUri(path.join(dir, name));
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, 1) });
    assert.ok(h, `hover on ${needle}`);
    return (h.contents as MarkupContent).value;
  }

  it('says where the pages come from: the PDF, a consensus of letters, or unverified', async () => {
    assert.match(await hoverOn('pdf.imr.txt', PAGE_STYLE, 'Physical Medicine Page'), /Index entry: verified from the PDF \(CPMTG\.pdf, page 98\)/);
    const aquatic = letter('Aquatic therapy', '22');
    assert.match(await hoverOn('consensus.imr.txt', aquatic, 'Aquatic therapy Page'), /Index entry: consensus of 7 letters \(page\(s\) 22\): a mismatch is a warning, not an error/);
    const exercise = letter('Exercise', '46');
    assert.match(await hoverOn('few.imr.txt', exercise, 'Exercise Page'), /Index entry: unverified \(seed value: a mismatch is a warning, not an error; only 3 letter\(s\) agree, fewer than the 5 a consensus needs\)/);
  });

  it('imr/verifyIndex runs the engine verification and returns the corrections file', async () => {
    const pdf = path.join(dir, 'Acupuncture.pdf');
    fs.writeFileSync(pdf, await guidelinePdf({ title: 'Acupuncture Medical Treatment Guidelines', frontPages: 1, pages: 10, footer: 'page-of', headings: [] }));
    const r = await client.request<VerifyIndexResult>('imr/verifyIndex', { pdf, guidelineId: 'acupuncture-2007' });
    assert.ok('corrections' in r, JSON.stringify(r));
    assert.match(r.corrections, /^# Corrections to the MTUS index for Acupuncture Medical Treatment Guidelines 2007 \(acupuncture-2007\), read from Acupuncture\.pdf/);
    assert.strictEqual(r.confirmed + r.moved, 0);
    const bad = path.join(dir, 'notes.pdf');
    fs.writeFileSync(bad, 'just text');
    assert.deepStrictEqual(await client.request<VerifyIndexResult>('imr/verifyIndex', { pdf: bad, guidelineId: 'cpmtg-2009' }), { error: 'not a PDF file (no %PDF- header)' });
  });
});
