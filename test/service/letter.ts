/**
 * Shared bits of the language-service tests: the invented letters of test/fixtures/letters, parsed
 * against the real bundled index, and positions found by the text they point at.
 */
import { Determination, MtusIndex, parseLetter } from '../../server/src/engine';
import { Position, Range } from '../../server/src/service/lsp-types';
import { splitLines } from '../../server/src/service/text';
import { bundledIndex, fixture } from '../helpers/engine';

export const CLEAN_2016 = fixture('letters/clean-2016.imr');
export const CLEAN_2009 = fixture('letters/clean-2009-pages.imr');

let cached: MtusIndex | undefined;
export function index(): MtusIndex {
  cached ??= bundledIndex();
  return cached;
}

export function parse(text: string): Determination {
  return parseLetter(text, index());
}

/** Position of `needle` in `text` (its first occurrence after `after`, if given), plus `delta` characters. */
export function at(text: string, needle: string, delta = 0, after?: string): Position {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`not in the text: ${after}`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`not in the text: ${needle}`);
  const lines = splitLines(text.slice(0, offset + delta));
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

/** The text a range covers (single- or multi-line). */
export function textOf(text: string, r: Range): string {
  const lines = splitLines(text);
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const parts = [(lines[r.start.line] ?? '').slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), (lines[r.end.line] ?? '').slice(0, r.end.character)];
  return parts.join('\n');
}

/** "line:char-line:char", zero-based, for exact range assertions that read well. */
export function span(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function lineOf(text: string, needle: string): number {
  return at(text, needle).line;
}

/** A text with one "|" marking the cursor: the text without it, its lines and the cursor position. */
export function cursor(marked: string): { text: string; lines: string[]; position: Position } {
  const i = marked.indexOf('|');
  if (i < 0 || marked.indexOf('|', i + 1) >= 0) throw new Error('mark the cursor with exactly one "|"');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = splitLines(marked.slice(0, i));
  return { text, lines: splitLines(text), position: { line: before.length - 1, character: (before[before.length - 1] ?? '').length } };
}
