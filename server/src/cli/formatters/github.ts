import { shownPath } from './paths';
import { Formatter } from './types';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A workflow command's message: %, CR and LF escaped (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also ":" and "," (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::message`,
 * shown as annotations on the run and the pull request (no code scanning needed). Paths are relative to
 * the working folder (run imr-lint from the repository root).
 */
export const github: Formatter = (results, { cwd }) =>
  results
    .flatMap((r) =>
      r.findings.map((f) => {
        const props = [
          `file=${escapeProperty(shownPath(cwd, r.filePath))}`,
          `line=${f.range.start.line + 1}`,
          `col=${f.range.start.character + 1}`,
          `endLine=${f.range.end.line + 1}`,
          `endColumn=${f.range.end.character + 1}`,
          `title=${escapeProperty(f.ruleId)}`,
        ];
        return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(`${f.message} (${f.ruleId})`)}`;
      }),
    )
    .join('\n');
