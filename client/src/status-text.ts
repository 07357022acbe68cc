import type { DocumentStats } from './protocol';

/** Status bar text and tooltip for the active letter's `imr/documentStats`. */
export function formatStats(stats: DocumentStats): { text: string; tooltip: string } {
  const index = stats.index || 'MTUS index';
  const short = index.length > 40 ? `${index.slice(0, 39)}…` : index;
  const text = `$(law) ${short} · Upheld ${stats.upheld} · Overturned ${stats.overturned}`;
  const undecided = stats.items - stats.upheld - stats.overturned;
  const tooltip =
    `IMR letter: ${stats.items} disputed item(s) — ${stats.upheld} upheld, ${stats.overturned} overturned` +
    `${undecided > 0 ? `, ${undecided} without a decision` : ''}.\n` +
    `MTUS index: ${index}\nClick to insert an MTUS citation.`;
  return { text, tooltip };
}
