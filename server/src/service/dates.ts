import { Header, HEADER_LABEL_TEXT, HeaderFieldKey, parseUsDate } from '../engine';

const DAY = 86_400_000;

export interface Interval {
  from: HeaderFieldKey;
  to: HeaderFieldKey;
  /** What the interval is ("UR denial to application received"). */
  label: string;
  days: number;
}

/** The intervals between header dates that matter for a review, for the dates the header has. */
const PAIRS: readonly [HeaderFieldKey, HeaderFieldKey, string][] = [
  ['urDenialDate', 'applicationReceived', 'UR denial → application received'],
  ['urDenialDate', 'decisionDate', 'UR denial → decision'],
  ['applicationReceived', 'decisionDate', 'application received → decision'],
  ['dateAssigned', 'decisionDate', 'assigned → decision'],
  ['dateOfInjury', 'decisionDate', 'injury → decision'],
];

export function headerIntervals(header: Header): Interval[] {
  const out: Interval[] = [];
  for (const [from, to, label] of PAIRS) {
    const a = header.fields[from] ? parseUsDate(header.fields[from].value) : undefined;
    const b = header.fields[to] ? parseUsDate(header.fields[to].value) : undefined;
    if (a === undefined || b === undefined) continue;
    out.push({ from, to, label, days: Math.round((b - a) / DAY) });
  }
  return out;
}

function duration(days: number): string {
  const abs = Math.abs(days);
  const base = `${days} day${abs === 1 ? '' : 's'}`;
  if (abs < 60) return base;
  const years = abs / 365.25;
  return years >= 2 ? `${base} (about ${years.toFixed(1)} years)` : `${base} (about ${(abs / 30.44).toFixed(1)} months)`;
}

/** Markdown for a hover on a header date: the date, then the intervals (those involving it first). */
export function describeHeaderDate(header: Header, key: HeaderFieldKey): string {
  const field = header.fields[key];
  const lines = [`**${HEADER_LABEL_TEXT[key]}**`];
  const t = field ? parseUsDate(field.value) : undefined;
  if (field && t === undefined) lines.push('', `"${field.value}" is not a date in MM/DD/YYYY form.`);
  else if (t !== undefined) lines.push('', new Date(t).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));
  const intervals = headerIntervals(header).sort((a, b) => Number(b.from === key || b.to === key) - Number(a.from === key || a.to === key));
  if (intervals.length > 0) {
    lines.push('', '| interval | days |', '|---|---|');
    for (const i of intervals) {
      const mine = i.from === key || i.to === key;
      const text = `${i.label}${i.days < 0 ? ' ⚠ negative: dates out of order' : ''}`;
      lines.push(`| ${mine ? `**${text}**` : text} | ${duration(i.days)} |`);
    }
  }
  return lines.join('\n');
}
