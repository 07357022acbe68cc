import { HEADER_DATE_SEQUENCE, HEADER_LABEL_TEXT, HEADER_ORDER } from '../vocabulary';
import { HeaderFieldKey } from '../model/determination';
import { Header } from '../model/determination';
import { Range } from '../model/range';
import { canonicalUsDate } from '../text/dates';
import { replace, Rule } from './rule';

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


const DATE_KEYS: ReadonlySet<HeaderFieldKey> = new Set(HEADER_DATE_SEQUENCE);

const WHY: Record<'caseNumber' | 'priority' | 'date', string> = {
  caseNumber: 'is not a case number of the form CMyy-nnnnnnn',
  priority: 'is not a priority the schema allows (schemas/determination.schema.json)',
  date: 'is not a real date written MM/DD/YYYY',
};

/**
 * `range` widened over as many of the spaces after it as the new text is longer, when a column follows
 * (two spaces or more): "1/17/2017" becomes "01/17/2017" and the right-hand column stays where it was.
 */
function keepingColumns(lines: readonly string[], range: Range, newLength: number): Range {
  const grow = newLength - (range.end.character - range.start.character);
  const line = lines[range.end.line];
  if (grow <= 0 || range.start.line !== range.end.line || line === undefined) return range;
  const after = line.slice(range.end.character, range.end.character + grow + 2);
  if (after.length < grow + 2 || after.trim() !== '' ) return range;
  return { start: range.start, end: { line: range.end.line, character: range.end.character + grow } };
}

/**
 * Message templates, generated from the one label table: `missing-<field>`, `empty-<field>`,
 * `invalid-<field>`. The only slot is `{{value}}`, the letter's text ("…" when redacted).
 */
function headerMessages(): Record<string, string> {
  const m: Record<string, string> = {
    noHeader: 'The letter has no header block (Case Number, Date Assigned, Date of Injury, Decision Date, UR Denial Date, Priority, Application Received).',
  };
  for (const [key, label] of Object.entries(HEADER_LABEL_TEXT) as [HeaderFieldKey, string][]) {
    m[`missing-${key}`] = `Header field "${label}" is missing.`;
    m[`empty-${key}`] = `Header field "${label}" has no value.`;
    m[`invalid-${key}`] = `Header field "${label}": "{{value}}" ${key === 'caseNumber' ? WHY.caseNumber : key === 'priority' ? WHY.priority : WHY.date}.`;
    if (DATE_KEYS.has(key)) m[`form-${key}`] = `Header field "${label}": "{{value}}" is a date, but the header writes dates MM/DD/YYYY.`;
  }
  return m;
}

export const headerField: Rule = {
  meta: {
    id: 'header-field',
    description: 'A header field (Case Number, Date Assigned, Date of Injury, Decision Date, UR Denial Date, Priority, Application Received) is missing or its value is invalid.',
    defaultSeverity: 'error',
    category: 'header',
    fixable: true,
    hasSuggestions: false,
    messages: headerMessages(),
  },
  check(ctx) {
    const fields = ctx.determination.header.fields;
    if (Object.keys(fields).length === 0 && ctx.schemaIssues.length > 0) {
      // no header block at all: one finding, not one per field
      ctx.report({ messageId: 'noHeader', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      return;
    }
    for (const issue of ctx.schemaIssues) {
      if (issue.keyword === 'required') {
        const key = issue.missingProperty as HeaderFieldKey;
        if (issue.instancePath === '' || !(key in HEADER_LABEL_TEXT)) {
          ctx.report({ messageId: 'noHeader', range: issue.range });
        } else {
          ctx.report({ messageId: `missing-${key}`, range: whereMissing(ctx.determination.header, key) });
        }
        continue;
      }
      const key = issue.instancePath.split('/')[2] as HeaderFieldKey | undefined;
      if (!key || !(key in HEADER_LABEL_TEXT)) continue;
      const f = fields[key];
      if (f && !f.value) {
        ctx.report({ messageId: `empty-${key}`, range: f.labelRange });
        continue;
      }
      const value = f?.value ?? '';
      if (ctx.placeholders.test(value)) continue; // an unfilled template field: the placeholder rule reports it
      // a real date in another form (11/9/2016, 11-09-2016): rewriting it in the header's form is certain
      const canonical = DATE_KEYS.has(key) && f ? canonicalUsDate(value) : undefined;
      if (canonical !== undefined && f) {
        ctx.report({ messageId: `form-${key}`, data: { value }, range: issue.range, fix: replace(keepingColumns(ctx.source.lines, f.valueRange, canonical.length), canonical, 'Write the date MM/DD/YYYY') });
        continue;
      }
      ctx.report({ messageId: `invalid-${key}`, data: { value }, range: issue.range });
    }
  },
};
