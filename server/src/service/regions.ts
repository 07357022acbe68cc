import { SectionId, STANDARD_HEADINGS } from '../engine';

/** Where a line is in a letter, judged from the text alone (works on half-typed letters). */
export type Region = 'header' | SectionId;

const HEADING_BY_TEXT = new Map<string, SectionId>(STANDARD_HEADINGS.map((h) => [h.canonical, h.id]));

function headingKey(line: string): string {
  return line.trim().replace(/\s+/g, ' ').replace(/:$/, '').toUpperCase();
}

/** The section a heading line starts (case and spacing aside), or undefined for any other line. */
export function headingOf(line: string): SectionId | undefined {
  const t = line.trim();
  if (t.length < 10 || t.length > 60) return undefined;
  return HEADING_BY_TEXT.get(headingKey(t));
}

/**
 * The region of `line`: the section of the nearest heading above it, or "header" when no heading
 * comes before it. The line itself is not looked at (it is the one being typed).
 */
export function regionAt(lines: readonly string[], line: number): Region {
  for (let l = Math.min(line, lines.length) - 1; l >= 0; l--) {
    const id = headingOf(lines[l]);
    if (id) return id;
  }
  return 'header';
}

/** Whether the letter has any standard heading at all (an empty buffer has none). */
export function hasHeadings(lines: readonly string[]): boolean {
  return lines.some((l) => headingOf(l) !== undefined);
}
