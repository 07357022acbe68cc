import { HEADER_LABEL_TEXT } from '../parser/header';
import { HeaderFieldKey } from '../model/determination';
import { Rule } from './rule';

export const headerField: Rule = {
  meta: {
    id: 'header-field',
    description: 'A header field (Case Number, Date Assigned, Date of Injury, Decision Date, UR Denial Date, Priority, Application Received) is missing or its value is invalid.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const fields = ctx.determination.header.fields;
    for (const issue of ctx.schemaIssues) {
      if (issue.keyword === 'required') {
        const key = issue.missingProperty as HeaderFieldKey;
        const label = HEADER_LABEL_TEXT[key] ?? key;
        if (issue.instancePath === '') {
          ctx.report({ message: 'The letter has no header block (Case Number, dates, Priority).', range: issue.range });
        } else {
          ctx.report({ message: `Header field "${label}" is missing.`, range: ctx.determination.header.range });
        }
        continue;
      }
      const key = issue.instancePath.split('/')[2] as HeaderFieldKey | undefined;
      if (!key) continue;
      const f = fields[key];
      const label = HEADER_LABEL_TEXT[key] ?? key;
      if (f && !f.value) {
        ctx.report({ message: `Header field "${label}" has no value.`, range: f.labelRange });
        continue;
      }
      const value = f?.value ?? '';
      let why: string;
      if (key === 'caseNumber') why = 'is not a case number of the form CMyy-nnnnnnn';
      else if (key === 'priority') why = `is not one of ${(issue.params.allowedValues as string[] | undefined)?.join(', ') ?? 'the allowed values'}`;
      else why = 'is not a valid date (MM/DD/YYYY)';
      ctx.report({ message: `Header field "${label}": "${value}" ${why}.`, range: issue.range });
    }
  },
};
