import { createOffsetMapper, Fix } from '../../engine';
import { Formatter } from './types';

/**
 * ESLint's JSON formatter shape; lines and columns are 1-based. `fix` (applied by --fix) and each of
 * `suggestions: [{desc, fix}]` (chosen by the reviewer) are `{range: [start, end], text}` with offsets
 * into the file's text without its BOM, as in ESLint; a fix of several edits is merged into one.
 */
export const json: Formatter = (results) => {
  const out = results.map((r) => {
    const text = r.text;
    const offset = text !== undefined && r.findings.some((f) => f.fix || f.suggestions) ? createOffsetMapper(text) : undefined;
    const bom = text !== undefined && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const eslintFix = (fix: Fix): { range: [number, number]; text: string } | undefined => {
      if (!offset || text === undefined || fix.edits.length === 0) return undefined;
      const spans = fix.edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
      const start = spans[0].start;
      const end = Math.max(...spans.map((s) => s.end));
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
      const fix = f.fix && eslintFix(f.fix);
      if (fix) m.fix = fix;
      const suggestions = (f.suggestions ?? []).map((s) => ({ desc: s.title, fix: eslintFix(s) })).filter((s) => s.fix);
      if (suggestions.length > 0) m.suggestions = suggestions;
      return m;
    });
    return { filePath: r.filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  });
  return JSON.stringify(out);
};
