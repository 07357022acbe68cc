import { HEADER_LABEL_TEXT, HEADER_ORDER } from '../vocabulary';
import { HeaderFieldKey } from '../model/determination';
import { Header } from '../model/determination';
import { Range } from '../model/range';
import { Rule } from './rule';

/** Canonical order of the fields, and which share a line in the two-column layout. */
const ORDER = HEADER_ORDER;
const PARTNER: Partial<Record<HeaderFieldKey, HeaderFieldKey>> = {
  dateAssigned: 'dateOfInjury',
  dateOfInjury: 'dateAssigned',
  decisionDate: 'urDenialDate',
  urDenialDate: 'decisionDate',
  priority: 'applicationReceived',
  applicationReceived: 'priority',
};

/** Where a missing field belongs: beside its two-column partner, or where the next field now is. */
function whereMissing(header: Header, key: HeaderFieldKey): Range {
  const fields = header.fields;
  const partner = PARTNER[key];
  if (header.layout === 'two-column' && partner && fields[partner]) {
    const line = fields[partner].labelRange.start.line;
    return { start: { line, character: 0 }, end: { line, character: 0 } };
  }
  const i = ORDER.indexOf(key);
  for (const k of ORDER.slice(i + 1)) {
    const f = fields[k];
    if (f) return { start: { line: f.labelRange.start.line, character: 0 }, end: { line: f.labelRange.start.line, character: 0 } };
  }
  return header.range;
}


export const headerField: Rule = {
  meta: {
    id: 'header-field',
    description: 'A header field (Case Number, Date Assigned, Date of Injury, Decision Date, UR Denial Date, Priority, Application Received) is missing or its value is invalid.',
    defaultSeverity: 'error',
    category: 'header',
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    const fields = ctx.determination.header.fields;
    if (Object.keys(fields).length === 0 && ctx.schemaIssues.length > 0) {
      // no header block at all: one finding, not one per field
      ctx.report({ message: 'The letter has no header block (Case Number, Date Assigned, Date of Injury, Decision Date, UR Denial Date, Priority, Application Received).', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      return;
    }
    for (const issue of ctx.schemaIssues) {
      if (issue.keyword === 'required') {
        const key = issue.missingProperty as HeaderFieldKey;
        const label = HEADER_LABEL_TEXT[key] ?? key;
        if (issue.instancePath === '') {
          ctx.report({ message: 'The letter has no header block (Case Number, dates, Priority).', range: issue.range });
        } else {
          ctx.report({ message: `Header field "${label}" is missing.`, range: whereMissing(ctx.determination.header, key) });
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
      if (ctx.placeholders.test(value)) continue; // an unfilled template field: the placeholder rule reports it
      let why: string;
      if (key === 'caseNumber') why = 'is not a case number of the form CMyy-nnnnnnn';
      else if (key === 'priority') why = `is not one of ${(issue.params.allowedValues as string[] | undefined)?.join(', ') ?? 'the allowed values'}`;
      else why = 'is not a valid date (MM/DD/YYYY)';
      ctx.report({ message: `Header field "${label}": "${value}" ${why}.`, range: issue.range });
    }
  },
};
