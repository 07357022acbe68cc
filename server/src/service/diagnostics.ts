import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from './lsp-types';
import { RULES, docsUrl, Finding, Fix, Severity } from '../engine';
import { lineLocation } from './definition';

export const DIAGNOSTIC_SOURCE = 'imr';

const KNOWN_RULES = new Set(RULES.map((r) => r.meta.id));

/** What a diagnostic carries in `data`: the fix, computed for one document version, so code actions need no re-lint. */
export interface DiagnosticData {
  ruleId: string;
  /** Document version the fix was computed for. */
  version?: number;
  fix?: Fix;
  /** Edits the reviewer may choose, one at a time (never applied by fix-all). */
  suggestions?: Fix[];
}

export function toDiagnosticSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function isKnownRule(id: string): boolean {
  return KNOWN_RULES.has(id);
}

/** Finding → LSP diagnostic: code = rule id, doc link, related locations (letter ranges or index file lines). */
export function toDiagnostic(f: Finding, documentUri: string, version?: number): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, ...(version !== undefined ? { version } : {}), ...(f.fix ? { fix: f.fix } : {}), ...(f.suggestions ? { suggestions: f.suggestions } : {}) };
  const d: Diagnostic = {
    range: f.range,
    severity: toDiagnosticSeverity(f.severity),
    code: f.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data,
  };
  if (isKnownRule(f.ruleId)) d.codeDescription = { href: docsUrl(f.ruleId) };
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of f.related ?? []) {
    if (r.file !== undefined) related.push({ location: lineLocation(r.file, r.line ?? 0), message: r.message });
    else if (r.range) related.push({ location: { uri: documentUri, range: r.range }, message: r.message });
  }
  if (related.length > 0) d.relatedInformation = related;
  return d;
}

export function toDiagnostics(findings: readonly Finding[], documentUri: string, version?: number): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, documentUri, version));
}

/** The data of one of our diagnostics, when it is one (clients echo `data` back in code action requests). */
export function diagnosticData(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (data && typeof data.ruleId === 'string') return data as DiagnosticData;
  return typeof d.code === 'string' ? { ruleId: d.code } : undefined;
}
