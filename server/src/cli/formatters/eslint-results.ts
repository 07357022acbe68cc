import { createOffsetMapper, Fix, maxOf } from '../../engine';
import { FileResult } from './types';

/** ESLint's LintMessage: lines and columns 1-based; `fix` offsets into the text without its BOM. */
export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}

/** ESLint's Fix: one replacement, offsets into the text without its BOM. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

/** ESLint's LintResult (what ESLint's formatters receive). */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Findings in ESLint's result shape (info findings count as warnings, severity 1). */
export function toEslintResults(results: FileResult[]): EslintResult[] {
  return results.map((r) => {
    const text = r.text;
    const offset = text !== undefined && r.findings.some((f) => f.fix || f.suggestions) ? createOffsetMapper(text) : undefined;
    const bom = text !== undefined && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    /** A fix of several edits merged into one replacement, as ESLint's fixes are. */
    const eslintFix = (fix: Fix): EslintFix | undefined => {
      if (!offset || text === undefined || fix.edits.length === 0) return undefined;
      const spans = fix.edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
      const start = spans[0]!.start;
      const end = maxOf(spans.map((s) => s.end));
      let merged = '';
      let cursor = start;
      for (const s of spans) {
        merged += text.slice(cursor, s.start) + s.text;
        cursor = Math.max(cursor, s.end);
      }
      merged += text.slice(cursor, end);
      return { range: [start - bom, end - bom], text: merged };
    };
    let errorCount = 0;
    let warningCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    const messages = r.findings.map((f) => {
      const severity: 1 | 2 = f.severity === 'error' ? 2 : 1;
      if (severity === 2) errorCount++;
      else warningCount++;
      if (f.fix && severity === 2) fixableErrorCount++;
      else if (f.fix) fixableWarningCount++;
      const m: EslintMessage = {
        ruleId: f.ruleId,
        severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      };
      if (f.messageId) m.messageId = f.messageId;
      const fix = f.fix && eslintFix(f.fix);
      if (fix) m.fix = fix;
      const suggestions = (f.suggestions ?? []).flatMap((s) => {
        const sf = eslintFix(s);
        return sf ? [{ desc: s.title, fix: sf }] : [];
      });
      if (suggestions.length > 0) m.suggestions = suggestions;
      return m;
    });
    return { filePath: r.filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  });
}
