import { Rule } from './rule';

/**
 * Reports `imr-disable…` comments that suppressed nothing. Off unless enabled in configuration
 * (`rules: {unused-suppression: warn}`) or with `imr-lint --report-unused-suppressions`.
 * The linter itself produces these findings (it is the one that knows which comments were used).
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    description: 'An inline imr-disable comment that suppresses nothing (or names an unknown rule). Off by default.',
    defaultSeverity: 'warning',
    category: 'directive',
    fixable: true,
    hasSuggestions: false,
  },
  check() {
    /* findings come from the linter's suppression pass */
  },
};
