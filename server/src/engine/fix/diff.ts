import { createTwoFilesPatch, diffLines, FILE_HEADERS_ONLY } from 'diff';
import { Position } from '../model/range';
import { TextEdit } from '../rules/rule';
import { lineStartOffsets } from './apply';

/**
 * Differences between a letter and its fixed text. The line diff is jsdiff's (the `diff` package:
 * the Myers diff behind many editors and test runners, maintained for over a decade) rather than our
 * own, so patch edge cases — no newline at the end, CRLF, empty files — are someone's well-tested code.
 */

/** A unified diff (`--- a/NAME`, `+++ b/NAME`, 3 lines of context) as `diff -u` and `git apply` read it; '' when equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

/**
 * The edits that turn `before` into `after`, as few and as small as a line diff allows: each changed
 * run of lines becomes one edit, trimmed to the characters that differ (so an editor keeps the cursor
 * and markers of unchanged text). Positions are zero-based line/character, BOM excluded.
 */
export function textEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const positionAt = positionMapper(before);
  const edits: TextEdit[] = [];
  let offset = 0;
  let removed = '';
  let added = '';
  let start = 0;
  const flush = () => {
    if (removed === '' && added === '') return;
    // trim what the removed and the added text share at either end
    let p = 0;
    while (p < removed.length && p < added.length && removed[p] === added[p]) p++;
    let s = 0;
    while (s < removed.length - p && s < added.length - p && removed[removed.length - 1 - s] === added[added.length - 1 - s]) s++;
    edits.push({ range: { start: positionAt(start + p), end: positionAt(start + removed.length - s) }, newText: added.slice(p, added.length - s) });
    removed = '';
    added = '';
  };
  for (const part of diffLines(before, after)) {
    if (part.added) {
      if (removed === '' && added === '') start = offset;
      added += part.value;
    } else if (part.removed) {
      if (removed === '' && added === '') start = offset;
      removed += part.value;
      offset += part.value.length;
    } else {
      flush();
      offset += part.value.length;
    }
  }
  flush();
  return edits;
}

/** Offset in `text` → zero-based line/character (a BOM is not a character of line 0). */
function positionMapper(text: string): (offset: number) => Position {
  const starts = lineStartOffsets(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.max(0, offset - starts[lo]!) };
  };
}
