import { FIELD_LABEL, INTRO_LINE, ItemFieldKind, itemFieldOfLabel } from '../engine';
import { Position } from './lsp-types';

export { FIELD_LABEL };
export const INTRO = INTRO_LINE;

export type FieldKind = ItemFieldKind;

/** The item part whose label starts `line`, if any. */
export function fieldKindOf(line: string): FieldKind | undefined {
  const m = FIELD_LABEL.exec(line);
  return m ? itemFieldOfLabel(m[2] ?? '')?.kind : undefined;
}

/**
 * The paragraph that ends at the cursor, joined into one string (line breaks read as spaces): it
 * starts after a blank line or at a line with a field label, at most `maxLines` lines up.
 * `cursorLineStart` is where the cursor's line begins in `text`, so an offset `o` in `text` is
 * character `o - cursorLineStart` of the cursor's line.
 */
export interface ParagraphBefore {
  text: string;
  firstLine: number;
  cursorLineStart: number;
}

export function paragraphBefore(lines: readonly string[], position: Position, maxLines = 8): ParagraphBefore {
  const current = (lines[position.line] ?? '').slice(0, position.character);
  let first = position.line;
  if (!FIELD_LABEL.test(current)) {
    while (first > 0 && position.line - first < maxLines) {
      const prev = lines[first - 1] ?? '';
      if (!prev.trim()) break;
      first--;
      if (FIELD_LABEL.test(prev)) break;
    }
  }
  const parts: string[] = [];
  for (let l = first; l < position.line; l++) parts.push((lines[l] ?? '').trim());
  const head = parts.length > 0 ? parts.join(' ') + ' ' : '';
  return { text: head + current, firstLine: first, cursorLineStart: head.length };
}
