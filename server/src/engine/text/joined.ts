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
    const offsets: number[] = [];
    for (let line = from; line <= to; line++) {
      const raw = source.lines[line];
      const base = source.offsetAt({ line, character: 0 });
      let s = line === from ? startChar : 0;
      let e = raw.length;
      while (s < e && /[\s\f]/.test(raw[s])) s++;
      while (e > s && /\s/.test(raw[e - 1])) e--;
      if (s >= e) continue;
      if (parts.length > 0) {
        parts.push(' ');
        offsets.push(base + s - 1 >= base ? base + s - 1 : base);
      }
      for (let i = s; i < e; i++) {
        parts.push(raw[i] === '\t' || raw[i] === '\f' ? ' ' : raw[i]);
        offsets.push(base + i);
      }
    }
    return new JoinedText(source, parts.join(''), Int32Array.from(offsets));
  }

  /**
   * Repairs PDF wrap artefacts: "Non- MTUS" → "Non-MTUS", "Electro- diagnostic" → "Electrodiagnostic",
   * and collapses runs of spaces. Keeps the source mapping.
   */
  repairWraps(): JoinedText {
    const out: string[] = [];
    const map: number[] = [];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === ' ' && out.length > 0 && out[out.length - 1] === ' ') continue;
      if (c === '-' && t[i + 1] === ' ' && i > 0 && /[A-Za-z]/.test(t[i - 1]) && /[A-Za-z]/.test(t[i + 2] ?? '')) {
        // "Non- MTUS": keep the hyphen before a capital; "Electro- diagnostic": drop it before lowercase
        // only when the fragment before is a known prefix-like stem (no vowel-final word check needed here).
        const next = t[i + 2];
        if (next === next.toUpperCase() || !isDehyphenationStem(t, i)) {
          out.push('-');
          map.push(this.map[i]);
        }
        i++; // skip the space
        continue;
      }
      out.push(c);
      map.push(this.map[i]);
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

const STEMS = new Set(['electro', 'neuro', 'musculo', 'radio', 'physio', 'psycho', 'cardio', 'myo', 'osteo', 'arthro', 'intra', 'inter', 'extra', 'post', 'pre', 'non', 'sub', 'trans', 'anti', 'hydro', 'thermo', 'chiro', 'ortho', 'micro', 'medi', 'dia', 'ther', 'treat', 'evalu']);

function isDehyphenationStem(t: string, hyphenAt: number): boolean {
  let s = hyphenAt;
  while (s > 0 && /[A-Za-z]/.test(t[s - 1])) s--;
  return STEMS.has(t.slice(s, hyphenAt).toLowerCase());
}
