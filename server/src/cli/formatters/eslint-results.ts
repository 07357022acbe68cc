import { createOffsetMapper } from '../../engine';
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
  fix?: { range: [number, number]; text: string };
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
    const offset = r.text !== undefined && r.findings.some((f) => f.fix) ? createOffsetMapper(r.text) : undefined;
    const bom = r.text !== undefined && r.text.charCodeAt(0) === 0xfeff ? 1 : 0;
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
      if (f.fix && offset && f.fix.edits.length === 1) {
        const e = f.fix.edits[0];
        m.fix = { range: [offset(e.range.start) - bom, offset(e.range.end) - bom], text: e.newText };
      }
      return m;
    });
    return { filePath: r.filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  });
}
