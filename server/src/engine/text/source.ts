import { Position, Range } from '../model/range';

/**
 * A letter's text, normalised for parsing: BOM removed, lines split on CRLF, CR or LF.
 * Offsets index into `text`, which joins the lines with "\n"; positions are zero-based line/character.
 */
export class SourceText {
  readonly text: string;
  readonly lines: string[];
  readonly hadBom: boolean;
  /** The end-of-line sequence the original used most ("\n" when it had none). */
  readonly eol: string;
  private readonly lineStarts: number[];

  constructor(original: string) {
    this.hadBom = original.charCodeAt(0) === 0xfeff;
    const body = this.hadBom ? original.slice(1) : original;
    this.eol = detectEol(body);
    const lfOnly = this.eol === '\n' && !body.includes('\r');
    this.lines = lfOnly ? body.split('\n') : body.split(/\r\n|\r|\n/);
    // LF-only text is already the lines joined with "\n"
    this.text = lfOnly ? body : this.lines.join('\n');
    this.lineStarts = new Array<number>(this.lines.length);
    let offset = 0;
    let i = 0;
    for (const line of this.lines) {
      this.lineStarts[i++] = offset;
      offset += line.length + 1;
    }
  }

  get lineCount(): number {
    return this.lines.length;
  }

  offsetAt(p: Position): number {
    // clamped to [0, lines.length - 1]: there is always a line (splitting "" gives [""])
    const line = Math.min(Math.max(p.line, 0), this.lines.length - 1);
    const ch = Math.min(Math.max(p.character, 0), this.lines[line]!.length);
    return this.lineStarts[line]! + ch;
  }

  /** Offset of the start of line `line` (a line of the text). */
  lineStart(line: number): number {
    return this.lineStarts[line]!;
  }

  positionAt(offset: number): Position {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    const line = this.lineOf(o);
    return { line, character: o - this.lineStarts[line]! };
  }

  /** The line that holds offset `o` (in [0, text.length]): the last line starting at or before it. */
  private lineOf(o: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    // lo and mid stay within [0, lineStarts.length - 1], and there is always a line
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    const s = Math.min(Math.max(startOffset, 0), this.text.length);
    const e = Math.min(Math.max(endOffset, 0), this.text.length);
    const startLine = this.lineOf(s);
    // most ranges end on the line they start on: no second search then
    const next = startLine + 1;
    const sameLine = e >= this.lineStarts[startLine]! && (next === this.lineStarts.length || e < this.lineStarts[next]!);
    const endLine = sameLine ? startLine : this.lineOf(e);
    return {
      start: { line: startLine, character: s - this.lineStarts[startLine]! },
      end: { line: endLine, character: e - this.lineStarts[endLine]! },
    };
  }

  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lines[line]?.length ?? 0 } };
  }

  /** The range of the line's text without leading/trailing whitespace (and form feeds). */
  trimmedLineRange(line: number): Range {
    const s = this.lines[line] ?? '';
    // trimStart/trimEnd remove exactly what \s matches (\f included), without a backtracking `\s+$`
    const start = s.length - s.trimStart().length;
    const end = s.trimEnd().length;
    return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
  }

  getText(r: Range): string {
    return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
  }
}

function detectEol(s: string): string {
  if (!s.includes('\r')) return '\n';
  const crlf = (s.match(/\r\n/g) ?? []).length;
  const lf = (s.match(/(^|[^\r])\n/g) ?? []).length;
  const cr = (s.match(/\r(?!\n)/g) ?? []).length;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** True when the text looks binary (NUL bytes or many control characters) and should not be parsed as a letter. */
export function looksBinary(s: string): boolean {
  const sample = s.slice(0, 4096);
  if (!/[\u0000-\u0008\u000b\u000e-\u001f]/.test(sample)) return false;
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
