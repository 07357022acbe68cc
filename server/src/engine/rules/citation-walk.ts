import { Citation, Determination, GuidelineLine, Item } from '../model/determination';

export interface CitationVisit {
  item: Item;
  line: GuidelineLine;
  citation: Citation;
}

/** Every MTUS citation of every guideline line, in letter order (an array: cheaper to walk than a generator's resumes). */
export function citations(det: Determination): CitationVisit[] {
  const out: CitationVisit[] = [];
  for (const item of det.items) {
    addCitations(out, item, item.claimsAdministratorGuideline);
    addCitations(out, item, item.maximusGuideline);
  }
  return out;
}

function addCitations(out: CitationVisit[], item: Item, line: GuidelineLine | undefined): void {
  if (!line) return;
  for (const citation of line.citations) out.push({ item, line, citation });
}
