/**
 * The MTUS index: the guidelines that IMR letters cite, their names as letters write them,
 * their topics/sections and page spans. Loaded from YAML (schemas/mtus-index.schema.json).
 */

/** An inclusive page span; a single page has from === to. */
export interface PageSpan {
  from: number;
  to: number;
}

export interface IndexTopic {
  /** Canonical topic / section name as the guideline prints it. */
  name: string;
  /** Other spellings letters use (case-insensitive match). */
  aliases: string[];
  /** Section number for numbered guidelines (Opioids 2016: "3.3.6"). */
  number?: string;
  /**
   * Part title for numbered sections, as letters write it before the colon: "3.3.6 Opioids for Chronic
   * Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)" has part "Opioids for Chronic
   * Pain and Chronic Opioid Treatment".
   */
  part?: string;
  /** Page spans where the topic is printed; any page inside any span matches. Empty when unknown. */
  pages: PageSpan[];
  /** Whether the topic takes part in the alphabetical page-order check (false for block sub-entries). */
  alphabetical: boolean;
  /**
   * false when `pages` are where letters cite the topic, not its whole extent (an ACOEM table seen on page
   * 309 may run over 308-310): a cited span that overlaps them inside the guideline's page span is right.
   * Absent: the pages are the topic's extent.
   */
  pagesComplete?: false;
  /** One-line description shown in hover and completion. */
  description?: string;
  verified: boolean;
  source?: string;
  /** What confirms the pages: a page of the guideline PDF and/or a consensus of letters (`imr index verify` / `harvest`). */
  evidence?: TopicEvidence;
  /** Where the entry came from: the bundled index or an extra index file (absolute path). */
  file: string;
  /** Zero-based line of the entry in its file (for go-to-definition and messages). */
  line: number;
}

/**
 * Evidence for a topic's pages: the guideline PDF prints the topic's heading on `page` (written by
 * `imr index verify --write`), and/or `letters` distinct letters cite it with the pages `consensus`
 * most often (from `imr index harvest`). Either part may be absent, not both.
 */
export interface TopicEvidence {
  /** File name of the guideline PDF. */
  pdf?: string;
  /** Printed page of the PDF where the topic's heading is. */
  page?: number;
  /** Number of distinct letters that cite the topic with the consensus pages. */
  letters?: number;
  /** The pages those letters cite. */
  consensus?: PageSpan;
}

export interface IndexGuideline {
  /** Stable id, e.g. "cpmtg-2009", "acoem-low-back-2004", "opioids-2016". */
  id: string;
  /** Official title. */
  title: string;
  year: number;
  /** Regulation section, e.g. "8 CCR §9792.24.2". */
  regulation?: string;
  /** Names letters use for this guideline, without the year (matched case-insensitively). */
  names: string[];
  /** When several guidelines share a name, the one a year-less citation means. */
  defaultForName: boolean;
  /** ACOEM chapter number for body-part chapters (Low Back = 12); lets "Chapter 12" / "Table 12-8" resolve. */
  chapter?: number;
  /** ACOEM chapter numbers when the guideline covers several (General Approaches = 1-7). */
  chapters?: number[];
  /** Page span of the whole guideline/chapter, when known. */
  pageSpan?: PageSpan;
  /** Total page count of the document, when known. */
  pageCount?: number;
  /** Topics are alphabetical in page order (2009 Chronic Pain Part 2). */
  alphabeticalTopics: boolean;
  /** Sections are numbered ("3.3.6 …") — Opioids 2016. */
  numberedSections: boolean;
  topics: IndexTopic[];
  verified: boolean;
  source?: string;
  file: string;
  line: number;
  /**
   * Only in loadIndexFromText results: an entry of an extra index file that corrects an existing
   * guideline (`{id, topics}` without title/year/names); title is then the id and year 0.
   */
  partial?: boolean;
}

export interface MtusIndex {
  /** Human-readable description of what is loaded, e.g. "bundled MTUS index v1 + corrections.yaml". */
  label: string;
  files: string[];
  guidelines: IndexGuideline[];
}

/** A problem found while loading or checking an index file. */
export interface IndexProblem {
  file: string;
  /** Zero-based line, when known. */
  line?: number;
  message: string;
}
