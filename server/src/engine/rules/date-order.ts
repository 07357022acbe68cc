import { HEADER_DATE_SEQUENCE, HEADER_LABEL_TEXT } from '../vocabulary';
import { HeaderFieldKey } from '../model/determination';
import { parseUsDate } from '../text/dates';
import { outOfOrder } from './out-of-order';
import { Rule } from './rule';

/** The order dates must follow: injury ≤ UR denial ≤ application received ≤ assigned ≤ decision. */
const ORDER = HEADER_DATE_SEQUENCE;

export const dateOrder: Rule = {
  meta: {
    id: 'date-order',
    description: 'Header dates out of order: Date of Injury ≤ UR Denial Date ≤ Application Received ≤ Date Assigned ≤ Decision Date.',
    defaultSeverity: 'error',
    category: 'header',
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    const fields = ctx.determination.header.fields;
    const dates: { key: HeaderFieldKey; value: number }[] = [];
    for (const key of ORDER) {
      const f = fields[key];
      const v = f ? parseUsDate(f.value) : undefined;
      if (f && v !== undefined) dates.push({ key, value: v });
    }
    const blamed = new Set([...outOfOrder(dates.map((d) => d.value))].map((i) => dates[i].key));
    for (const d of dates) {
      if (!blamed.has(d.key)) continue;
      const f = fields[d.key];
      if (!f) continue;
      const i = ORDER.indexOf(d.key);
      const earlier = dates.filter((x) => ORDER.indexOf(x.key) < i && x.value > d.value && !blamed.has(x.key));
      const later = dates.filter((x) => ORDER.indexOf(x.key) > i && x.value < d.value && !blamed.has(x.key));
      const other = earlier[0] ?? later[0] ?? dates.find((x) => x.key !== d.key && (ORDER.indexOf(x.key) < i ? x.value > d.value : x.value < d.value));
      if (!other) continue;
      const relation = ORDER.indexOf(other.key) < i ? 'before' : 'after';
      ctx.report({
        message: `${HEADER_LABEL_TEXT[d.key]} (${f.value}) is ${relation} ${HEADER_LABEL_TEXT[other.key]} (${fields[other.key]?.value}); expected Date of Injury ≤ UR Denial Date ≤ Application Received ≤ Date Assigned ≤ Decision Date.`,
        range: f.valueRange,
        related: [{ message: HEADER_LABEL_TEXT[other.key], range: fields[other.key]?.valueRange }],
      });
    }
  },
};
