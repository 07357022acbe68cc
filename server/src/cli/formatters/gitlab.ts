import { shownPath } from './paths';
import { Formatter } from './types';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * GitLab Code Quality report (a JSON array; `artifacts: reports: codequality:`). The fingerprint is a
 * SHA-256 of path, rule, message and the finding's rank among identical ones in the file — stable
 * when lines move, distinct for repeated findings, and never a hash of letter text.
 */
export const gitlab: Formatter = (results, { cwd }) => {
  // node:crypto is loaded here, not at start: loading it costs every other run of the CLI several ms
  const { createHash } = require('crypto') as typeof import('crypto');
  const out = results.flatMap((r) => {
    const file = shownPath(cwd, r.filePath);
    const seen = new Map<string, number>();
    return r.findings.map((f) => {
      const key = `${file}\u0000${f.ruleId}\u0000${f.message}`;
      const rank = seen.get(key) ?? 0;
      seen.set(key, rank + 1);
      return {
        type: 'issue',
        description: f.message,
        check_name: f.ruleId,
        fingerprint: createHash('sha256').update(`${key}\u0000${rank}`).digest('hex'),
        severity: SEVERITY[f.severity],
        location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      };
    });
  });
  return JSON.stringify(out, null, 2);
};
