import { HeaderFieldKey } from '../model/determination';
import { summaryText, SummaryDate, visitSummaryDates } from '../parser/summary-dates';
import { JoinedText } from '../text/joined';
import { parseUsDate } from '../text/dates';
import { Rule } from './rule';

const FIELD: Record<SummaryDate['kind'], HeaderFieldKey> = { injury: 'dateOfInjury', ur: 'urDenialDate' };

export const summaryDateMismatch: Rule = {
  meta: {
    id: 'summary-date-mismatch',
    description: 'The clinical case summary states a date of injury or utilization review date that differs from the header.',
    defaultSeverity: 'warning',
    category: 'header',
    fixable: false,
    hasSuggestions: false,
    messages: {
      injury: 'The clinical case summary gives the date of injury as {{stated}}; the header\'s Date of Injury is {{header}}.',
      ur: 'The clinical case summary gives the utilization review date as {{stated}}; the header\'s UR Denial Date is {{header}}.',
    },
  },
  check(ctx) {
    const det = ctx.determination;
    const summary = det.sections.find((s) => s.id === 'clinicalCaseSummary');
    if (!summary) return;
    let body: JoinedText | undefined | null = null; // the summary's text, read once when a header date needs it
    for (const kind of ['injury', 'ur'] as const) {
      const field = det.header.fields[FIELD[kind]];
      const want = field ? parseUsDate(field.value) : undefined;
      if (!field || want === undefined) continue;
      if (body === null) body = summaryText(ctx.source, summary);
      if (!body) return;
      // several reviews or a restated date: quiet as soon as one of them agrees with the header
      // (the dates after one that agrees are not read)
      let first: SummaryDate | undefined;
      let agrees = false;
      visitSummaryDates(body, kind, (d) => {
        first ??= d;
        agrees = d.value === want;
        return agrees;
      });
      if (!first || agrees) continue;
      ctx.report({
        messageId: kind,
        data: { stated: first.text, header: field.value },
        range: first.range,
        related: [{ message: `Header: ${field.label}`, range: field.valueRange }],
      });
    }
  },
};
