import { Range } from './range';

/** A field label read despite a mistake: misspelled ("Decison rationale:") or without its colon. */
export type LabelIssue = 'misspelled' | 'no-colon';

/**
 * The structured determination: what a letter says, with the source range of every node.
 * `toJson` (model/json.ts) turns it into the plain JSON that `imr parse --json` prints and that
 * schemas/determination.schema.json validates.
 */

export type HeaderFieldKey =
  | 'caseNumber'
  | 'dateAssigned'
  | 'dateOfInjury'
  | 'decisionDate'
  | 'urDenialDate'
  | 'priority'
  | 'applicationReceived';

export interface HeaderField {
  key: HeaderFieldKey;
  /** The label as written ("UR Denial Date"). */
  label: string;
  /** The value as written, trimmed; "" when the label has no value. */
  value: string;
  labelRange: Range;
  /** Range of the value; for an empty value, the position right after the label. */
  valueRange: Range;
  /** The label is misspelled or has no colon (and was read as this field). */
  labelIssue?: LabelIssue;
}

export interface Header {
  range: Range;
  /** "two-column", "one-per-line" or "labels-then-values" (plain pdftotext). */
  layout: 'two-column' | 'one-per-line' | 'labels-then-values' | 'none';
  fields: Partial<Record<HeaderFieldKey, HeaderField>>;
}

export type SectionId =
  | 'howMade'
  | 'documentsReviewed'
  | 'clinicalCaseSummary'
  | 'issues';

export interface Section {
  /** Which standard section this is, or undefined for an unrecognised heading-like line. */
  id: SectionId;
  /** The heading as written, trimmed. */
  heading: string;
  /** The canonical spelling for this layout. */
  canonical: string;
  /** True when the heading matches the canonical one exactly (spacing aside). */
  exact: boolean;
  headingRange: Range;
  /** From the heading to the line before the next heading (or the end). */
  range: Range;
}

export interface Credentials {
  licensure?: { value: string; range: Range };
  specialty?: { value: string; range: Range };
}

export interface PageRef {
  from: number;
  to: number;
  /** The text as written ("98-99", "98 and 99", "p. 98"). */
  text: string;
  range: Range;
}

export interface SectionRef {
  /** The section/topic as written (wrap artefacts repaired). */
  name: string;
  range: Range;
  /** Opioid guideline numbering ("3.3.6") when present. */
  number?: string;
  numberRange?: Range;
  /** "Initiating and Monitoring Chronic Opioid Treatment" in "3.3.6 <part>: <title>". */
  part?: string;
  /** "Use of Urine Drug Testing (UDT)" in "3.3.6 <part>: <title>". */
  title?: string;
}

export interface Citation {
  /** The whole citation text ("Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment"). */
  text: string;
  range: Range;
  /** Guideline name as written, without year ("Chronic Pain Medical Treatment"). */
  guideline: string;
  guidelineRange: Range;
  year?: number;
  /** Index id of the guideline, when the index knows it. */
  guidelineId?: string;
  /** `Section(s):` entries. */
  sections: SectionRef[];
  /** Page-style topic ("Physical Medicine" in "… Physical Medicine Page(s): 98-99"). */
  topic?: { name: string; range: Range };
  /** `Page(s):` list. */
  pages: PageRef[];
}

export interface NonMtusCitation {
  text: string;
  range: Range;
}

export type GuidelineKind = 'mtus' | 'mtus+non-mtus' | 'non-mtus' | 'no-evidence' | 'other';

export interface GuidelineLine {
  /** "Claims Administrator guideline" or "MAXIMUS guideline" as written. */
  label: string;
  text: string;
  range: Range;
  labelRange: Range;
  kind: GuidelineKind;
  citations: Citation[];
  nonMtus: NonMtusCitation[];
  /** The label is misspelled or has no colon (and was read as this field). */
  labelIssue?: LabelIssue;
}

/** What the rationale concludes about the item; `unclear` when it states no verdict or the reader cannot tell which. */
export type Conclusion = 'medically-necessary' | 'not-medically-necessary' | 'unclear';

export interface RationalePageRef extends PageRef {
  /** ACOEM chapter named just before ("Chapter 12", "Table 12-8"). */
  chapter?: number;
  /** "Table 12-8" when named. */
  table?: string;
  /** Guideline named in the same sentence ("Chronic Pain Medical Treatment Guidelines"), with year when given. */
  guideline?: string;
  year?: number;
  /** Topic named near the page ("under Home health care services Section"). */
  topic?: string;
  /**
   * The page belongs to something other than an MTUS guideline: a source outside the MTUS (ACOEM 3rd
   * edition, ODG) or a document of the case (a report, note, questionnaire, a dated document).
   */
  outsideMtus?: boolean;
  /** One of several pages of a list ("pages 98, 104"): each is its own reference. */
  inList?: boolean;
  /** The sentence around the page, and the page's offset in it (for topic names near the page). */
  sentence: string;
  sentenceOffset: number;
}

export interface Rationale {
  text: string;
  range: Range;
  labelRange: Range;
  /** The rationale's verdict on the item (engine/verdict/reader.ts). */
  conclusion?: Conclusion;
  /** The phrase that states it (for `unclear`, the strongest competing phrase, if any). */
  conclusionRange?: Range;
  pageRefs: RationalePageRef[];
  /** The label is misspelled or has no colon (and was read as this field). */
  labelIssue?: LabelIssue;
}

export interface Item {
  /** The requested item as written (without prefix and decision). */
  text: string;
  textRange: Range;
  /** "Associated surgical service" and the like. */
  prefix?: string;
  /** True for "The remaining IMR eligible portion of the original request, … is: Upheld". */
  remainingPortion: boolean;
  /** The decision word as written, or undefined when there is none. */
  decision?: string;
  decisionRange?: Range;
  /** Position right after the item's colon (where a missing decision goes). */
  colonEnd?: Range;
  /** The whole item, from its first line to the end of its rationale. */
  range: Range;
  /** The item header line(s). */
  headerRange: Range;
  claimsAdministratorGuideline?: GuidelineLine;
  maximusGuideline?: GuidelineLine;
  rationale?: Rationale;
}

export interface UnparsedBlock {
  text: string;
  range: Range;
}

export interface Determination {
  header: Header;
  sections: Section[];
  credentials: Credentials;
  items: Item[];
  /** Text inside the issues section that is neither an item nor one of its fields (kept, never dropped). */
  unparsed: UnparsedBlock[];
  lineCount: number;
}
