import type { Rule } from '../../server/src/engine';

/**
 * A test-only rule that never finishes on a letter containing `SLOW_MARKER`: it runs a regular
 * expression with catastrophic backtracking (2^40 ways to split the a's) — the shape of the real
 * super-linear patterns the time budget guards against. On any other letter it does nothing.
 * Tests inject it through the engine's real plug-in points: LintInput.rules, or (for a whole CLI run
 * or language server process) `test/helpers/slow-rule-preload.ts`, which adds it to RULES.
 */
export const SLOW_MARKER = 'IMR-TEST-NEVER-ENDING-LINT';

export const slowRule: Rule = {
  meta: {
    id: 'test-never-ending',
    description: 'Test only: backtracks forever on a letter with the marker.',
    defaultSeverity: 'error',
    category: 'template',
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    if (!ctx.source.text.includes(SLOW_MARKER)) return;
    const input = 'a'.repeat(40) + '!';
    if (/^(a+)+$/.test(input)) ctx.report({ message: 'unreachable', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  },
};
