import { matchHeading, SectionId } from '../engine';

/** Where a line is in a letter, judged from the text alone (works on half-typed letters). */
export type Region = 'header' | SectionId;

/** The section a heading line starts (as the parser sees it, near misses included), or undefined. */
export function headingOf(line: string): SectionId | undefined {
  const t = line.trim();
  return t.length <= 60 ? matchHeading(t)?.spec.id : undefined;
}

/**
 * The region of `line`: the section of the nearest heading above it, or "header" when no heading
 * comes before it. The line itself is not looked at (it is the one being typed).
 */
export function regionAt(lines: readonly string[], line: number): Region {
  for (let l = Math.min(line, lines.length) - 1; l >= 0; l--) {
    const id = headingOf(lines[l]!);
    if (id) return id;
  }
  return 'header';
}
