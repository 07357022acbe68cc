import { spawnSync } from 'child_process';

/**
 * A minimal PDF writer for tests: each form feed starts a page, each line is drawn in Courier 9 pt at
 * its column, and runs of three or more spaces split a line into separately placed pieces (as a
 * two-column header is in a real letter's PDF). Enough for `pdftotext` to extract the text the way it
 * extracts real letters, with and without -layout.
 */
export function textToPdf(text: string): Buffer {
  const pages = text.replace(/\r\n?/g, '\n').split('\f');
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>');
  const pagesId = add('');
  const kids: number[] = [];
  for (const page of pages) {
    const lines = page.split('\n');
    const ops: string[] = ['BT', `/F1 9 Tf`];
    lines.forEach((line, i) => {
      const y = 770 - i * 11;
      for (const m of line.matchAll(/\S+(?: {1,2}\S+)*/g)) {
        const x = 36 + (m.index ?? 0) * 5.4;
        const s = m[0].replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, '\\$&');
        ops.push(`1 0 0 1 ${x.toFixed(1)} ${y} Tm (${s}) Tj`);
      }
    });
    ops.push('ET');
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** `pdftotext` of a PDF through pipes (no files), with or without -layout; undefined when pdftotext is absent. */
export function pdftotext(pdf: Buffer, layout: boolean): string | undefined {
  const r = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 1 << 26 });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.toString('utf8');
}
