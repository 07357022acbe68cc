import { Position, Range } from './lsp-types';

/** Splits text into lines the way LSP counts them (CRLF, CR or LF). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Leading whitespace of a line (spaces, tabs, form feeds). */
export function indentOf(line: string): string {
  return /^[\s\f]*/.exec(line)?.[0] ?? '';
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Whether `p` is inside `r` (both ends inclusive, so a cursor right after a word still hits it). */
export function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
