import { pushAll } from '../../engine';
import { shownPath } from './paths';
import { Formatter } from './types';

/** Text for an XML attribute or element: markup escaped, characters XML 1.0 forbids dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML (GitLab `artifacts: reports: junit:`, Jenkins, Azure DevOps): one testsuite per letter; a
 * letter without errors is one passing testcase; each error is a testcase with a <failure>; warnings and
 * info are passing testcases whose <system-out> says what was found.
 */
export const junit: Formatter = (results, { cwd }) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const file = shownPath(cwd, r.filePath);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const f of r.findings) {
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const name = xmlEscape(`${f.ruleId} at ${where}`);
      const text = xmlEscape(`${where}: ${f.severity} ${f.message} [${f.ruleId}]`);
      if (f.severity === 'error') {
        suiteFailures++;
        cases.push(`    <testcase name="${name}" classname="${xmlEscape(file)}" time="0">\n      <failure type="${xmlEscape(f.ruleId)}" message="${xmlEscape(f.message)}">${text}</failure>\n    </testcase>`);
      } else {
        cases.push(`    <testcase name="${name}" classname="${xmlEscape(file)}" time="0">\n      <system-out>${text}</system-out>\n    </testcase>`);
      }
    }
    if (!r.findings.some((f) => f.severity === 'error')) cases.unshift(`    <testcase name="imr-lint" classname="${xmlEscape(file)}" time="0"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  lines.push(`<testsuites name="imr-lint" tests="${tests}" failures="${failures}" errors="0" time="0">`);
  pushAll(lines, suites);
  lines.push('</testsuites>');
  return lines.join('\n');
};
