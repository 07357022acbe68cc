import { Header, HeaderField, HeaderFieldKey, LabelIssue } from '../model/determination';
import { Range } from '../model/range';
import { parseUsDate } from '../text/dates';
import { SourceText } from '../text/source';
import { HEADER_LABEL_TEXT } from '../vocabulary';
import { nearestLabel } from './field-labels';

interface LabelSpec {
  key: HeaderFieldKey;
  re: RegExp;
}

/** Header labels. "Application" alone is the first half of "Application Received:" wrapped by the PDF. */
const LABELS: readonly LabelSpec[] = [
  { key: 'caseNumber', re: /Case\s+(?:Number|No\.?)\s*:/iy },
  { key: 'dateAssigned', re: /Date\s+Assigned\s*:/iy },
  { key: 'dateOfInjury', re: /Date\s+of\s+Injury\s*:/iy },
  { key: 'decisionDate', re: /Decision\s+Date\s*:/iy },
  { key: 'urDenialDate', re: /UR\s+Denial\s+Date\s*:/iy },
  { key: 'priority', re: /Priority\s*:/iy },
  { key: 'applicationReceived', re: /Application\s+Received\s*:/iy },
  { key: 'applicationReceived', re: /Application\b(?!\s+Received)/iy },
];

/**
 * A label without its colon, recognised only when a value of the field's shape follows: "Date of Injury
 * 03/02/2015", "Priority Standard", "Case Number CM17-0100001".
 */
const BARE_LABELS: readonly LabelSpec[] = [
  { key: 'caseNumber', re: /Case\s+Number(?=\s+[A-Z]{2}\d{2}-\d)/iy },
  { key: 'dateAssigned', re: /Date\s+Assigned(?=\s+\d)/iy },
  { key: 'dateOfInjury', re: /Date\s+of\s+Injury(?=\s+\d)/iy },
  { key: 'decisionDate', re: /Decision\s+Date(?=\s+\d)/iy },
  { key: 'urDenialDate', re: /UR\s+Denial\s+Date(?=\s+\d)/iy },
  { key: 'priority', re: /Priority(?=\s+(?:Standard|Expedited|Urgent)\b)/iy },
  { key: 'applicationReceived', re: /Application\s+Received(?=\s+\d)/iy },
];

/**
 * The specs by the lower-case code of the letter their pattern starts with, in their order: at a
 * position only the labels that start with its letter are tried (a pattern of the others cannot match).
 */
function byFirstLetter(specs: readonly LabelSpec[]): ReadonlyMap<number, readonly LabelSpec[]> {
  const map = new Map<number, LabelSpec[]>();
  for (const spec of specs) {
    const c = spec.re.source.charCodeAt(0) | 0x20;
    const list = map.get(c) ?? [];
    list.push(spec);
    map.set(c, list);
  }
  return map;
}

const LABELS_BY_FIRST = byFirstLetter(LABELS);
const BARE_LABELS_BY_FIRST = byFirstLetter(BARE_LABELS);

/** One to four words and a colon: a label candidate for the misspelling check. */
const WORDS_COLON = /([A-Za-z]+(?:[ \t]+[A-Za-z]+){0,3})[ \t]*:/y;

const RECEIVED = /^(\s*)Received\s*:/i;

interface LabelHit {
  key: HeaderFieldKey;
  label: string;
  start: number;
  end: number;
  /** "Application" without "Received:" on the same line. */
  split: boolean;
  issue?: LabelIssue;
}

