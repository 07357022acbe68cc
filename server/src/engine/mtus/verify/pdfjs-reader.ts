/**
 * PdfReader on Mozilla's PDF.js (pdfjs-dist, legacy build for Node). PDF.js runs in-process: its
 * worker module is loaded into this thread (globalThis.pdfjsWorker), so nothing is spawned or
 * downloaded; fonts are not loaded and eval is off — only the text layer is read.
 */
import { looksLikePdf, PdfInputError, PdfLine, PdfPage, PdfReader, PdfText } from './pdf-text';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL?: boolean;
}

interface PdfjsModule {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
}
interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
  getPageLabels(): Promise<string[] | null>;
  destroy(): Promise<void>;
}

let pdfjs: PdfjsModule | undefined;

/**
 * A 2-D affine DOMMatrix (a b c d e f) for Node without a canvas package: PDF.js builds a few
 * matrices when it loads and while it reads some content streams; text extraction needs no more.
 */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number> | AffineMatrix) {
    if (init instanceof AffineMatrix) this.set(init.a, init.b, init.c, init.d, init.e, init.f);
    else if (init && init.length >= 6) this.set(init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!);
  }
  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
  multiplySelf(m: AffineMatrix | ArrayLike<number>): this {
    const o = new AffineMatrix(m);
    return this.set(this.a * o.a + this.c * o.b, this.b * o.a + this.d * o.b, this.a * o.c + this.c * o.d, this.b * o.c + this.d * o.d, this.a * o.e + this.c * o.f + this.e, this.b * o.e + this.d * o.f + this.f);
  }
  preMultiplySelf(m: AffineMatrix | ArrayLike<number>): this {
    const o = new AffineMatrix(m).multiplySelf(this);
    return this.set(o.a, o.b, o.c, o.d, o.e, o.f);
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }
  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }
  multiply(m: AffineMatrix | ArrayLike<number>): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(m);
  }
  translate(x = 0, y = 0): AffineMatrix {
    return new AffineMatrix(this).translateSelf(x, y);
  }
  scale(sx = 1, sy = sx): AffineMatrix {
    return new AffineMatrix(this).scaleSelf(sx, sy);
  }
  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }
}

/** Runs `fn` with console.log/warn silenced: PDF.js warns about canvas polyfills it does not need for text (and a language server's stdout is its channel). */
function quietly<T>(fn: () => T): T {
  const { log, warn } = console;
  console.log = console.warn = () => undefined;
  try {
    return fn();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

function loadPdfjs(): PdfjsModule {
  if (pdfjs) return pdfjs;
  try {
    const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    return quietly(() => {
      if (typeof g.DOMMatrix !== 'function') {
        try {
          // the canvas package PDF.js itself would use, when installed (an optional dependency)
          const name = ['@napi-rs', 'canvas'].join('/');
          g.DOMMatrix = (require(name) as { DOMMatrix: unknown }).DOMMatrix;
        } catch {
          g.DOMMatrix = AffineMatrix;
        }
      }
      // the "fake worker" PDF.js uses in Node finds its handler here instead of importing a file
      if (!g.pdfjsWorker) g.pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');
      pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as PdfjsModule;
      return pdfjs;
    });
  } catch (e) {
    throw new PdfInputError(`cannot load the PDF reader (pdfjs-dist needs Node 20.19 or later): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

interface Run {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
  font: string;
}

/** Groups text runs into lines (same baseline within half a font size), left to right. */
function toLines(items: TextItem[]): PdfLine[] {
  const runs: Run[] = [];
  for (const it of items) {
    // the transform is the text's matrix [a b c d e f]: (c, d) the glyph height's vector, (e, f) the origin
    const t = it.transform;
    if (typeof it.str !== 'string' || !Array.isArray(t) || t.length < 6) continue;
    const x = t[4]!;
    const size = Math.hypot(t[2]!, t[3]!) || it.height || 1;
    runs.push({ text: it.str, x, y: t[5]!, end: x + (it.width || 0), size, font: it.fontName });
  }
  // the page's body style: the font and size carrying the most characters
  const weight = new Map<string, number>();
  for (const r of runs) {
    const k = `${r.font}|${Math.round(r.size * 2) / 2}`;
    weight.set(k, (weight.get(k) ?? 0) + r.text.trim().length);
  }
  let body = '';
  let best = -1;
  for (const [k, w] of weight) if (w > best) [body, best] = [k, w];
  const bodySize = Number(body.split('|')[1] ?? 0);

  const sorted = runs.filter((r) => r.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    const lead = g?.[0]; // a group is never empty
    if (g && lead && Math.abs(lead.y - r.y) <= Math.max(1, 0.5 * Math.min(lead.size, r.size))) g.push(r);
    else groups.push([r]);
  }
  const lines: PdfLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let prevEnd: number | undefined;
    for (const r of g) {
      if (prevEnd !== undefined && r.x - prevEnd > 0.15 * r.size && !/\s$/.test(text) && !/^\s/.test(r.text)) text += ' ';
      text += r.text;
      prevEnd = r.end;
    }
    text = text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const visible = g.filter((r) => r.text.trim());
    const styled = visible.length > 0 && visible.every((r) => `${r.font}|${Math.round(r.size * 2) / 2}` !== body) && visible.every((r) => r.font !== body.split('|')[0] || r.size > bodySize + 0.25);
    lines.push({ text, styled });
  }
  return lines;
}

export function createPdfjsReader(): PdfReader {
  return {
    async read(bytes: Uint8Array): Promise<PdfText> {
      if (!looksLikePdf(bytes)) throw new PdfInputError('not a PDF file (no %PDF- header)');
      const lib = loadPdfjs();
      // PDF.js takes ownership of (and detaches) the buffer it is given: pass a copy
      const task = lib.getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        useWorkerFetch: false,
        stopAtErrors: false,
        verbosity: 0,
      });
      let doc: PdfjsDocument;
      try {
        doc = await task.promise;
      } catch (e) {
        const name = (e as { name?: string }).name;
        if (name === 'PasswordException') throw new PdfInputError('the PDF is encrypted with a password; save an unprotected copy first');
        throw new PdfInputError(`not a readable PDF (${e instanceof Error ? e.message : String(e)})`);
      }
      try {
        const pages: PdfPage[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const content = await page.getTextContent();
          pages.push({ physical: n, lines: toLines(content.items as TextItem[]) });
          page.cleanup();
        }
        const labels = await doc.getPageLabels().catch(() => null);
        return labels && labels.length === pages.length ? { pages, labels } : { pages };
      } finally {
        await doc.destroy();
      }
    },
  };
}
