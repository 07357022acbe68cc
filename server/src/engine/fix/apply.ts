import { Finding, TextEdit } from '../rules/rule';

/**
 * Applies the fixes of `findings` to the original text (BOM and line endings preserved). Overlapping
 * fixes are skipped (a second pass picks them up). Returns the new text and how many fixes were applied.
 */
export function applyFixes(original: string, findings: Finding[]): { text: string; applied: number } {
  const offset = createOffsetMapper(original);
  const fixes = findings.filter((f) => f.fix).map((f) => (f.fix as NonNullable<Finding['fix']>).edits);
  const accepted: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  for (const edits of fixes) {
    const spans = edits.map((e: TextEdit) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }));
    if (spans.some((s) => accepted.some((a) => s.start < a.end && a.start < s.end) || accepted.some((a) => a.start === a.end && s.start === s.end && a.start === s.start))) continue;
    accepted.push(...spans);
    applied++;
  }
  accepted.sort((a, b) => b.start - a.start);
  let text = original;
  for (const s of accepted) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return { text, applied };
}

/** Maps zero-based line/character positions (BOM excluded, any line ending) to offsets in `original`. */
export function createOffsetMapper(original: string): (p: { line: number; character: number }) => number {
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStarts = [bom];
  for (let i = bom; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 13) {
      if (original.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    } else if (c === 10) lineStarts.push(i + 1);
  }
  const lineEnd = (line: number) => {
    let e = line + 1 < lineStarts.length ? lineStarts[line + 1] : original.length;
    while (e > lineStarts[line] && (original[e - 1] === '\n' || original[e - 1] === '\r')) e--;
    return e;
  };
  const offset = (p: { line: number; character: number }) => {
    if (p.line >= lineStarts.length) return original.length;
    return Math.min(lineStarts[p.line] + p.character, p.character === 0 ? lineStarts[p.line] : lineEnd(p.line));
  };
  return offset;
}
