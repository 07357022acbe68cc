import { HEADER_DATE_SEQUENCE, HEADER_LABEL_TEXT } from '../vocabulary';
import { HeaderFieldKey } from '../model/determination';
import { parseUsDate } from '../text/dates';
import { outOfOrder } from './out-of-order';
import { Rule } from './rule';

/** The order dates must follow: injury ≤ UR denial ≤ application received ≤ assigned ≤ decision. */
const ORDER = HEADER_DATE_SEQUENCE;

const EXPECTED = 'expected Date of Injury ≤ UR Denial Date ≤ Application Received ≤ Date Assigned ≤ Decision Date';

/**
 * One template per ordered pair of dates, `<field>-<other>`, generated from the label table; the slots
 * `{{value}}` and `{{otherValue}}` are the letter's dates ("…" when redacted).
 */
function orderMessages(): Record<string, string> {
  const m: Record<string, string> = {};
  for (const a of ORDER) {
    for (const b of ORDER) {
      if (a === b) continue;
      const relation = ORDER.indexOf(b) < ORDER.indexOf(a) ? 'before' : 'after';
      m[`${a}-${b}`] = `${HEADER_LABEL_TEXT[a]} ({{value}}) is ${relation} ${HEADER_LABEL_TEXT[b]} ({{otherValue}}); ${EXPECTED}.`;
    }
  }
  return m;
}

export const dateOrder: Rule = {
  meta: {
    id: 'date-order',
    description: 'Header dates out of order: Date of Injury ≤ UR Denial Date ≤ Application Received ≤ Date Assigned ≤ Decision Date.',
    defaultSeverity: 'error',
    category: 'header',
    fixable: false,
    hasSuggestions: false,
    messages: orderMessages(),
  },
  check(ctx) {
    const fields = ctx.determination.header.fields;
    const dates: { key: HeaderFieldKey; value: number }[] = [];
    for (const key of ORDER) {
      const f = fields[key];
      const v = f ? parseUsDate(f.value) : undefined;
      if (f && v !== undefined) dates.push({ key, value: v });
    }
    const late = outOfOrder(dates.map((d) => d.value));
    if (late.size === 0) return; // in order: nothing to blame
    const blamed = new Set(dates.filter((_, i) => late.has(i)).map((d) => d.key));
    for (const d of dates) {
      if (!blamed.has(d.key)) continue;
      const f = fields[d.key];
      if (!f) continue;
      const i = ORDER.indexOf(d.key);
      const earlier = dates.filter((x) => ORDER.indexOf(x.key) < i && x.value > d.value && !blamed.has(x.key));
      const later = dates.filter((x) => ORDER.indexOf(x.key) > i && x.value < d.value && !blamed.has(x.key));
      const other = earlier[0] ?? later[0] ?? dates.find((x) => x.key !== d.key && (ORDER.indexOf(x.key) < i ? x.value > d.value : x.value < d.value));
      if (!other) continue;
      ctx.report({
        messageId: `${d.key}-${other.key}`,
        data: { value: f.value, otherValue: fields[other.key]?.value ?? '' },
        range: f.valueRange,
        related: [{ message: HEADER_LABEL_TEXT[other.key], range: fields[other.key]?.valueRange }],
      });
    }
  },
};
