import { LintConfig, SeveritySetting } from './config/types';
import { Determination } from './model/determination';
import { toJson } from './model/json';
import { MtusIndex } from './mtus/types';
import { applyEvidencePolicy } from './mtus/evidence';
import { parseLetter } from './parser/parse';
import { RULES, RULES_BY_ID } from './rules';
import { placeholder, placeholderPatterns, placeholderRegExp } from './rules/placeholder';
import { Finding, Report, Rule, Severity, renderMessage } from './rules/rule';
import { checkReportPolicy } from './fix/policy';
import { validateDetermination, SchemaIssue } from './schema/determination-schema';
import { hasDirectives, isSuppressed, maskDirectiveLines, parseDirectives, Directive } from './suppressions';
import { looksBinary, SourceText } from './text/source';
import { READ_LIMITS } from './files/read-checked';

/** Letters larger than this are not parsed (a letter is 5–50 KB; 1 MB letters still lint fast). */
export const MAX_LETTER_BYTES = READ_LIMITS.letter;

export interface LintInput {
  text: string;
  config: LintConfig;
  index: MtusIndex;
  /** Report directives that suppressed nothing, whatever the config says (CLI --report-unused-suppressions). */
  reportUnusedSuppressions?: boolean;
  /** Messages never quote values taken from the letter (CLI --redact, config `redact: true`). */
  redact?: boolean;
  /** The rules to run instead of RULES (tests of the engine itself). */
  rules?: readonly Rule[];
  /** When given, milliseconds spent are added per step: `source`, `parse`, `schema`, each rule id, `(setup)` between rules (profiling tools). */
  timing?: Map<string, number>;
}

export interface LintResult {
  findings: Finding[];
  determination: Determination;
  source: SourceText;
}

export const EMPTY_DET = (lineCount: number): Determination => ({
  header: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, layout: 'none', fields: {} },
  sections: [],
  credentials: {},
  items: [],
  unparsed: [],
  lineCount,
});

const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());

function severityFor(rule: Rule, setting: SeveritySetting | undefined, reported: Severity | undefined): Severity | undefined {
  if (setting === 'off') return undefined;
  if (setting === 'error') return 'error';
  if (setting === 'warn') return 'warning';
  if (setting === 'info') return 'info';
  return reported ?? rule.meta.defaultSeverity;
}

/** The one finding of a file that is not linted at all (too large, binary, unreadable), at line 1. */
export function invalidInputFinding(message: string): Finding {
  return { ruleId: 'invalid-input', severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** Parses, validates against the schema, runs every enabled rule and applies inline suppressions. */
export function lintText(input: LintInput): LintResult {
  const { text, config } = input;
  const index = applyEvidencePolicy(input.index, config.indexEvidence);
  if (text.length > MAX_LETTER_BYTES || looksBinary(text)) {
    const source = new SourceText('');
    const what = text.length > MAX_LETTER_BYTES ? `The file is larger than ${MAX_LETTER_BYTES / 1024 / 1024} MB; not linted.` : 'The file is not text (binary data); not linted.';
    return {
      source,
      determination: EMPTY_DET(0),
      findings: [invalidInputFinding(what)],
    };
  }
  const timing = input.timing;
  let t = timing ? performance.now() : 0;
  const lap = (step: string): void => {
    if (!timing) return;
    const now = performance.now();
    timing.set(step, (timing.get(step) ?? 0) + now - t);
    t = now;
  };
  const original = new SourceText(text);
  // the parser and rules see directive lines as blank; positions stay those of the original
  const directives: Directive[] = hasDirectives(text) ? parseDirectives(original.lines) : [];
  const source = directives.length > 0 ? new SourceText(maskDirectiveLines(original.lines, directives).join(original.eol)) : original;
  lap('source');
  const determination = parseLetter(source, index);
  lap('parse');
  const schemaIssues = validateDetermination(toJson(determination));
  lap('schema');
  const byRule = new Map<string, SchemaIssue[]>();
  for (const issue of schemaIssues) {
    const list = byRule.get(issue.ruleId) ?? [];
    list.push(issue);
    byRule.set(issue.ruleId, list);
  }

  const optionsOf = (rule: Rule): Record<string, unknown> => ({ ...rule.defaultOptions, ...config.rules[rule.meta.id]?.options });
  // what other rules leave to `placeholder`: the patterns that rule is configured with
  const placeholders = placeholderRegExp(placeholderPatterns(optionsOf(placeholder)));
  const redact = input.redact === true || config.redact === true;
  const findings: Finding[] = [];
  for (const rule of input.rules ?? RULES) {
    const setting = config.rules[rule.meta.id];
    // --report-unused-suppressions switches the directive rules on whatever the config says
    const forced = rule.meta.category === 'directive' && input.reportUnusedSuppressions === true;
    if (setting?.severity === 'off' && !forced) continue;
    if (rule.meta.enabledByDefault === false && setting?.severity === undefined && !forced) continue;
    // directive rules judge the comments themselves: they run last and are never suppressed by them
    const suppressible = rule.meta.category !== 'directive';
    lap('(setup)');
    rule.check({
      source,
      determination,
      index,
      options: optionsOf(rule),
      placeholders,
      schemaIssues: byRule.get(rule.meta.id) ?? [],
      directives,
      ruleIds: RULE_IDS,
      report(r: Report) {
        checkReportPolicy(rule.meta, r);
        const severity = severityFor(rule, forced && setting?.severity === 'off' ? undefined : setting?.severity, r.severity);
        if (!severity) return;
        if (suppressible && directives.length > 0 && isSuppressed(directives, rule.meta.id, r.range.start.line)) return;
        findings.push({
          ruleId: rule.meta.id,
          severity,
          message: renderMessage(rule.meta, r, redact),
          messageId: r.messageId,
          range: r.range,
          fix: r.fix,
          suggestions: r.suggestions && r.suggestions.length > 0 ? r.suggestions : undefined,
          related: r.related,
        });
      },
    });
    lap(rule.meta.id);
  }
  // schema rules named by the schema but not implemented: still reported, under the schema's id
  for (const [ruleId, issues] of byRule) {
    if (RULES_BY_ID.has(ruleId)) continue;
    for (const issue of issues) findings.push({ ruleId, severity: 'error', message: `${issue.instancePath || '(letter)'} ${issue.message}`, range: issue.range });
  }

  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
  return { findings, determination, source: original };
}
