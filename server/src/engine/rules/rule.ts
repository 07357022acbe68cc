import { Determination } from '../model/determination';
import { Range } from '../model/range';
import { MtusIndex } from '../mtus/types';
import { SchemaIssue } from '../schema/determination-schema';
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
  range: Range;
  /** A mechanical, certain edit: applied by `--fix` and `source.fixAll.imr`. */
  fix?: Fix;
  /** Edits that change what the letter decides or cites: offered one at a time, never applied unattended. */
  suggestions?: Fix[];
  related?: RelatedInfo[];
}

/** What a rule reports; severity defaults to the rule's own (and configuration overrides both). */
export interface Report {
  message: string;
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
}

export interface RuleContext {
  source: SourceText;
  determination: Determination;
  index: MtusIndex;
  /** The rule's options from configuration (`rules: {id: [severity, options]}`), or {}. */
  options: Record<string, unknown>;
  /** Placeholder patterns in force (configured or default): other rules leave such text to `placeholder`. */
  placeholders: RegExp;
  /** Schema violations attributed to this rule (x-rule). */
  schemaIssues: SchemaIssue[];
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
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
