import { CANONICAL_HEADING } from '../parser/headings';
import { SectionId } from '../model/determination';
import { Rule } from './rule';

/** Structural: the schema's `sections.required` list names the sections every letter must have. */
export const sectionMissing: Rule = {
  meta: {
    id: 'section-missing',
    description: 'A standard section required by the schema (HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES) is missing.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const issue of ctx.schemaIssues) {
      if (issue.keyword === 'required' && issue.instancePath === '/sections') {
        const id = issue.missingProperty as SectionId;
        const name = CANONICAL_HEADING[id] ?? id;
        ctx.report({ message: `Missing section "${name}".`, range: ctx.determination.sections[0]?.headingRange ?? issue.range });
      } else if (issue.keyword === 'required' && issue.instancePath === '') {
        ctx.report({ message: `Missing ${issue.missingProperty}.`, range: issue.range });
      }
    }
  },
};
