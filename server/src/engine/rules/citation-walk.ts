import { Citation, Determination, GuidelineLine, Item } from '../model/determination';

export interface CitationVisit {
  item: Item;
  line: GuidelineLine;
  citation: Citation;
}

/** Every MTUS citation of every guideline line, in letter order. */
export function* citations(det: Determination): Generator<CitationVisit> {
  for (const item of det.items) {
    for (const line of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      if (!line) continue;
      for (const citation of line.citations) yield { item, line, citation };
    }
  }
}
