/**
 * What the standard PDF fonts can print. The 14 standard fonts are used with WinAnsi encoding
 * (Windows-1252): Latin-1 plus the typographic characters of 0x80–0x9F. Anything else is
 * transliterated (≤ → <=, Greek mu → µ, accents decomposed, …) or, as a last resort, printed as "?" —
 * a letter with an unusual character is still exported, never refused or crashed on.
 */

/** The Unicode characters WinAnsi adds in 0x80–0x9F. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const EXTRA = new Set(Array.from(WIN_ANSI_EXTRA, (c) => c.codePointAt(0) as number));

/** True when WinAnsi encodes the code point (printable ASCII, Latin-1 or one of the extras). */
export function isWinAnsi(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || EXTRA.has(cp);
}

/** Common characters outside WinAnsi and what a printed letter shows instead. */
const TRANSLITERATIONS: Record<string, string> = {
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2043': '-',
  '\u201b': "'",
  '\u2032': "'",
  '\u2033': '"',
  '\u201f': '"',
  '\u25cf': '\u2022',
  '\u25aa': '\u2022',
  '\u25e6': 'o',
  '\u2023': '>',
  '\u2713': 'x',
  '\u2714': 'x',
  '\u2717': 'x',
  '\u03bc': '\u00b5',
  '\u2103': '\u00b0C',
  '\u2109': '\u00b0F',
  '\u2116': 'No.',
  '\u2153': '1/3',
  '\u2154': '2/3',
  '\u215b': '1/8',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u3000': ' ',
  '\t': ' ',
  '\u03b1': 'alpha',
  '\u03b2': 'beta',
  '\u03b3': 'gamma',
  '\u03b4': 'delta',
  '\u0394': 'Delta',
  // letters that do not decompose into a base letter and an accent
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\u0126': 'H',
  '\u0127': 'h',
};

/** Invisible characters dropped from printed text. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** The text as the standard fonts print it: every character WinAnsi-encodable. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(INVISIBLE, '')) {
    const cp = ch.codePointAt(0) as number;
    out += cp !== 0xa0 && isWinAnsi(cp) ? ch : transliterate(ch);
  }
  return out;
}

function transliterate(ch: string): string {
  const mapped = TRANSLITERATIONS[ch];
  if (mapped !== undefined) return mapped;
  // accented letters outside Latin-1 (ł, ő, č …): the base letter
  const decomposed = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (decomposed && decomposed !== ch && Array.from(decomposed).every((c) => isWinAnsi(c.codePointAt(0) as number))) return decomposed;
  return '?';
}
