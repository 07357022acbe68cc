import { LabelIssue } from '../model/determination';
import { levenshtein } from '../text/distance';
import { leadingSpaceEnd } from '../text/spaces';
import { ITEM_FIELDS } from '../vocabulary';

/**
 * Field labels written with a small mistake: a misspelling ("Decison rationale:", "MAXIMUS guidline:",
 * "Date of Injyry:") or no colon ("Date of Injury 03/02/2015"). The parser reads such a label as the
 * field it means — so one mistake gives one finding (field-label), not a cascade of missing fields —
 * and records the mistake on the field.
 */
export type { LabelIssue } from '../model/determination';

/** The labels of a disputed item's three parts, as letters write them (from the letter vocabulary). */
export const ITEM_FIELD_LABELS: readonly string[] = ITEM_FIELDS.map((f) => f.label);

/** Edits allowed between a written label and the one it means: one for short labels, two for longer ones. */
function allowed(label: string): number {
  return label.length <= 10 ? 1 : 2;
}

/**
 * The label among `labels` that `written` (words as written, without the colon) misspells, when exactly
 * one is near enough. Case and spacing alone are not misspellings. Cheap: length and first letter
 * filter before the bounded edit distance.
 */
export function nearestLabel(written: string, labels: readonly string[]): string | undefined {
  const w = written.replace(/\s+/g, ' ').trim().toLowerCase();
  if (w.length < 4) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const label of labels) {
    const l = label.toLowerCase();
    const limit = allowed(l);
    if (Math.abs(l.length - w.length) > limit) continue;
    if (l[0] !== w[0] && l.slice(-3) !== w.slice(-3)) continue;
    const d = levenshtein(w, l, limit);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = label;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** An item field label at the start of a line, exact or with a mistake. */
export interface ItemLabelMatch {
  /** Offset where the label starts (after indentation and form feeds). */
  start: number;
  /** Offset after the label's words. */
  end: number;
  /** Offset where the field's text starts (after the colon and spaces). */
  bodyStart: number;
  /** The label it means (one of ITEM_FIELD_LABELS). */
  canonical: string;
  /** The label as written, words only. */
  written: string;
  issue?: LabelIssue;
}

const EXACT = /^([\s\f]*)(Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)(\s*:\s*)/i;
/** Without the colon: the exact words, then the field's text starting with a capital. */
const NO_COLON = /^([\s\f]*)(Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)(\s+)(?=[A-Z])/;
/** Two or three words and a colon at the start of a line. */
const WORDS_COLON = /^([\s\f]*)([A-Za-z]+(?:[ \t]+[A-Za-z]+){1,2})([ \t]*:[ \t]*)/;

/** The label it means, for exact words in any case and spacing (they match one of ITEM_FIELD_LABELS). */
function canonicalOf(written: string): string {
  return LABEL_OF_LOWER.get(written) ?? (LABEL_OF_LOWER.get(written.replace(/\s+/g, ' ').toLowerCase()) as string);
}

/** Each label by its lower case (and by itself: a label written as the vocabulary writes it needs no lower-casing). */
const LABEL_OF_LOWER: ReadonlyMap<string, string> = new Map(ITEM_FIELD_LABELS.flatMap((l) => [[l.toLowerCase(), l] as const, [l, l] as const]));

/**
 * The first two letters of each label, lower case, two codes in one: EXACT and NO_COLON match only
 * after white space and these (the labels' first words have two letters or more).
 */
const EXACT_STARTS: ReadonlySet<number> = new Set(ITEM_FIELD_LABELS.map((l) => (l.toLowerCase().charCodeAt(0) << 8) | l.toLowerCase().charCodeAt(1)));

// (the three patterns' groups take part in every match: indentation, label words, what follows them)
export function matchItemLabel(line: string): ItemLabelMatch | undefined {
  // cheap tests before the patterns: the exact words start with the labels' first two letters, and
  // WORDS_COLON needs a letter and a colon — most lines of a letter are prose without one
  const lead = leadingSpaceEnd(line);
  if (lead + 1 < line.length && EXACT_STARTS.has(((line.charCodeAt(lead) | 0x20) << 8) | (line.charCodeAt(lead + 1) | 0x20))) {
    const exact = EXACT.exec(line);
    if (exact) {
      const indent = exact[1]!.length;
      const written = exact[2]!;
      return { start: indent, end: indent + written.length, bodyStart: exact[0].length, canonical: canonicalOf(written), written };
    }
    const bare = NO_COLON.exec(line);
    if (bare) {
      const indent = bare[1]!.length;
      const written = bare[2]!;
      return { start: indent, end: indent + written.length, bodyStart: bare[0].length, canonical: canonicalOf(written), written, issue: 'no-colon' };
    }
  }
  const first = lead < line.length ? line.charCodeAt(lead) | 0x20 : 0;
  if (first < 0x61 || first > 0x7a || line.indexOf(':', lead) < 0) return undefined;
  const words = WORDS_COLON.exec(line);
  if (words) {
    const written = words[2]!;
    const canonical = nearestLabel(written, ITEM_FIELD_LABELS);
    // "…: Upheld" is an item line, never a label
    if (canonical && !/^\s*(Upheld|Overturned)\b/i.test(line.slice(words[0].length))) {
      const indent = words[1]!.length;
      return { start: indent, end: indent + written.length, bodyStart: words[0].length, canonical, written, issue: 'misspelled' };
    }
  }
  return undefined;
}
