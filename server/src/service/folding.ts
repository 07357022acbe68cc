import { FoldingRange, FoldingRangeKind } from './lsp-types';
import { Determination, Range } from '../engine';

export const MAX_FOLDING_RANGES = 5000;

/** Folds the header block, each section (heading to its last line) and each item (and its multi-line parts). */
export function getFoldingRanges(d: Determination, lines: readonly string[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: Range, kind?: string) => {
    let end = Math.min(r.end.line, lines.length - 1);
    while (end > r.start.line && !(lines[end] ?? '').trim()) end--;
    if (end > r.start.line && out.length < MAX_FOLDING_RANGES) out.push({ startLine: r.start.line, endLine: end, ...(kind ? { kind } : {}) });
  };
  if (d.header.layout !== 'none') add(d.header.range, FoldingRangeKind.Region);
  for (const s of d.sections) add({ start: s.headingRange.start, end: s.range.end });
  for (const item of d.items) {
    add(item.range);
    if (item.claimsAdministratorGuideline) add(item.claimsAdministratorGuideline.range);
    if (item.maximusGuideline) add(item.maximusGuideline.range);
    if (item.rationale) add(item.rationale.range);
  }
  return out;
}
