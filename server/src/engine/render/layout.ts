import { Determination, HeaderFieldKey } from '../model/determination';
import { hasDirectives, parseDirectives } from '../suppressions';
import { SourceText } from '../text/source';
import { printable } from './printable';

/**
 * The letter as it is sent: one layout of the parsed letter, drawn by the PDF writer (pdf.ts) and by
 * the HTML writer of the editor's preview (html.ts). The layout keeps the letter's words and their
 * order; it decides only how they are set: the two-column header, centred section headings, each
 * item line, guideline line and rationale as its own paragraph, and prose reflowed into paragraphs
 * (a line break the letter's own line wrapping made is not kept, a deliberate one is).
 * Suppression comments (`<!-- imr-disable… -->`) are not part of the sent letter and are left out.
 */

export interface Run {
  text: string;
  bold?: boolean;
}

export type TextBlockKind =
  /** A standard section heading: centred, bold. */
  | 'heading'
  /** A disputed item's line ("<item>: Upheld"): bold. */
  | 'item'
  /** "Claims Administrator guideline: …" / "MAXIMUS guideline: …": bold label. */
  | 'guideline'
  /** "Decision rationale: …" (and the rationale's further paragraphs). */
  | 'rationale'
  /** A line kept as one line (credentials). */
  | 'line'
  /** A short indented line the letter centres (a title). */
  | 'centered'
  /** Prose. */
  | 'text';

/** Zero-based source lines a block comes from (for scrolling the preview and marking findings). */
export interface LineSpan {
  firstLine: number;
  lastLine: number;
}

export interface TextBlock extends LineSpan {
  kind: TextBlockKind;
  runs: Run[];
  /** A blank line stands before it in the letter. */
  spaceBefore: boolean;
  /** Not the last thing on a page (headings, item lines). */
  keepWithNext: boolean;
}

export interface HeaderCell {
  /** The label as written, without the colon ("Case Number"). */
  label: string;
  value: string;
  /** Source line of the label. */
  line: number;
}

export interface HeaderBlock extends LineSpan {
  kind: 'header';
  /** Rows of the two-column header: [left, right]; a missing field leaves its cell undefined. */
  rows: [HeaderCell | undefined, HeaderCell | undefined][];
  spaceBefore: boolean;
  keepWithNext: false;
}

export type Block = HeaderBlock | TextBlock;

export interface LetterLayout {
  /** Document title: from the case number only ("IMR Final Determination CM17-0012345"). */
  title: string;
  caseNumber?: string;
  blocks: Block[];
}

/** The standard two-column arrangement of the header fields. */
const HEADER_ROWS: [HeaderFieldKey, HeaderFieldKey | undefined][] = [
  ['caseNumber', undefined],
  ['dateAssigned', 'dateOfInjury'],
  ['decisionDate', 'urDenialDate'],
  ['priority', 'applicationReceived'],
];

const TITLE = 'IMR Final Determination';

/** Lines are ended by the letter's own wrapping when the next word would not have fit (see `wrapWidth`). */
const SOFT_WRAP_SLACK = 0.8;

interface Unit {
  id: string;
  kind: TextBlockKind;
  /** Every line of the unit belongs to one paragraph (item and guideline lines). */
  joinAll: boolean;
}

