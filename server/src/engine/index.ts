/**
 * The IMR letter engine: parsing, the document model, schema validation, rules, fixes, the MTUS index
 * and configuration. Editor-agnostic: nothing here imports VS Code or the LSP libraries. The CLI, the
 * language server and the tests all go through this module.
 */
export * from './model/range';
export * from './model/determination';
export { toJson, Json, JsonObject } from './model/json';
export { SourceText, looksBinary } from './text/source';
export { pushAll, maxOf } from './text/arrays';
export { parseLetter } from './parser/parse';
export * from './vocabulary';
export { matchHeading } from './parser/headings';
export { readCitationHead, CitationHead } from './parser/citation-head';
export { lintText, invalidInputFinding, LintInput, LintResult, MAX_LETTER_BYTES } from './linter';
export { lintWithinBudget, lintEachWithinBudget, runEachWithTimeout, budgetForLetter, BUDGET_UNIT_CHARS, BudgetedLintResult, overrunFinding, overrunResult, runWithTimeout, formatBudget, DEFAULT_MAX_TIME_PER_FILE_MS, MAX_TIME_PER_FILE_LIMIT_MS, NOT_FULLY_CHECKED } from './budget';
export { EMPTY_DET } from './linter';
export { applyFixes, createOffsetMapper, selectNonOverlapping } from './fix/apply';
export { runFixLoop, fixWanted, FixLoopInput, FixLoopResult, MAX_FIX_PASSES } from './fix/loop';
export { unifiedDiff, textEdits } from './fix/diff';
export { checkReportPolicy } from './fix/policy';
export { Directive, directiveAt, directiveComment, parseDirectives } from './suppressions';
export { RULES, RULES_BY_ID } from './rules';
export { unusedSuppression } from './rules/unused-suppression';
export { Finding, Fix, TextEdit, Report, Rule, RuleContext, RuleMeta, JsonSchema, RuleCategory, RULE_CATEGORIES, renderMessage, REDACTED, Severity, RelatedInfo, docsUrl, DOCS_BASE } from './rules/rule';
export { validateDetermination, SchemaIssue, determinationSchemaPath } from './schema/determination-schema';
export { isValidUsDate, parseUsDate } from './text/dates';
export * from './config/types';
export { loadConfigFile, loadConfigText, findConfigFile, createConfigResolver, ConfigResolver, ConfigLoadOptions, ConfigLoadResult, didYouMean } from './config/load';
export { resolveLintSetup, withSeverities, LintSetup, SetupOptions, SetupProblem, FileProblems } from './config/setup';
export * from './mtus/types';
export { createIndexProvider, IndexProvider } from './mtus/provider';
export { findAsset } from './assets';
export { levenshtein } from './text/distance';
export * from './mtus/names';
export * from './mtus/guidelines';
export { findTopic, findTopicByNumber, allTopics } from './mtus/topics';
export * from './mtus/similarity';
export * from './mtus/pages';
export * from './mtus/section-list';
export { checkIndex, IndexSource } from './mtus/check';
export { searchIndex, IndexSearchHit } from './mtus/search';
export { createFileSelector, extensionGlobs, isGlob, FileSelector, FileSelectorOptions, Selection, SkipReason, Explanation, IGNORE_FILE_NAME } from './files/select';
export { writeFileAtomic, removeLeftoversNear, WriteRefusedError, WriteOptions } from './files/write-atomic';
export { readFileChecked, readTextChecked, readFdBounded, decodeUtf8, FileReadError, READ_LIMITS, ReadKind, CheckedBytes, CheckedText } from './files/read-checked';
export { applyEvidencePolicy, evidencePolicy, EvidencePolicy, DEFAULT_EVIDENCE_POLICY, provenanceOf, provenanceText, Provenance } from './mtus/evidence';
