import { HEADER_LABEL_TEXT } from '../parser/header';
import { HeaderFieldKey } from '../model/determination';
import { isValidUsDate } from '../schema/determination-schema';
import { Rule } from './rule';

/** The order dates must follow: injury ≤ UR denial ≤ application received ≤ assigned ≤ decision. */
const ORDER: HeaderFieldKey[] = ['dateOfInjury', 'urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

export function dateValue(s: string): number | undefined {
  if (!isValidUsDate(s)) return undefined;
  const [m, d, y] = s.split('/').map(Number);
  return Date.UTC(y, m - 1, d);
}

export const dateOrder: Rule = {
  meta: {
    id: 'date-order',
    description: 'Header dates out of order: Date of Injury ≤ UR Denial Date ≤ Application Received ≤ Date Assigned ≤ Decision Date.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const fields = ctx.determination.header.fields;
    let prev: { key: HeaderFieldKey; value: number } | undefined;
    for (const key of ORDER) {
      const f = fields[key];
      const v = f ? dateValue(f.value) : undefined;
      if (!f || v === undefined) continue;
      if (prev && v < prev.value) {
        ctx.report({
          message: `${HEADER_LABEL_TEXT[key]} (${f.value}) is before ${HEADER_LABEL_TEXT[prev.key]} (${fields[prev.key]?.value}).`,
          range: f.valueRange,
          related: [{ message: HEADER_LABEL_TEXT[prev.key], range: fields[prev.key]?.valueRange }],
        });
        continue; // keep comparing against the latest date that was in order
      }
      prev = { key, value: v };
    }
  },
};