/** Lays out a letter: `source` is the letter as written, `det` its parse (of the same text). */
export function layoutLetter(source: SourceText, det: Determination): LetterLayout {
  const lines = source.lines;
  const skip = new Set<number>(hasDirectives(source.text) ? parseDirectives(lines).map((d) => d.line) : []);
  const units = new Array<Unit | undefined>(lines.length);
  const mark = (from: number, to: number, unit: Unit) => {
    for (let l = Math.max(0, from); l <= Math.min(to, lines.length - 1); l++) units[l] = unit;
  };

  for (const [i, s] of det.sections.entries()) mark(s.headingRange.start.line, s.headingRange.end.line, { id: `s${i}`, kind: 'heading', joinAll: true });
  for (const [key, c] of Object.entries(det.credentials)) if (c) mark(c.range.start.line, c.range.start.line, { id: `c-${key}`, kind: 'line', joinAll: true });
  for (const [i, item] of det.items.entries()) {
    mark(item.headerRange.start.line, item.headerRange.end.line, { id: `i${i}`, kind: 'item', joinAll: true });
    for (const [which, g] of [['ca', item.claimsAdministratorGuideline], ['mx', item.maximusGuideline]] as const) {
      if (g) mark(g.labelRange.start.line, g.range.end.line, { id: `g${i}${which}`, kind: 'guideline', joinAll: true });
    }
    const r = item.rationale;
    if (r) mark(r.labelRange.start.line, r.range.end.line, { id: `r${i}`, kind: 'rationale', joinAll: false });
  }

  const blocks: Block[] = [];
  const header = headerBlock(source, det, skip);
  const headerLines = header ? new Set<number>() : undefined;
  if (header) for (let l = header.firstLine; l <= header.lastLine; l++) headerLines?.add(l);

  const width = wrapWidth(lines, skip);
  let current: { unit: Unit | undefined; block: TextBlock; run: Run; lastText: string } | undefined;
  let blank = false;
  const close = () => {
    if (current) blocks.push(finish(current.block, lines, width));
    current = undefined;
  };

  for (let line = 0; line < lines.length; line++) {
    if (skip.has(line)) continue;
    if (header && line === header.firstLine) {
      close();
      // text on the header's lines that is neither a label nor a value goes before it, as written
      for (const extra of header.extra) blocks.push({ ...extra, spaceBefore: blank });
      blocks.push({ ...header.block, spaceBefore: blank || header.extra.length > 0 });
      blank = false;
      line = header.lastLine;
      continue;
    }
    const text = clean(lines[line]!); // line < lines.length: the loop's condition
    if (text === '') {
      close();
      if (blocks.length > 0) blank = true;
      continue;
    }
    const unit = units[line];
    const continues =
      current !== undefined &&
      current.unit?.id === unit?.id &&
      (unit?.joinAll === true || softWrapped(current.lastText, text, width));
    if (current && continues) {
      current.run.text += ` ${text}`;
      current.block.lastLine = line;
      current.lastText = text;
      continue;
    }
    close();
    const kind: TextBlockKind = unit?.kind ?? 'text';
    const run: Run = { text };
    current = {
      unit,
      lastText: text,
      run,
      block: { kind, runs: [run], firstLine: line, lastLine: line, spaceBefore: blank, keepWithNext: kind === 'heading' || kind === 'item' },
    };
    blank = false;
  }
  close();

  const caseNumber = det.header.fields.caseNumber?.value || undefined;
  return { title: caseNumber ? `${TITLE} ${printable(caseNumber)}` : TITLE, caseNumber: caseNumber ? printable(caseNumber) : undefined, blocks };
}

/** A line as printed: form feeds (page breaks of the text the letter came from) and outer spaces dropped. */
function clean(line: string): string {
  return line.replace(/\f/g, '').trim();
}

/**
 * The column the letter's prose is wrapped at: most lines of a hard-wrapped letter end near it. A
 * letter written with one line per paragraph has a wide "column", and none of its breaks is undone.
 */
function wrapWidth(lines: readonly string[], skip: Set<number>): number {
  const lengths: number[] = [];
  for (const [l, s] of lines.entries()) {
    if (skip.has(l)) continue;
    const n = clean(s).length;
    if (n > 0) lengths.push(n);
  }
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(0.9 * (lengths.length - 1))]!; // lengths is not empty
}

