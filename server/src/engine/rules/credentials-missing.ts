import { CREDENTIAL_LABELS, CREDENTIALS_INTRO } from '../vocabulary';
import { Rule, RuleContext } from './rule';

/** The sentence the credentials follow in HOW THE IMR FINAL DETERMINATION WAS MADE: where a missing one belongs. */
const INTRO = new RegExp(`^\\s*${CREDENTIALS_INTRO.replace(/:$/, '')}`, 'i');

/**
 * Structural: the schema's `credentials` (both or neither, never empty) — the expert reviewer's licensure
 * and specialty, which the current layout states in a block under HOW THE IMR FINAL DETERMINATION WAS
 * MADE; and the block's intro sentence with neither line after it. A letter without the section (an
 * older layout), or one that states the credentials in a sentence ("The expert reviewer is Board
 * Certified in … and is licensed to practice in California", as the seed letter does), has no block
 * and is not held to it.
 */
export const credentialsMissing: Rule = {
  meta: {
    id: 'credentials-missing',
    description: 'The expert reviewer\'s "State(s) of Licensure:" or "Certification(s)/Specialty:" line is missing or empty.',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: false,
    hasSuggestions: false,
    messages: {
      missing: 'The expert reviewer\'s credentials have no "{{label}}" line.',
      empty: '"{{label}}" has no value: the expert reviewer\'s {{what}} is missing.',
    },
  },
  check(ctx) {
    const howMade = ctx.determination.sections.find((s) => s.id === 'howMade');
    if (!howMade) return;
    const { licensure, specialty } = ctx.determination.credentials;
    // the schema asks for both lines or neither; the block's intro sentence without either line is this rule's
    const missing = ctx.schemaIssues.filter((i) => i.keyword === 'dependencies').map((i) => i.missingProperty);
    const intro = ctx.schemaIssues.length > 0 || (!licensure && !specialty) ? introLine(ctx) : undefined;
    if (!licensure && !specialty && intro !== undefined) missing.push('licensure', 'specialty');
    for (const key of missing) {
      const spec = CREDENTIAL_LABELS[key as keyof typeof CREDENTIAL_LABELS];
      // a label the parser did not read where it looks (joined to another line, upper case with a typo)
      // is still there: only a letter without the word at all lacks the line
      if (!spec || spec.word.test(ctx.source.text)) continue;
      // on the block's intro sentence, else on the line of the credential that is there
      const at = intro ?? (licensure ?? specialty)?.range.start.line;
      ctx.report({ messageId: 'missing', params: { label: spec.label }, range: at !== undefined ? ctx.source.trimmedLineRange(at) : howMade.headingRange });
    }
    for (const issue of ctx.schemaIssues) {
      if (issue.keyword === 'minLength') {
        const key = issue.instancePath.replace('/credentials/', '') as keyof typeof CREDENTIAL_LABELS;
        const spec = CREDENTIAL_LABELS[key];
        const value = ctx.determination.credentials[key];
        if (!spec || !value) continue;
        ctx.report({ messageId: 'empty', params: { label: spec.label, what: spec.what }, range: ctx.source.trimmedLineRange(value.range.start.line) });
      }
    }
  },
};

/** The line of "The Expert Reviewer has the following credentials:", if the letter has one. */
function introLine(ctx: RuleContext): number | undefined {
  for (const [line, text] of ctx.source.lines.entries()) if (INTRO.test(text)) return line;
  return undefined;
}
