import { Range } from '../model/range';
import { SourceText } from './source';

/**
 * Text joined from several source lines (a wrapped paragraph) that remembers, for every character,
 * its offset in the source — so a match in the joined text maps back to a precise source range.
 * Inserted characters (the space that replaces a line break) map to the break's position.
 */
export class JoinedText {
  constructor(
    readonly source: SourceText,
    readonly text: string,
    private readonly map: Int32Array,
  ) {}

  /** Joins source lines [from, to] (inclusive), starting at `startChar` of the first line. */
  static fromLines(source: SourceText, from: number, to: number, startChar = 0): JoinedText {
    const parts: string[] = [];
    let total = 0;
    const ranges: number[] = []; // pairs: source offset of the piece, piece length (a joining space has length -1)
    for (let line = from; line <= to; line++) {
      const raw = source.lines[line];
      let s = line === from ? startChar : 0;
      let e = raw.length;
      while (s < e && isSpace(raw.charCodeAt(s))) s++;
      while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
      if (s >= e) continue;
      const base = source.offsetAt({ line, character: 0 });
      if (parts.length > 0) {
        parts.push(' ');
        ranges.push(base + s - 1, -1);
        total++;
      }
      let piece = raw.slice(s, e);
      if (piece.includes('\t') || piece.includes('\f')) piece = piece.replace(/[\t\f]/g, ' ');
      parts.push(piece);
      ranges.push(base + s, piece.length);
      total += piece.length;
    }
    const map = new Int32Array(total);
    let k = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      const at = ranges[i];
      const len = ranges[i + 1];
      if (len < 0) map[k++] = at;
      else for (let j = 0; j < len; j++) map[k++] = at + j;
    }
    return new JoinedText(source, parts.join(''), map);
  }

  /**
   * Repairs PDF wrap artefacts: "Non- MTUS" → "Non-MTUS", "Electro- diagnostic" → "Electrodiagnostic",
   * and collapses runs of spaces. Keeps the source mapping.
   */
  repairWraps(): JoinedText {
    const t = this.text;
    if (!t.includes('- ') && !t.includes('  ')) return this;
    const out: string[] = [];
    const map: number[] = [];
    let last = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === ' ' && last === ' ') continue;
      if (c === '-' && t[i + 1] === ' ' && i > 0 && isLetter(t.charCodeAt(i - 1)) && isLetter(t.charCodeAt(i + 2))) {
        // "Non- MTUS": keep the hyphen before a capital; "Electro- diagnostic": drop it after a known stem
        const next = t[i + 2];
        if (next === next.toUpperCase() || !isDehyphenationStem(t, i)) {
          out.push('-');
          map.push(this.map[i]);
          last = '-';
        }
        i++; // skip the space
        continue;
      }
      out.push(c);
      map.push(this.map[i]);
      last = c;
    }
    return new JoinedText(this.source, out.join(''), Int32Array.from(map));
  }

  /** Source range of joined-text offsets [start, end). */
  rangeOf(start: number, end: number): Range {
    if (this.map.length === 0) {
      const p = this.source.positionAt(0);
      return { start: p, end: p };
    }
    const s = this.map[Math.min(Math.max(start, 0), this.map.length - 1)];
    const lastIdx = Math.min(Math.max(end - 1, 0), this.map.length - 1);
    const e = end > start ? this.map[lastIdx] + 1 : s;
    return this.source.rangeOf(s, e);
  }

  get fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }

  slice(start: number, end: number): JoinedText {
    return new JoinedText(this.source, this.text.slice(start, end), this.map.slice(start, end));
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 13 || c === 10 || c === 0xa0;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const STEMS = new Set(['electro', 'neuro', 'musculo', 'radio', 'physio', 'psycho', 'cardio', 'myo', 'osteo', 'arthro', 'intra', 'inter', 'extra', 'post', 'pre', 'non', 'sub', 'trans', 'anti', 'hydro', 'thermo', 'chiro', 'ortho', 'micro', 'medi', 'dia', 'ther', 'treat', 'evalu']);

function isDehyphenationStem(t: string, hyphenAt: number): boolean {
  let s = hyphenAt;
  while (s > 0 && /[A-Za-z]/.test(t[s - 1])) s--;
  return STEMS.has(t.slice(s, hyphenAt).toLowerCase());
}
