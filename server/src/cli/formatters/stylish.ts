import { displayPath, escapeControls } from './paths';
import { Formatter } from './types';

/** ESLint-style "stylish" output: a block per file, one line per finding, a summary. */
export const stylish: Formatter = (results, ctx) => {
  const { cwd } = ctx;
  // read only when there is something to print: the default looks at standard output
  let on: boolean | undefined;
  const paint = (code: number, s: string) => (on ??= ctx.color) ? `\u001b[${code}m${s}\u001b[0m` : s;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(paint(4, displayPath(cwd, r.filePath)));
    const rows = r.findings.map((f): [string, string, string, string] => {
      if (f.severity === 'error') errors++;
      else warnings++;
      if (f.fix) fixable++;
      const sev = f.severity === 'error' ? paint(31, 'error') : f.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
      return [`  ${f.range.start.line + 1}:${f.range.start.character + 1}`, sev, escapeControls(f.message, true), paint(2, f.ruleId)];
    });
    // widths by a loop: a spread of ~130,000 findings overflows the call stack
    let w0 = 0;
    let w1 = 0;
    for (const x of rows) {
      w0 = Math.max(w0, x[0].length);
      w1 = Math.max(w1, x[1].length);
    }
    for (const row of rows) out.push(`${row[0].padEnd(w0)}  ${row[1].padEnd(w1)}  ${row[2]}  ${row[3]}`);
    out.push('');
  }
  const total = errors + warnings;
  if (total > 0) {
    const s = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push(paint(errors > 0 ? 31 : 33, s));
    if (fixable > 0) out.push(`  ${fixable} problem${fixable === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`);
    out.push('');
  }
  // after --fix: what was written where (after --fix-dry-run: what would be)
  const fixedFiles = results.filter((r) => r.fixed && r.fixed.total > 0);
  if (fixedFiles.length > 0) {
    let n = 0;
    for (const r of fixedFiles) {
      const f = r.fixed as NonNullable<typeof r.fixed>;
      n += f.total;
      const rules = Object.entries(f.byRule).map(([id, k]) => `${id} ${k}`).join(', ');
      out.push(`${paint(32, f.written ? 'fixed' : 'would fix')}  ${displayPath(cwd, r.filePath)}: ${f.total} fix${f.total === 1 ? '' : 'es'} (${rules})`);
    }
    const written = fixedFiles[0]?.fixed?.written;
    out.push(`${n} fix${n === 1 ? '' : 'es'} ${written ? 'applied to' : 'would be applied to'} ${fixedFiles.length} file${fixedFiles.length === 1 ? '' : 's'}.`, '');
  }
  return out.join('\n');
};
