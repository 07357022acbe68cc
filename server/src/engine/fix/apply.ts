import { Finding, Fix, TextEdit } from '../rules/rule';

/**
 * The one selection of fixes that can be applied together: in the given order, a finding's fix is
 * taken unless one of its edits overlaps an edit already taken (or inserts at the same point as one).
 * A skipped fix is picked up by the next pass of the fix loop. Findings without a fix are ignored.
 */
export function selectNonOverlapping<F extends { fix?: Fix }>(original: string, findings: readonly F[]): F[] {
  const offset = createOffsetMapper(original);
  /** Accepted edits, kept sorted by start so a conflict check is a binary search. */
  const accepted: Span[] = [];
  const chosen: F[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const spans = f.fix.edits.map((e: TextEdit) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }));
    if (spans.some((s) => conflicts(accepted, s))) continue;
    for (const s of spans) accepted.splice(upperBound(accepted, s.start), 0, s);
    chosen.push(f);
  }
  return chosen;
}

/**
 * Applies the fixes of `findings` (never their suggestions) to the original text, BOM and line
 * endings preserved, in one pass. Overlapping fixes are skipped (see selectNonOverlapping). Returns
 * the new text, how many fixes were applied, and the findings whose fix was applied.
 */
export function applyFixes(original: string, findings: readonly Finding[]): { text: string; applied: number; appliedFindings: Finding[] } {
  const offset = createOffsetMapper(original);
  const chosen = selectNonOverlapping(original, findings);
  const spans: Span[] = [];
  for (const f of chosen) for (const e of (f.fix as Fix).edits) spans.push({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText });
  // chosen spans never overlap; an insertion goes before a replacement that starts where it is
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let cursor = 0;
  for (const s of spans) {
    out.push(original.slice(cursor, s.start), s.text);
    cursor = s.end;
  }
  out.push(original.slice(cursor));
  return { text: out.join(''), applied: chosen.length, appliedFindings: chosen };
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Index of the first span starting after `start`. */
function upperBound(spans: Span[], start: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `s` overlaps an accepted span, or is an insertion at the same place as one. */
function conflicts(spans: Span[], s: Span): boolean {
  const i = upperBound(spans, s.start);
  for (let j = Math.max(0, i - 1); j < spans.length; j++) {
    const a = spans[j]!;
    if (a.start > s.end) break;
    if (s.start < a.end && a.start < s.end) return true;
    if (a.start === a.end && s.start === s.end && a.start === s.start) return true;
  }
  // accepted spans never overlap, so sorted by start they are sorted by end too: only the one
  // before the insertion point can reach into s, and the loop above has checked it
  return false;
}

/** Maps zero-based line/character positions (BOM excluded, any line ending) to offsets in `original`. */
export function createOffsetMapper(original: string): (p: { line: number; character: number }) => number {
  const lineStarts = lineStartOffsets(original);
  /** End of `line` (which starts at `start`) before its line break. */
  const lineEnd = (line: number, start: number) => {
    let e = lineStarts[line + 1] ?? original.length;
    while (e > start && (original[e - 1] === '\n' || original[e - 1] === '\r')) e--;
    return e;
  };
  const offset = (p: { line: number; character: number }) => {
    const start = lineStarts[p.line];
    if (start === undefined) return original.length; // past the last line
    return Math.min(start + p.character, p.character === 0 ? start : lineEnd(p.line, start));
  };
  return offset;
}

/** Offsets where each line of `text` starts (line 0 after a BOM; CRLF, CR and LF line ends). */
export function lineStartOffsets(text: string): number[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts = [bom];
  for (let i = bom; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}
