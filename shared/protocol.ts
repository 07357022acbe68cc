/**
 * The IMR language server's custom protocol and settings, shared by the server and the VS Code
 * client. This file has no imports, so the client can import it without pulling in server code:
 *   client.sendRequest<DocumentStats>(DOCUMENT_STATS_REQUEST, { textDocument: { uri } })
 */

// ------------------------------------------------------------------ requests

/** `imr/documentStats`: decision counts of a letter and the MTUS index it is checked against (status bar). */
export const DOCUMENT_STATS_REQUEST = 'imr/documentStats';

export interface DocumentStatsParams {
  textDocument: { uri: string };
}

export interface DocumentStats {
  /** Items decided Upheld. */
  upheld: number;
  /** Items decided Overturned. */
  overturned: number;
  /** All disputed items, decided or not. */
  items: number;
  /** The loaded MTUS index, e.g. "bundled MTUS index v1 + corrections.yaml". */
  index: string;
}

/** `imr/indexTopics`: every topic of the MTUS index that applies to a letter, for "Insert MTUS Citation". */
export const INDEX_TOPICS_REQUEST = 'imr/indexTopics';

export interface IndexTopicsParams {
  /** The letter whose configuration picks the index; the bundled index (plus settings) when omitted. */
  textDocument?: { uri: string };
}

export interface IndexTopicEntry {
  /** Quick-pick label: the topic as letters cite it ("Physical medicine treatment", "3.3.6 Use of Urine Drug Testing (UDT)"). */
  label: string;
  /** Quick-pick detail: guideline, year, pages, "unverified" when the entry is not confirmed. */
  detail: string;
  /** Text to insert after "Decision based on MTUS ": "<guideline> <year>, Section(s): <section>". */
  insertText: string;
  /** The guideline as letters cite it ("Chronic Pain Medical Treatment 2016"). */
  guideline: string;
  /** Index id of the guideline ("cpmtg-2016"). */
  guidelineId: string;
  /** Page-style citation ("Chronic Pain Medical Treatment Physical medicine Page(s): 98-99"), when the index knows the pages. */
  pageStyleInsertText?: string;
  /** One-line description of the topic, when the index has one. */
  description?: string;
  verified: boolean;
}

/**
 * `imr/preview`: the letter as it will be printed, as an HTML fragment drawn from the same layout as
 * `imr export`'s PDF, with its findings marked in the margin. No scripts, styles or remote resources
 * in `html`; `css` styles it.
 */
export const PREVIEW_REQUEST = 'imr/preview';

export interface PreviewParams {
  textDocument: { uri: string };
}

export interface PreviewResult {
  /** The document version rendered. */
  version: number;
  html: string;
  css: string;
  /** The case number, when the letter has one (for the preview's title). */
  caseNumber?: string;
}

/**
 * `imr/export`: writes the letter as sent — a PDF, or the text without its suppression comments — to
 * `target` or next to the letter (case.imr → case.pdf / case.txt), atomically. A letter with errors is
 * not written unless `force`; the errors come back for the client to list.
 */
export const EXPORT_REQUEST = 'imr/export';

export type ExportFormatName = 'pdf' | 'txt';

export interface ExportParams {
  textDocument: { uri: string };
  format: ExportFormatName;
  /** Absolute file path; default next to the letter. */
  target?: string;
  /** Export even when the letter has errors. */
  force?: boolean;
}

export interface ExportFinding {
  /** Zero-based line. */
  line: number;
  ruleId: string;
  message: string;
}

export interface ExportResult {
  written: boolean;
  /** The file written (or that would have been). */
  target?: string;
  /** The letter's error-level findings. */
  errors: ExportFinding[];
  /** Why nothing was written, when it is not the errors (an untitled letter, an unwritable folder). */
  problem?: string;
}

/**
 * `imr/verifyIndex`: verifies one guideline of the MTUS index against its PDF (the engine's
 * `imr index verify`) and returns the corrections file's text, for "IMR: Verify Index Against Guideline PDF…".
 */
export const VERIFY_INDEX_REQUEST = 'imr/verifyIndex';

export interface VerifyIndexParams {
  /** File system path of the guideline PDF. */
  pdf: string;
  /** Index id of the guideline ("cpmtg-2009"). */
  guidelineId: string;
  /** The letter whose configuration picks the index; the bundled index (plus settings) when omitted. */
  textDocument?: { uri: string };
}

export type VerifyIndexResult =
  | {
      /** Text of the corrections file (an extra MTUS index file). */
      corrections: string;
      confirmed: number;
      moved: number;
      notFound: number;
      /** Table-of-contents entries the index lacks. */
      tocNotInIndex: number;
      /** How printed page numbers were read. */
      numbering: string;
    }
  | {
      /** One line saying why the PDF could not be verified. */
      error: string;
    };

// ------------------------------------------------------------------ notifications

/** `imr/trustChanged` (client → server): the workspace trust changed; untrusted = `imr.index` is ignored. */
export const TRUST_CHANGED_NOTIFICATION = 'imr/trustChanged';

export interface TrustChangedParams {
  trusted: boolean;
}

// ------------------------------------------------------------------ initialization and settings

/** `initializationOptions` the client sends with `initialize`. */
export interface InitializationOptions {
  /** Whether the workspace is trusted (default true). */
  trusted?: boolean;
  /** The client has the SELECT_RANGE_COMMAND command. */
  selectRangeCommand?: boolean;
}

export type RuleSeveritySetting = 'off' | 'info' | 'warn' | 'error';

/** The `imr` configuration section, read per resource through `workspace/configuration`. */
export interface ImrSettings {
  /** Rule id → severity, overriding the config file (options from the config file are kept). */
  rules: Record<string, RuleSeveritySetting>;
  /** Extra MTUS index files (absolute, or relative to the workspace folder); ignored in untrusted workspaces. */
  index: string[];
  /** Milliseconds to wait after the last change before linting (default 200). */
  validationDelay: number;
  /** Lint while typing or only when the letter is saved. */
  run: 'onType' | 'onSave';
  /** Milliseconds a letter's lint may take (0 = no limit); absent: the engine's default (2 s). */
  maxTimePerFile?: number;
}

export const DEFAULT_SETTINGS: ImrSettings = { rules: {}, index: [], validationDelay: 200, run: 'onType' };

/** Code action kind of the fix-all action (editor.codeActionsOnSave). */
export const SOURCE_FIX_ALL_IMR = 'source.fixAll.imr';

/**
 * `imr.selectRange` (a client command, arguments `[uri, range]`): selects a range in the letter's editor.
 * A "Disable … for this line" quick fix runs it after inserting the comment, to put the reason
 * placeholder under the cursor, when the client announced it (`InitializationOptions.selectRangeCommand`)
 * and has no snippet text edits (LSP 3.18).
 */
export const SELECT_RANGE_COMMAND = 'imr.selectRange';
