/**
 * Writes small guideline PDFs for the verify tests with pdf-lib: body text in Helvetica, topic
 * headings in Helvetica-Bold, a footer per page ("Page N of M", a bare number, or none), optional
 * running header, table of contents and /PageLabels.
 */
import * as crypto from 'crypto';
import { PDFDocument, PDFFont, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';

export interface PdfHeading {
  /** Printed page the heading is on. */
  page: number;
  text: string;
  /** Where on the page: top (first line) or after a paragraph. Default 'mid'. */
  at?: 'top' | 'mid';
}

export interface GuidelinePdfSpec {
  /** Printed page numbers run from firstPrinted to firstPrinted + pages - 1 (after `frontPages` unnumbered pages). */
  pages: number;
  firstPrinted?: number;
  /** Unnumbered pages (cover) before the numbered ones. */
  frontPages?: number;
  footer: 'page-of' | 'bare' | 'none';
  title: string;
  runningHeader?: string;
  headings: PdfHeading[];
  /** Table of contents printed on the first front page (needs frontPages >= 1). */
  toc?: { title: string; page: number }[];
  /** Write /PageLabels: decimal labels starting at firstPrinted on the numbered pages. */
  labels?: boolean;
  /** A page without any text at all (no text layer). */
  empty?: boolean;
}

const BODY = [
  'This section describes the evidence and the recommendation for the treatment named above.',
  'Recommended as indicated below, with documented functional improvement at each review.',
  'Treatment beyond the stated duration requires objective evidence of benefit.',
];

export async function guidelinePdf(spec: GuidelinePdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (spec.empty) {
    doc.addPage([612, 792]);
    return doc.save();
  }
  const body = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const first = spec.firstPrinted ?? 1;
  const front = spec.frontPages ?? 0;
  const total = front + spec.pages;
  for (let i = 0; i < total; i++) {
    const page = doc.addPage([612, 792]);
    let y = 740;
    const line = (text: string, font: PDFFont, size: number): void => {
      page.drawText(text, { x: 72, y, size, font });
      y -= size * 1.6;
    };
    if (spec.runningHeader) page.drawText(spec.runningHeader, { x: 72, y: 770, size: 8, font: body });
    if (i < front) {
      if (i === 0) line(spec.title, bold, 16);
      if (i === 0 && spec.toc) {
        line('Table of Contents', bold, 12);
        for (const e of spec.toc) line(`${e.title} ${'.'.repeat(Math.max(4, 60 - e.title.length))} ${e.page}`, body, 10);
      }
      continue;
    }
    const printed = first + (i - front);
    const here = spec.headings.filter((h) => h.page === printed);
    for (const h of here.filter((x) => x.at === 'top')) {
      line(h.text, bold, 12);
      for (const b of BODY) line(b, body, 10);
    }
    if (here.every((h) => h.at === 'top')) for (const b of BODY) line(b, body, 10);
    for (const h of here.filter((x) => x.at !== 'top')) {
      line(h.text, bold, 12);
      for (const b of BODY) line(b, body, 10);
    }
    if (spec.footer === 'page-of') page.drawText(`Page ${printed} of ${first + spec.pages - 1}`, { x: 270, y: 30, size: 9, font: body });
    else if (spec.footer === 'bare') page.drawText(String(printed), { x: 300, y: 30, size: 9, font: body });
  }
  if (spec.labels) {
    const nums: unknown[] = [];
    if (front > 0) nums.push(0, doc.context.obj({ S: PDFName.of('r') }));
    nums.push(front, doc.context.obj({ S: PDFName.of('D'), St: first }));
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as never }));
  }
  return doc.save();
}

// ------------------------------------------------------------------ a password-protected PDF

const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (s: string): Buffer => Buffer.concat([Buffer.from(s, 'latin1'), PASSWORD_PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]): Buffer => crypto.createHash('md5').update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Buffer): Buffer {
  const S = Array.from({ length: 256 }, (_, i) => i);
  // every index below is masked to 0..255 (S has 256 entries) or bounded by the loop
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + S[i]! + key[i % key.length]!) & 255;
    [S[i], S[j]] = [S[j]!, S[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + S[i]!) & 255;
    [S[i], S[j]] = [S[j]!, S[i]!];
    out[k] = data[k]! ^ S[(S[i]! + S[j]!) & 255]!;
  }
  return out;
}

/**
 * A PDF protected by a user password (standard security handler, revision 2, 40-bit RC4: the O and U
 * entries computed as the PDF reference describes), so a reader cannot open it without the password.
 */
export async function passwordProtectedPdf(userPassword = 'user', ownerPassword = 'owner'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]);
  const id = md5(Buffer.from('imr-test-document'));
  const O = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const P = -4;
  const p4 = Buffer.alloc(4);
  p4.writeInt32LE(P);
  const key = md5(padded(userPassword), O, p4, id).subarray(0, 5);
  const U = rc4(key, PASSWORD_PAD);
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFHexString.of(O.toString('hex')), U: PDFHexString.of(U.toString('hex')), P });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id.toString('hex')), PDFHexString.of(id.toString('hex'))]);
  return doc.save({ useObjectStreams: false });
}
