import { Range } from '../model/range';
import { SourceText } from './source';

/**
 * A piece of joined text: `length` characters starting at `at` in the joined text that come from
 * source offset `src` onward — or, for a synthetic piece (the space that replaces a line break),
 * that all map to `src`.
 */
interface Piece {
  at: number;
  src: number;
  length: number;
  synthetic: boolean;
}

/**
 * Text joined from several source lines (a wrapped paragraph) that remembers where each character
 * came from — so a match in the joined text maps back to a precise source range. Inserted characters
 * (the space that replaces a line break) map to the break's position. Kept as a piece table: cheap
 * to build, a binary search to map.
 */
export class JoinedText {
  private constructor(
    readonly source: SourceText,
    readonly text: string,
    private readonly pieces: readonly Piece[],
  ) {}

  /** Joins source lines [from, to] (inclusive), starting at `startChar` of the first line; `skip` leaves lines out (page furniture). */
  static fromLines(source: SourceText, from: number, to: number, startChar = 0, skip?: (line: number) => boolean): JoinedText {
    let text = '';
    const pieces: Piece[] = [];
    let total = 0;
    for (let line = from; line <= to; line++) {
      if (skip && line !== from && skip(line)) continue;
      const raw = source.lines[line];
      if (raw === undefined) break; // past the last line: nothing more to join
      let s = line === from ? startChar : 0;
      let e = raw.length;
      while (s < e && isSpace(raw.charCodeAt(s))) s++;
      while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
      if (s >= e) continue;
      const base = source.lineStart(line);
      if (total > 0) {
        text += ' ';
        pieces.push({ at: total, src: base + s - 1, length: 1, synthetic: true });
        total++;
      }
      text += raw.slice(s, e);
      pieces.push({ at: total, src: base + s, length: e - s, synthetic: false });
      total += e - s;
    }
    // tabs and form feeds read as spaces: one character for one, so the pieces stay as they are (one
    // search of the joined text instead of two of every line)
    if (text.includes('\t') || text.includes('\f')) text = text.replace(/[\t\f]/g, ' ');
    return new JoinedText(source, text, pieces);
  }

  /**
   * Repairs PDF wrap artefacts: "Non- MTUS" → "Non-MTUS", "Electro- diagnostic" → "Electrodiagnostic",
   * and collapses runs of white space to their first character. Keeps the source mapping.
   *
   * Every run is collapsed, not only runs of spaces: the field parsers' patterns have white space
   * quantifiers side by side (`\s*,?\s*`, `\s*-?\s*`, `\s+Guidelines?$`), each of which backtracks
   * quadratically over a long run of white space (" \u00a0" repeated 50,000 times after
   * "Decision based on Non" took 5 s, after "Page" 18 s). With no two white space characters side by
   * side in a field's text, no such pattern backtracks over more than one.
   */
  repairWraps(): JoinedText {
    const t = this.text;
    if (!t.includes('- ') && !DOUBLE_SPACE.test(t)) return this;
    // every place that drops characters: [start, end) of the joined text to remove
    const drops: [number, number][] = [];
    const re = /([A-Za-z])(-) ([A-Za-z])|\s{2,}/g;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const next = m[3]; // the letter after "- ": set when the first alternative matched
      if (next !== undefined) {
        const hyphen = m.index + 1;
        // "Non- MTUS": keep the hyphen before a capital; "Electro- diagnostic": drop it after a known stem
        if (next === next.toUpperCase() || !isDehyphenationStem(t, hyphen)) drops.push([hyphen + 1, hyphen + 2]);
        else drops.push([hyphen, hyphen + 2]);
        re.lastIndex = hyphen + 2;
      } else {
        drops.push([m.index + 1, m.index + m[0].length]);
      }
    }
    if (drops.length === 0) return this;
    const parts: string[] = [];
    const pieces: Piece[] = [];
    const from = this.pieces;
    let total = 0;
    let cursor = 0;
    let pi = 0;
    /** Keeps joined offsets [start, end): its text, and the pieces covering it trimmed to it. */
    const keep = (start: number, end: number) => {
      if (end <= start) return;
      parts.push(t.slice(start, end));
      // kept ranges go forward, so does the piece that contains `start` (no binary search per range)
      while (pi + 1 < from.length && from[pi + 1]!.at <= start) pi++;
      for (let i = pi; i < from.length; i++) {
        const p = from[i]!;
        if (p.at >= end) break;
        const s = Math.max(start, p.at);
        const e = Math.min(end, p.at + p.length);
        if (e <= s) continue;
        pieces.push({ at: total, src: p.synthetic ? p.src : p.src + (s - p.at), length: e - s, synthetic: p.synthetic });
        total += e - s;
      }
    };
    for (const [s, e] of drops) {
      keep(cursor, s);
      cursor = e;
    }
    keep(cursor, t.length);
    return new JoinedText(this.source, parts.join(''), pieces);
  }

  /**
   * Index of the piece that contains joined offset `offset` (the last one for offsets past the end; 0
   * when there are none), searched from piece `from` on (one that starts at or before `offset`).
   */
  private pieceIndex(offset: number, from: number): number {
    let lo = from;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1; // in (lo, hi]: a piece
      if (this.pieces[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset of joined offset `offset`, in piece `index` (the piece that holds it). */
  private sourceOffset(offset: number, index: number): number {
    const p = this.pieces[index]!;
    return p.synthetic ? p.src : p.src + Math.min(offset - p.at, p.length - 1);
  }

  /** Source range of joined-text offsets [start, end). */
  rangeOf(start: number, end: number): Range {
    if (this.pieces.length === 0 || this.text.length === 0) {
      const p = this.source.positionAt(0);
      return { start: p, end: p };
    }
    const last = this.text.length - 1;
    const first = Math.min(Math.max(start, 0), last);
    const firstPiece = this.pieceIndex(first, 0);
    const s = this.sourceOffset(first, firstPiece);
    if (end <= start) return this.source.rangeOf(s, s);
    const final = Math.min(Math.max(end - 1, 0), last);
    // the end's piece is the start's or one after it: search from there when the end is not before the start
    const e = this.sourceOffset(final, this.pieceIndex(final, final >= first ? firstPiece : 0)) + 1;
    return this.source.rangeOf(s, e);
  }

  get fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }
}

/** Two white space characters side by side (what repairWraps collapses). */
const DOUBLE_SPACE = /\s\s/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 13 || c === 10 || c === 0xa0;
}

const STEMS = new Set(['electro', 'neuro', 'musculo', 'radio', 'physio', 'psycho', 'cardio', 'myo', 'osteo', 'arthro', 'intra', 'inter', 'extra', 'post', 'pre', 'non', 'sub', 'trans', 'anti', 'hydro', 'thermo', 'chiro', 'ortho', 'micro', 'medi', 'dia', 'ther', 'treat', 'evalu']);

function isDehyphenationStem(t: string, hyphenAt: number): boolean {
  let s = hyphenAt;
  while (s > 0 && /[A-Za-z]/.test(t.charAt(s - 1))) s--;
  return STEMS.has(t.slice(s, hyphenAt).toLowerCase());
}
