import { escapeControls, shownPath } from './paths';
import { Formatter } from './types';

/** `file:line:col: severity message [rule]`, one line per finding (editors' quickfix lists, grep). */
export const compact: Formatter = (results, { cwd }) =>
  results
    .flatMap((r) => r.findings.map((f) => `${escapeControls(shownPath(cwd, r.filePath))}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${escapeControls(f.message.replace(/\s*[\r\n]+\s*/g, ' '))} [${f.ruleId}]`))
    .join('\n');
