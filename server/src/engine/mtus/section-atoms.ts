/**
 * The comma- (or semicolon-) separated parts of a `Section(s):` list: what the section-list splitter joins into
 * section names, and what the topic table counts to bound it.
 */

/**
 * Whether the character at `i` separates the sections of a list: a comma, or a semicolon before a
 * capital or a number ("Initial Care; Special Studies"; no topic name has one). A semicolon before a
 * lower-case word is prose that ran into the list ("right knee pain; problems sleeping"), read as one.
 */
export function isSectionSeparatorAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 44) return true; // ,
  if (c !== 59) return false; // ;
  let k = i + 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const n = text.charCodeAt(k);
  return (n >= 65 && n <= 90) || (n >= 48 && n <= 57);
}

/** Atoms separated by isSectionSeparatorAt outside (), [] and {}, with their offsets. */
export function atoms(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && isSectionSeparatorAt(text, i)) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}
