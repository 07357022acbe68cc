import { Determination } from '../model/determination';
import { Range } from '../model/range';
import { MtusIndex } from '../mtus/types';
import { SchemaIssue } from '../schema/determination-schema';
import { Directive } from '../suppressions';
import { SourceText } from '../text/source';

export type Severity = 'error' | 'warning' | 'info';

/** A text edit in zero-based line/character coordinates. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, for the quick-fix menu ("Replace pages with 98-99"). */
  title: string;
  edits: TextEdit[];
}

export interface RelatedInfo {
  message: string;
  /** A place in the letter, or in an index file (file + zero-based line). */
  range?: Range;
  file?: string;
  line?: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The template the message came from, when the rule used one. */
  messageId?: string;
  range: Range;
  /** A mechanical, certain edit: applied by `--fix` and `source.fixAll.imr`. */
  fix?: Fix;
  /** Edits that change what the letter decides or cites: offered one at a time, never applied unattended. */
  suggestions?: Fix[];
  related?: RelatedInfo[];
}

/**
 * What a rule reports; severity defaults to the rule's own (and configuration overrides both).
 * Either a literal `message`, or a `messageId` naming one of the rule's `meta.messages` templates with
 * `{{key}}` slots filled from `data`. By convention `data` holds only values taken from the letter
 * (dates, case number, quoted text): redacted output replaces each with "…".
 */
export interface Report {
  message?: string;
  messageId?: string;
  /** Values taken from the letter: redacted output replaces each with REDACTED. */
  data?: Record<string, string | number>;
  /** Values that are not from the letter (index entries, line numbers, counts): never redacted. */
  params?: Record<string, string | number>;
  range: Range;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedInfo[];
  /** Per-finding default, e.g. warning where the index entry is unverified. */
  severity?: Severity;
}

/** What a rule is about; `--fix-type` narrows fixes by it. */
export type RuleCategory = 'layout' | 'header' | 'decision' | 'citation' | 'template' | 'directive';

export const RULE_CATEGORIES: readonly RuleCategory[] = ['layout', 'header', 'decision', 'citation', 'template', 'directive'];

export interface RuleMeta {
  /** Stable kebab-case id; also the diagnostic code and the doc page name (docs/rules/<id>.md). */
  id: string;
  description: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  /** The rule may report a `fix`: mechanical and certain, safe to apply unattended. */
  fixable: boolean;
  /** The rule may report `suggestions`: edits the reviewer chooses one at a time. */
  hasSuggestions: boolean;
  /** Message templates by message id (`{{key}}` slots filled from a report's `data` and `params`). */
  messages?: Record<string, string>;
  /** JSON Schema (draft-07) of the rule's options object; the config schema and docs are generated from it. */
  optionsSchema?: JsonSchema;
  /** False for a rule that runs only when configured (its defaultSeverity then applies). Default true. */
  enabledByDefault?: boolean;
}

/** A JSON Schema object (draft-07), as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface RuleContext<O extends object = Record<string, unknown>> {
  source: SourceText;
  determination: Determination;
  index: MtusIndex;
  /** The rule's `defaultOptions` overlaid with its options from configuration (`rules: {id: [severity, options]}`). */
  options: O;
  /** Placeholder patterns in force (configured or default): other rules leave such text to `placeholder`. */
  placeholders: RegExp;
  /** Schema violations attributed to this rule (x-rule). */
  schemaIssues: SchemaIssue[];
  /** The letter's inline suppression comments; rules of category `directive` run last and see which were used. */
  directives: readonly Directive[];
  /** Every rule id the linter knows. */
  ruleIds: ReadonlySet<string>;
  report(r: Report): void;
}

export interface Rule<O extends object = Record<string, unknown>> {
  meta: RuleMeta;
  /** Options in force when configuration gives none (typed; `meta.optionsSchema` describes the same shape). */
  defaultOptions?: O;
  check(ctx: RuleContext<O>): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export const DOCS_BASE = 'https://github.com/imr-tools/imr-letter-tools/blob/main/docs/rules/';

export function replace(range: Range, newText: string, title: string): Fix {
  return { title, edits: [{ range, newText }] };
}

/**
 * Like `replace`, for text that may wrap across lines in the letter: when the old and the new text
 * have the same number of words, the new words take the old separators, so line breaks stay put.
 */
export function replaceWrapped(source: SourceText, range: Range, newText: string, title: string): Fix {
  const old = source.getText(range);
  if (!old.includes('\n')) return replace(range, newText, title);
  const oldParts = old.split(/(\s+)/);
  const newWords = newText.split(/\s+/);
  const oldWords = oldParts.filter((_, i) => i % 2 === 0);
  if (oldWords.length !== newWords.length) return replace(range, newText, title);
  const rebuilt = oldParts.map((part, i) => (i % 2 === 0 ? newWords[i / 2] : part)).join('');
  return replace(range, rebuilt, title);
}

/** The placeholder a redacted message shows instead of a value taken from the letter. */
export const REDACTED = '…';

/**
 * The text of a report: its literal message, or its template filled from `data` (each value replaced by
 * REDACTED when `redact` is set) and `params` (never redacted). An unknown message id is a programming error.
 */
export function renderMessage(meta: RuleMeta, r: Report, redact = false): string {
  if (r.messageId === undefined) {
    if (r.message === undefined) throw new Error(`rule ${meta.id} reported neither message nor messageId`);
    return r.message;
  }
  const template = meta.messages?.[r.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message "${r.messageId}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = r.data?.[key];
    if (value !== undefined) return redact ? REDACTED : String(value);
    const param = r.params?.[key];
    return param === undefined ? whole : String(param);
  });
}