/** The break after `prev` was made by wrapping: the next line's first word would not have fit. */
function softWrapped(prev: string, next: string, width: number): boolean {
  if (/:$/.test(prev)) return false;
  if (/^([-•*·o]|\d{1,2}[.)]|[a-z][.)])\s/.test(next)) return false;
  const [firstWord = ''] = next.split(/\s/, 1);
  return prev.length + 1 + firstWord.length > width * SOFT_WRAP_SLACK;
}

function finish(block: TextBlock, lines: readonly string[], width: number): TextBlock {
  let text = block.runs.map((r) => r.text).join('');
  text = printable(text);
  let kind = block.kind;
  if (kind === 'text' && block.firstLine === block.lastLine) {
    const raw = (lines[block.firstLine] ?? '').replace(/\f/g, '');
    const indent = raw.length - raw.trimStart().length;
    if (indent >= 10 && text.length < width * SOFT_WRAP_SLACK) kind = 'centered';
  }
  const runs = labelled(kind, text);
  return { ...block, kind, runs, keepWithNext: kind === 'heading' || kind === 'item' };
}

/** Bold where the letter has a label: "Claims Administrator guideline:", "Decision rationale:", the item line, headings. */
function labelled(kind: TextBlockKind, text: string): Run[] {
  if (kind === 'heading' || kind === 'item') return [{ text, bold: true }];
  if (kind === 'guideline' || kind === 'rationale' || kind === 'line') {
    const m = /^[^:]{1,60}:/.exec(text);
    if (m && (kind !== 'rationale' || /^Decision\s+rationale\s*:/i.test(m[0]))) {
      const rest = text.slice(m[0].length);
      return rest.trim() ? [{ text: m[0], bold: true }, { text: rest }] : [{ text: m[0], bold: true }];
    }
  }
  return [{ text }];
}

interface HeaderLayout {
  block: HeaderBlock;
  firstLine: number;
  lastLine: number;
  /** Text on the header's lines outside its labels and values. */
  extra: TextBlock[];
}

function headerBlock(source: SourceText, det: Determination, skip: Set<number>): HeaderLayout | undefined {
  const fields = det.header.fields;
  if (det.header.layout === 'none' || Object.keys(fields).length === 0) return undefined;
  const cell = (key: HeaderFieldKey | undefined): HeaderCell | undefined => {
    const f = key ? fields[key] : undefined;
    return f ? { label: printable(f.label.replace(/\s+/g, ' ')), value: printable(f.value), line: f.labelRange.start.line } : undefined;
  };
  const rows: HeaderBlock['rows'] = [];
  for (const [left, right] of HEADER_ROWS) {
    const row: [HeaderCell | undefined, HeaderCell | undefined] = [cell(left), cell(right)];
    if (row[0] || row[1]) rows.push(row);
  }
  const firstLine = det.header.range.start.line;
  const lastLine = det.header.range.end.line;

  // what is left of each header line once labels and values are taken out
  const left = source.lines.map((l) => l);
  const blankOut = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    for (let l = r.start.line; l <= r.end.line; l++) {
      const s = left[l] ?? '';
      const from = l === r.start.line ? r.start.character : 0;
      const to = l === r.end.line ? r.end.character : s.length;
      left[l] = s.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + s.slice(to);
    }
  };
  for (const f of Object.values(fields)) {
    if (!f) continue;
    blankOut(f.labelRange);
    blankOut(f.valueRange);
  }
  const extra: TextBlock[] = [];
  for (let l = firstLine; l <= lastLine; l++) {
    if (skip.has(l)) continue;
    // the label's colon and the wrapped half "Received:" of "Application Received:"
    const rest = clean((left[l] ?? '').replace(/^\s*Received\s*:/i, '').replace(/(^|\s):(?=\s|$)/g, ' '));
    if (rest) extra.push({ kind: 'text', runs: [{ text: printable(rest) }], firstLine: l, lastLine: l, spaceBefore: false, keepWithNext: false });
  }
  return { block: { kind: 'header', rows, firstLine, lastLine, spaceBefore: false, keepWithNext: false }, firstLine, lastLine, extra };
}
