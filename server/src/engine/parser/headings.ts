import { levenshtein } from '../text/distance';
import { HeadingSpec, STANDARD_HEADINGS } from '../vocabulary';

export interface HeadingMatch {
  spec: HeadingSpec;
  exact: boolean;
}

const MAX_LEN = Math.max(...STANDARD_HEADINGS.map((h) => h.canonical.length)) + 8;

/**
 * Classifies a trimmed line as a standard heading (exact), a near miss of one (case, punctuation or a
 * small misspelling), or nothing. Cheap for prose lines: length and letter-case filters run first.
 */
/** First letters of the standard headings (a near miss keeps its first or its last letters). */
const FIRST = new Set(STANDARD_HEADINGS.map((h) => h.canonical[0]));
const LAST3 = new Set(STANDARD_HEADINGS.map((h) => h.canonical.slice(-3)));

export function matchHeading(trimmed: string): HeadingMatch | undefined {
  if (trimmed.length < 10 || trimmed.length > MAX_LEN) return undefined;
  if (!FIRST.has(trimmed.charAt(0).toUpperCase()) && !LAST3.has(trimmed.slice(-3).toUpperCase())) return undefined;
  for (const spec of STANDARD_HEADINGS) {
    if (trimmed === spec.canonical) return { spec, exact: true };
  }
  const collapsed = trimmed.replace(/\s+/g, ' ');
  // Prose sentences are not headings: they end with a period or have many lowercase words after a capital.
  if (/[.;]$/.test(collapsed)) return undefined;
  const upper = collapsed.toUpperCase().replace(/[:\s]+$/, '');
  let best: HeadingMatch | undefined;
  let bestDistance = Infinity;
  for (const spec of STANDARD_HEADINGS) {
    if (Math.abs(upper.length - spec.canonical.length) > 4) continue;
    // a near miss keeps the start or the end of the heading
    if (upper.slice(0, 3) !== spec.canonical.slice(0, 3) && upper.slice(-3) !== spec.canonical.slice(-3)) continue;
    const limit = Math.max(1, Math.floor(spec.canonical.length * 0.12));
    const d = levenshtein(upper, spec.canonical, limit);
    if (d <= limit && d < bestDistance) {
      bestDistance = d;
      best = { spec, exact: false };
    }
  }
  return best;
}
