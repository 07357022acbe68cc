/**
 * Limits on the include/exclude globs of a config. picomatch turns a glob into a regular expression
 * that backtracks: each `*` of a path segment and each `**` segment multiplies the ways a path can be
 * tried, so `**a**a**a**a**a**a**a**a**b` (eight stars in one segment) takes seconds on one 40-character
 * name and twelve take minutes; six `**` segments take seconds on a deep path. Measured with picomatch 4:
 * three stars in a segment stay under 10 ms on a 100-character name, three `**` segments under 2 ms on a
 * 60-folder path. A glob over these limits is a config error.
 */
export const MAX_GLOB_LENGTH = 1000;
/** `*` wildcards in one path segment (a run of stars counts once: `**` inside a segment is a `*`). */
export const MAX_STARS_PER_SEGMENT = 3;
/** `**` segments (any number of folders) in one glob. */
export const MAX_GLOBSTARS = 3;

/** Why `glob` is too complex to match in bounded time, or undefined. */
export function globTooComplex(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  let globstars = 0;
  for (const segment of glob.split('/')) {
    if (segment === '**') {
      globstars++;
      continue;
    }
    // escaped stars are literal; each run of stars is one wildcard
    const stars = segment.replace(/\\./g, '').match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT) return `more than ${MAX_STARS_PER_SEGMENT} "*" wildcards in one path segment ("${segment.length > 40 ? `${segment.slice(0, 40)}…` : segment}")`;
  }
  if (globstars > MAX_GLOBSTARS) return `more than ${MAX_GLOBSTARS} "**" segments`;
  return undefined;
}
