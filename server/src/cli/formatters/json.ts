import { createOffsetMapper } from '../../engine';
import { Formatter } from './types';

/** ESLint's JSON formatter shape; lines and columns are 1-based, `fix` uses offsets into the file's text (without a BOM). */
export const json: Formatter = (results) => {
  const out = results.map((r) => {
    const offset = r.text !== undefined && r.findings.some((f) => f.fix) ? createOffsetMapper(r.text) : undefined;
    let errorCount = 0;
    let warningCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    const messages = r.findings.map((f) => {
      const severity = f.severity === 'error' ? 2 : 1;
      if (severity === 2) errorCount++;
      else warningCount++;
      if (f.fix && severity === 2) fixableErrorCount++;
      else if (f.fix) fixableWarningCount++;
      const m: Record<string, unknown> = {
        ruleId: f.ruleId,
        severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      };
      if (f.fix && offset && f.fix.edits.length === 1) {
        const e = f.fix.edits[0];
        // like ESLint, offsets are into the text without its BOM
        const bom = r.text !== undefined && r.text.charCodeAt(0) === 0xfeff ? 1 : 0;
        m.fix = { range: [offset(e.range.start) - bom, offset(e.range.end) - bom], text: e.newText };
      }
      return m;
    });
    return { filePath: r.filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  });
  return JSON.stringify(out);
};
