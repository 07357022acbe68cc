import * as path from 'path';

export type ExportFormat = 'pdf' | 'txt';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'txt'];

/** The format an output file name asks for (".pdf" → pdf, ".txt" → txt), if any. */
export function formatFromPath(file: string): ExportFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.pdf' ? 'pdf' : ext === '.txt' ? 'txt' : undefined;
}

/**
 * Where an export goes when no output is named: next to the letter, with the letter's name less its
 * `.imr`, `.imr.txt` or `.txt` extension — `case.imr` → `case.pdf` / `case.txt`. A text export never
 * replaces the letter itself: `case.txt` exports to `case.export.txt`.
 */
export function defaultExportPath(letter: string, format: ExportFormat): string {
  const dir = path.dirname(letter);
  const name = path.basename(letter);
  const base = name.replace(/(\.imr\.txt|\.imr|\.txt)$/i, '') || name;
  const target = path.join(dir, `${base}.${format}`);
  return path.resolve(target) === path.resolve(letter) ? path.join(dir, `${base}.export.${format}`) : target;
}
