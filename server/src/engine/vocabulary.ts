import { HeaderFieldKey, SectionId } from './model/determination';

/**
 * The words of a determination letter, once: standard headings, header field labels and their order,
 * the labels of a disputed item's parts, decision words and citation labels. The parser, the rules, the
 * language service (completion, hover, outline) and the templates all take them from here; add a heading,
 * a decision word or a label here and every part of the tool knows it (docs/maintainers.md, recipes).
 */

// ------------------------------------------------------------------ headings

/** A standard heading of some letter layout. */
export interface HeadingSpec {
  id: SectionId;
  canonical: string;
}

/**
 * Standard headings, first the current (Dec 2016 –) layout, then the older "Format2" and 2013 spellings,
 * which are accepted as exact for the letters that use them.
 */
export const STANDARD_HEADINGS: readonly HeadingSpec[] = [
  { id: 'howMade', canonical: 'HOW THE IMR FINAL DETERMINATION WAS MADE' },
  { id: 'clinicalCaseSummary', canonical: 'CLINICAL CASE SUMMARY' },
  { id: 'issues', canonical: 'IMR ISSUES, DECISIONS AND RATIONALES' },
  { id: 'documentsReviewed', canonical: 'DOCUMENTS REVIEWED' },
  { id: 'issues', canonical: 'IMR DECISION(S) AND RATIONALE(S)' },
  { id: 'issues', canonical: 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE' },
];

/** The headings every letter must have, in this order. */
export const REQUIRED_ORDER: readonly SectionId[] = ['howMade', 'clinicalCaseSummary', 'issues'];

/** The current layout's spelling of each section's heading (the first STANDARD_HEADINGS entry of its id). */
export const CANONICAL_HEADING: Record<SectionId, string> = Object.fromEntries(
  [...STANDARD_HEADINGS].reverse().map((h) => [h.id, h.canonical]),
) as Record<SectionId, string>;

// ------------------------------------------------------------------ header

/** Header field labels as the current layout writes them (without the colon). */
export const HEADER_LABEL_TEXT: Record<HeaderFieldKey, string> = {
  caseNumber: 'Case Number',
  dateAssigned: 'Date Assigned',
  dateOfInjury: 'Date of Injury',
  decisionDate: 'Decision Date',
  urDenialDate: 'UR Denial Date',
  priority: 'Priority',
  applicationReceived: 'Application Received',
};

/** The header fields in the order the letter lists them (two-column layouts pair neighbours). */
export const HEADER_ORDER: readonly HeaderFieldKey[] = ['caseNumber', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'priority', 'applicationReceived'];

/** The header dates in the order the events happen: each must be on or after the one before. */
export const HEADER_DATE_SEQUENCE: readonly HeaderFieldKey[] = ['dateOfInjury', 'urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

// ------------------------------------------------------------------ disputed items

/** The parts of a disputed item that follow its item line, each introduced by its label. */
export type ItemFieldKind = 'claims' | 'maximus' | 'rationale';

export interface ItemFieldSpec {
  kind: ItemFieldKind;
  /** The label as letters write it, without the colon. */
  label: string;
  /** The property of the document model's Item that holds the part. */
  key: 'claimsAdministratorGuideline' | 'maximusGuideline' | 'rationale';
}

/** The item parts, in the order a letter gives them. */
export const ITEM_FIELDS: readonly ItemFieldSpec[] = [
  { kind: 'claims', label: 'Claims Administrator guideline', key: 'claimsAdministratorGuideline' },
  { kind: 'maximus', label: 'MAXIMUS guideline', key: 'maximusGuideline' },
  { kind: 'rationale', label: 'Decision rationale', key: 'rationale' },
];

/** A label as a pattern: any whitespace between its words, any case is left to the caller's flags. */
function labelPattern(label: string): string {
  return label
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/** The labels that start the three parts of a disputed item: group 1 the indent, group 2 the label. */
export const FIELD_LABEL = new RegExp(`^([\\s\\f]*)(${ITEM_FIELDS.map((f) => labelPattern(f.label)).join('|')})\\s*:`, 'i');

/** The item part a label (as matched by FIELD_LABEL, any case and spacing) introduces. */
export function itemFieldOfLabel(label: string): ItemFieldSpec | undefined {
  const wanted = label.replace(/\s+/g, ' ').toLowerCase();
  return ITEM_FIELDS.find((f) => f.label.toLowerCase() === wanted);
}

/** The issues section's opening sentence. */
export const INTRO_LINE = /^[\s\f]*The\s+Final\s+Determination\s+was\s+based\s+on\s+decisions\b/i;

// ------------------------------------------------------------------ decisions

/** The words an item's decision may be. */
export const DECISION_WORDS = ['Upheld', 'Overturned'] as const;

export type DecisionWord = (typeof DECISION_WORDS)[number];

/** Alternation of the decision words, for building patterns (`(${DECISION_PATTERN})`, flag i). */
export const DECISION_PATTERN = DECISION_WORDS.join('|');

/** The decision a rationale's conclusion calls for: Upheld keeps the denial, Overturned reverses it. */
export const DECISION_FOR_CONCLUSION: Record<'medically-necessary' | 'not-medically-necessary', DecisionWord> = {
  'medically-necessary': 'Overturned',
  'not-medically-necessary': 'Upheld',
};

/** The decision word `word` is, ignoring case, if any. */
export function decisionWord(word: string): DecisionWord | undefined {
  const w = word.toLowerCase();
  return DECISION_WORDS.find((d) => d.toLowerCase() === w);
}

// ------------------------------------------------------------------ credentials

/**
 * The expert reviewer's credentials, stated under HOW THE IMR FINAL DETERMINATION WAS MADE after
 * CREDENTIALS_INTRO: each label as written, the word that names it, what it states, and the pattern it
 * is recognised by (the label only, with the indentation before it as group 1; the value is the rest of
 * the line).
 */
export const CREDENTIAL_LABELS = {
  licensure: { label: 'State(s) of Licensure:', word: /licensure/i, what: 'licensure', pattern: /^([\s\f]*)State\s*\(s\)\s+of\s+Licensure\s*:\s*/i },
  // "fi" may come out of a PDF as the ligature U+FB01
  specialty: { label: 'Certification(s)/Specialty:', word: /specialty/i, what: 'certification or specialty', pattern: /^([\s\f]*)Certi(?:fi|\ufb01)cation\s*\(s\)\s*\/\s*Specialty\s*:\s*/i },
} as const;

/** The sentence the credentials follow. */
export const CREDENTIALS_INTRO = 'The Expert Reviewer has the following credentials:';

// ------------------------------------------------------------------ citations

/**
 * What joins two citations on one guideline line ("…, Section(s): Opioids, and MTUS …"): a comma or a
 * run of white space, then "and". A new /g pattern for each use (callers move its lastIndex). A match
 * starts at its comma or where a run of white space starts: `,?\s+and\s+` tried every character of a
 * run and rescanned the rest of the run from each (quadratic); the matches are the same.
 */
export function citationJoiners(): RegExp {
  return /(?:,|(?<!\s))\s+and\s+/g;
}

/** How letters write the labels of a citation's lists, and the forms they are recognised in. */
export const CITATION_LABELS = {
  /** `Page(s):`, also `Pages:`, `Page:`, `Page (s):`, and without the colon when the pages follow (`Page(s) 12`). */
  pages: { canonical: 'Page(s):', pattern: /\bPage\s*\(?s?\)?\s*(?::|(?=\d))/i },
  /** `Section(s):`, also `Sections:`, `Section:`, `Section (s):`. */
  sections: { canonical: 'Section(s):', pattern: /\bSection\s*\(?s?\)?\s*:/i },
} as const;

/**
 * The ACOEM book some reviewers name before the MTUS chapter they cite: "ACOEM", "ACOEM Practice
 * Guidelines, 2nd Edition (2004),", "ACOEM Chapter 12,", "ACOEM Occupational Medicine Practice Guidelines,
 * 2nd Ed., Chapter 12,". Group 1: the edition's year when written. Only the 2nd edition is the MTUS's:
 * another edition is not matched past the book's name.
 */
export const ACOEM_BOOK = /^ACOEM\b(?:\s+(?:Occupational\s+Medicine\s+)?Practice\s+Guidelines?)?(?:\s*,?\s*(?:2nd|Second)\s+Ed(?:ition\b|\.)?)?(?:\s*,?\s*\(?\s*(2004)\s*\)?)?(?:\s*,?\s*Chapter\s+\d{1,2}\b)?\s*,?\s*/i;