/** `/[A-Za-z]/` for one character code. */
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function findLabels(line: string): LabelHit[] {
  const hits: LabelHit[] = [];
  let i = 0;
  while (i < line.length) {
    // labels start with a letter at a word boundary (character codes: no pattern run nor string made
    // per character; each space between a two-column header's columns costs one test)
    if (!isAsciiLetter(line.charCodeAt(i)) || (i > 0 && isAsciiLetter(line.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let matched = false;
    const specs = LABELS_BY_FIRST.get(line.charCodeAt(i) | 0x20); // labels start with c, d, p, a or u
    if (!specs) {
      i++;
      continue;
    }
    for (const spec of specs) {
      spec.re.lastIndex = i;
      const m = spec.re.exec(line);
      if (m) {
        // "Application" must be followed by spaces and a value or by nothing, never by prose
        const split = !m[0].endsWith(':');
        if (split && !/^\s*(\d|$)/.test(line.slice(i + m[0].length))) continue;
        // the label's words: the colon and the spaces before it trimmed (/\s*:$/ is quadratic on a run of spaces)
        const words = split ? m[0] : m[0].slice(0, -1).trimEnd();
        hits.push({ key: spec.key, label: words.replace(/\s+/g, ' '), start: i, end: i + m[0].length, split });
        i += m[0].length;
        matched = true;
        break;
      }
    }
    if (!matched && isAsciiLetter(line.charCodeAt(i))) {
      const hit = looseLabel(line, i);
      if (hit) {
        hits.push(hit);
        i = hit.end;
        matched = true;
      }
    }
    if (!matched) i++;
  }
  return hits;
}

const LABEL_BY_TEXT = new Map<string, HeaderFieldKey>(Object.entries(HEADER_LABEL_TEXT).map(([k, v]) => [v, k as HeaderFieldKey]));
const LABEL_TEXTS = [...LABEL_BY_TEXT.keys()];

/** A label at `i` without its colon, or misspelled: read as the field it means, with the mistake recorded. */
function looseLabel(line: string, i: number): LabelHit | undefined {
  for (const spec of BARE_LABELS_BY_FIRST.get(line.charCodeAt(i) | 0x20) ?? []) {
    spec.re.lastIndex = i;
    const m = spec.re.exec(line);
    if (m) return { key: spec.key, label: m[0].replace(/\s+/g, ' '), start: i, end: i + m[0].length, split: false, issue: 'no-colon' };
  }
  WORDS_COLON.lastIndex = i;
  const w = WORDS_COLON.exec(line);
  if (!w) return undefined;
  const words = w[1]!;
  const label = nearestLabel(words, LABEL_TEXTS);
  if (label) return { key: LABEL_BY_TEXT.get(label) as HeaderFieldKey, label: words.replace(/\s+/g, ' '), start: i, end: i + w[0].length, split: false, issue: 'misspelled' };
  return undefined;
}

/**
 * Reads the header block in lines [0, endLine): the two-column block of `pdftotext -layout`, one field
 * per line, or plain `pdftotext` output where all labels come first and then all values.
 */
export function parseHeader(src: SourceText, endLine: number): Header {
  const fields: Partial<Record<HeaderFieldKey, HeaderField>> = {};
  const pendingEmpty: HeaderField[] = [];
  const bareValues: { text: string; range: Range }[] = [];
  let first = -1;
  let last = -1;
  let multiPerLine = false;
  const limit = Math.min(endLine, src.lineCount, 60);

  for (let line = 0; line < limit; line++) {
    const text = src.lines[line]!; // limit <= src.lineCount
    if (!text.trim()) continue;
    const hits = findLabels(text);
    if (hits.length === 0) {
      const received = RECEIVED.exec(text);
      if (received) {
        // second half of a wrapped "Application / Received:" label
        const f = fields.applicationReceived;
        if (f) {
          // the label ends where the match does ("Received:" after its indentation)
          f.labelRange = { start: f.labelRange.start, end: { line, character: received[0].length } };
          const after = text.slice(received[0].length).trim();
          if (!f.value && after) {
            const s = text.indexOf(after, received[0].length);
            f.value = after;
            f.valueRange = { start: { line, character: s }, end: { line, character: s + after.length } };
          }
          last = line;
        }
        continue;
      }
      if (first >= 0 && pendingEmpty.length > 0) {
        const t = text.trim();
        const s = text.indexOf(t);
        // a line of bare values (plain pdftotext); several values may share a line
        for (const m of t.matchAll(/\S+(?: \S+)*/g)) {
          bareValues.push({ text: m[0], range: { start: { line, character: s + (m.index ?? 0) }, end: { line, character: s + (m.index ?? 0) + m[0].length } } });
        }
        last = line;
        continue;
      }
      if (first >= 0) break; // prose after the header
      continue;
    }
    if (first < 0) first = line;
    last = line;
    if (hits.length > 1) multiPerLine = true;
    hits.forEach((hit, k) => {
      const valueEnd = hits[k + 1]?.start ?? text.length;
      const raw = text.slice(hit.end, valueEnd);
      const value = raw.trim();
      const vs = value ? hit.end + raw.indexOf(value) : hit.end;
      const field: HeaderField = {
        key: hit.key,
        label: hit.split ? HEADER_LABEL_TEXT.applicationReceived : hit.label,
        value,
        labelRange: { start: { line, character: hit.start }, end: { line, character: hit.end } },
        valueRange: { start: { line, character: vs }, end: { line, character: vs + value.length } },
      };
      if (hit.issue) field.labelIssue = hit.issue;
      if (!fields[hit.key]) {
        fields[hit.key] = field;
        if (!value) pendingEmpty.push(field);
      }
    });
  }

  let layout: Header['layout'] = first < 0 ? 'none' : multiPerLine ? 'two-column' : 'one-per-line';
  if (pendingEmpty.length > 0 && bareValues.length > 0) {
    layout = 'labels-then-values';
    assignBareValues(pendingEmpty, bareValues);
  }
  const range: Range =
    first < 0
      ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
      : { start: { line: first, character: 0 }, end: { line: last, character: src.lines[last]!.length } }; // last: a line read above
  return { range, layout, fields };
}

const CASE_RE = /^CM\d{2}-\d+$/i;
const DATE_RE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/** Plain pdftotext: values follow all labels; case number and priority are recognised by shape, dates go in label order. */
function assignBareValues(fields: HeaderField[], values: { text: string; range: Range }[]): void {
  const empty = fields.filter((f) => !f.value);
  const remaining = [...values];
  const take = (pred: (t: string) => boolean) => {
    const i = remaining.findIndex((v) => pred(v.text));
    return i >= 0 ? remaining.splice(i, 1)[0] : undefined;
  };
  const set = (f: HeaderField, v: { text: string; range: Range } | undefined) => {
    if (!v) return;
    f.value = v.text;
    f.valueRange = v.range;
  };
  for (const f of empty) {
    if (f.key === 'caseNumber') set(f, take((t) => CASE_RE.test(t)));
    else if (f.key === 'priority') set(f, take((t) => !DATE_RE.test(t) && !CASE_RE.test(t)));
  }
  const dateFields = empty.filter((f) => f.key !== 'caseNumber' && f.key !== 'priority');
  const dates: { text: string; range: Range }[] = [];
  for (let v = take((t) => DATE_RE.test(t)); v; v = take((t) => DATE_RE.test(t))) dates.push(v);
  const order = dateFieldOrder(dateFields.map((f) => f.key), dates.map((d) => d.text));
  order.forEach((key, i) => set(dateFields.find((f) => f.key === key) as HeaderField, dates[i]));
}

/** The two-column block read row by row, and column by column (left column, then right). */
const ROW_ORDER: HeaderFieldKey[] = ['dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'applicationReceived'];
const COLUMN_ORDER: HeaderFieldKey[] = ['dateAssigned', 'decisionDate', 'dateOfInjury', 'urDenialDate', 'applicationReceived'];
const CHRONOLOGY: HeaderFieldKey[] = ['dateOfInjury', 'urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

/**
 * Which date field each bare value belongs to. Values come in the labels' order — unless the
 * extraction read the values in another order of the two-column block (row by row, or column by
 * column) and only that order makes the dates chronological, as real letters' dates are.
 */
function dateFieldOrder(labelOrder: HeaderFieldKey[], values: string[]): HeaderFieldKey[] {
  const candidates = [labelOrder, ROW_ORDER, COLUMN_ORDER].filter((c) => c.length === values.length && c.every((k) => labelOrder.includes(k)));
  const chronological = (order: HeaderFieldKey[]) => {
    // a field without a value (fewer values than fields) is no date: NaN
    const byKey = new Map(order.map((k, i) => [k, parseUsDate(values[i] ?? '') ?? NaN]));
    let prev = -Infinity;
    for (const k of CHRONOLOGY) {
      const v = byKey.get(k);
      if (v === undefined) continue;
      if (Number.isNaN(v) || v < prev) return false;
      prev = v;
    }
    return true;
  };
  return chronological(labelOrder) ? labelOrder : candidates.find(chronological) ?? labelOrder;
}
