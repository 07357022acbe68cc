import type { DocumentStats } from '../../../shared/protocol';
import { Determination } from '../engine';

/** Decision counts for the status bar. */
export function documentStats(d: Determination, indexLabel: string): DocumentStats {
  let upheld = 0;
  let overturned = 0;
  for (const item of d.items) {
    const w = item.decision?.toLowerCase();
    if (w === 'upheld') upheld++;
    else if (w === 'overturned') overturned++;
  }
  return { upheld, overturned, items: d.items.length, index: indexLabel };
}
