import { Rule } from './rule';

/**
 * Reports `imr-disable…` comments that suppressed nothing, or name an unknown rule. Off unless enabled in
 * configuration (`rules: {unused-suppression: warn}`) or with `imr-lint --report-unused-suppressions`.
 * A `directive` rule: the linter runs it after every other rule (so it knows which comments were used),
 * and inline comments do not suppress it.
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    description: 'An inline imr-disable comment that suppresses nothing (or names an unknown rule). Off by default.',
    defaultSeverity: 'warning',
    category: 'directive',
    fixable: true,
    hasSuggestions: false,
    enabledByDefault: false,
    messages: { unused: 'Unused imr-disable-{{kind}} comment: {{problems}}.' },
  },
  check(ctx) {
    const known = (id: string) => ctx.ruleIds.has(id);
    for (const d of ctx.directives) {
      const unknown = d.rules.filter((id) => !known(id));
      const unused = d.rules.length === 0 ? (d.used.size === 0 ? ['*'] : []) : d.rules.filter((id) => !d.used.has(id) && known(id));
      if (unknown.length === 0 && unused.length === 0) continue;
      const parts: string[] = [];
      if (unknown.length > 0) parts.push(`unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}`);
      if (unused.length > 0) parts.push(unused[0] === '*' ? 'it suppresses nothing' : `${unused.map((u) => `"${u}"`).join(', ')} reported nothing here`);
      const { start, end: lineEnd } = ctx.source.lineRange(d.line);
      const end = d.line + 1 < ctx.source.lineCount ? { line: d.line + 1, character: 0 } : lineEnd;
      ctx.report({
        messageId: 'unused',
        params: { kind: d.kind, problems: parts.join('; ') },
        range: d.range,
        fix: { title: 'Remove the comment', edits: [{ range: { start, end }, newText: '' }] },
      });
    }
  },
};
