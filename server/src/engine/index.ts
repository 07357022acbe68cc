/**
 * The IMR letter engine: parsing, the document model, schema validation, rules, fixes, the MTUS index
 * and configuration. Editor-agnostic: nothing here imports VS Code or the LSP libraries. The CLI, the
 * language server and the tests all go through this module.
 */
export * from './model/range';
export * from './model/determination';
export { toJson, Json, JsonObject } from './model/json';
export { SourceText, looksBinary } from './text/source';
export { parseLetter } from './parser/parse';
export { STANDARD_HEADINGS, CANONICAL_HEADING, REQUIRED_ORDER } from './parser/headings';
export { HEADER_LABEL_TEXT } from './parser/header';
export { DECISION_WORDS, FIELD_LABEL, INTRO_LINE } from './parser/items';
export { matchHeading } from './parser/headings';
export { lintText, LintInput, LintResult, MAX_LETTER_BYTES } from './linter';
export { applyFixes, createOffsetMapper } from './fix/apply';
export { RULES, RULES_BY_ID } from './rules';
export { unusedSuppression } from './rules/unused-suppression';
export { ALL_RULES } from './rules/all-rules';
export { Finding, Fix, TextEdit, Report, Rule, RuleMeta, RuleCategory, RULE_CATEGORIES, renderMessage, REDACTED, Severity, RelatedInfo, docsUrl, DOCS_BASE } from './rules/rule';
export { validateDetermination, SchemaIssue, determinationSchemaPath } from './schema/determination-schema';
export { isValidUsDate, parseUsDate } from './text/dates';
export * from './config/types';
export { loadConfigFile, loadConfigText, findConfigFile, createConfigResolver, ConfigResolver } from './config/load';
export * from './mtus/types';
export { createIndexProvider, IndexProvider } from './mtus/provider';
export { findAsset } from './assets';
export * from './mtus/lookup';
export { checkIndex, IndexSource } from './mtus/check';
export { searchIndex, IndexSearchHit } from './mtus/search';
export { applyEvidencePolicy, evidencePolicy, EvidencePolicy, DEFAULT_EVIDENCE_POLICY, provenanceOf, provenanceText, Provenance } from './mtus/evidence';
