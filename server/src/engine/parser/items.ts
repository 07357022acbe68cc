import { GuidelineLine, Item, UnparsedBlock } from '../model/determination';
import { Range } from '../model/range';
import { MtusIndex } from '../mtus/types';
import { JoinedText } from '../text/joined';
import { SourceText } from '../text/source';
import { endsWithColon, isBlankText, isWhiteSpace, trailingSpaceStart } from '../text/spaces';
import { parseGuidelineLine } from './citations';
import { LabelIssue, matchItemLabel } from './field-labels';
import { PageBreaks } from './page-breaks';
import { parseRationale } from './rationale';
import { LetterVerdicts } from '../verdict/reader';
import { DECISION_PATTERN, DECISION_WORDS, INTRO_LINE, ITEM_FIELDS, ItemFieldKind, itemFieldOfLabel } from '../vocabulary';

type FieldKind = ItemFieldKind;

/** The decision words, lower case, for endsWithDecision. */
const DECISION_WORDS_LOWER: readonly string[] = DECISION_WORDS.map((w) => w.toLowerCase());
const LONE_DECISION = new RegExp(`^[\\s\\f]*(${DECISION_PATTERN})\\.?\\s*$`, 'i');
/** A line that is nothing but a (possibly misspelled) decision word or two. */
const LONE_WORD = /^[\s\f]*([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})\s*$/;

interface Block {
  from: number;
  to: number;
  field?: FieldKind;
  /** Offset in line `from` where the block's text starts (after the field label). */
  bodyStart: number;
  labelRange?: Range;
  label?: string;
  /** The label is misspelled or has no colon (read as the field it means). */
  labelIssue?: LabelIssue;
  /** isIntro's answer, once asked (the block's first line and field are set when it is made). */
  intro?: boolean;
}

/** The item part of each label as the vocabulary writes it: what matchItemLabel's `canonical` always is. */
const KIND_OF_LABEL: ReadonlyMap<string, FieldKind> = new Map(ITEM_FIELDS.map((f) => [f.label, f.kind]));

function fieldKind(label: string): FieldKind {
  return KIND_OF_LABEL.get(label) ?? itemFieldOfLabel(label)?.kind ?? 'rationale';
}

/**
 * Splits lines [from, to) into blocks: blank-line separated, and every field label starts a new block.
 * Page breaks (form feeds, the blank lines around them, page furniture) separate nothing.
 * [from, to) are lines of `src` (parseItems' contract), so are every block's lines.
 */
function toBlocks(src: SourceText, from: number, to: number, pb: PageBreaks): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  /** The content line before `line` (page-break lines skipped), or from - 1. */
  const prevContent = (line: number) => {
    let p = line - 1;
    while (p >= from && pb.isIgnored(p)) p--;
    return p;
  };
  const nextContent = (line: number) => {
    let n = line + 1;
    while (n < to && pb.isIgnored(n)) n++;
    return n;
  };
  for (let line = from; line < to; line++) {
    const text = src.lines[line]!;
    if (pb.isIgnored(line)) continue;
    if (isBlankText(text)) {
      cur = undefined;
      continue;
    }
    const f = matchItemLabel(text);
    const intro = INTRO_LINE.test(text);
    // an item right after a field paragraph, without a blank line (a page break, or plain text):
    // its line(s) follow the field's last sentence; the decision may be on a line of its own
    // (what follows is read only inside a field's paragraph: no other line needs it)
    if (!f && cur && cur.field !== undefined) {
      const before = prevContent(line);
      const loneDecision = LONE_DECISION.test(text) && endsWithColon(src.lines[before] ?? '');
      // an item line without its decision, right before its guideline lines
      const next = nextContent(line);
      const bareItemLine = endsWithColon(text) && endsWithSentenceEnd(src.lines[before] ?? '') && next < to && isGuidelineLabel(src.lines[next]!);
      if (endsWithDecision(text) || loneDecision || bareItemLine) {
        const item = itemStart(src, cur, loneDecision ? before : line, line, pb, prevContent);
        if (item > cur.from) {
          cur.to = prevContent(item);
          cur = { from: item, to: line, bodyStart: 0 };
          blocks.push(cur);
          if (!bareItemLine) cur = undefined;
          continue;
        }
      }
    }
    if (f || intro || !cur) {
      cur = { from: line, to: line, bodyStart: 0 };
      if (f) {
        cur.field = fieldKind(f.canonical);
        cur.label = f.written.replace(/\s+/g, ' ');
        cur.bodyStart = f.bodyStart;
        cur.labelRange = { start: { line, character: f.start }, end: { line, character: f.end } };
        if (f.issue) cur.labelIssue = f.issue;
      }
      blocks.push(cur);
      // the first item may follow the intro without a blank line; a wrapped intro ends at its colon
      if (intro && endsWithColon(text)) cur = undefined;
      continue;
    }
    cur.to = line;
    if (isIntro(src, cur)) {
      if (endsWithColon(text)) cur = undefined;
      continue;
    }
    // an item line that ends with its decision closes the block (the next item may follow directly)
    if (!cur.field && endsWithDecision(text)) cur = undefined;
  }
  return blocks;
}

/**
 * The first line of the item whose line (with its decision) is `line`, inside the field paragraph
 * `cur`: from `start` back to the sentence end before it (at most three lines, page breaks skipped).
 */
function itemStart(src: SourceText, cur: Block, start: number, line: number, pb: PageBreaks, prevContent: (line: number) => number): number {
  for (let steps = 0; steps < 3; steps++) {
    const p = prevContent(start);
    if (p <= cur.from || endsWithSentenceEnd(src.lines[p]!)) break;
    start = p;
  }
  // "<X> was the original request. <Y> was authorized … The remaining IMR eligible portion …: Upheld":
  // the item starts with the sentence that names the original request, however many lines it takes
  if (REMAINING_RE.test(joinLines(src, start, line, pb))) {
    let origin = ORIGINAL_RE.test(joinLines(src, start, line, pb)) ? start : -1;
    for (let p = start, steps = 0; origin < 0 && steps < 12; steps++) {
      p = prevContent(p);
      if (p <= cur.from) break;
      if (ORIGINAL_RE.test(joinLines(src, p, line, pb))) origin = p;
    }
    if (origin >= 0) {
      start = origin;
      for (let k = 0; k < 8; k++) {
        const q = prevContent(start);
        if (q <= cur.from || endsWithSentenceEnd(src.lines[q]!)) break;
        start = q;
      }
    }
  }
  return start;
}

/** `/[.)"']\s*$/.test(s)`: the last character that is not white space ends a sentence (a period, a parenthesis, a quote). */
function endsWithSentenceEnd(s: string): boolean {
  const e = trailingSpaceStart(s);
  if (e === 0) return false;
  const c = s.charCodeAt(e - 1);
  return c === 46 || c === 41 || c === 34 || c === 39;
}

/**
 * Whether the line ends with its decision, `:\s*(Upheld|Overturned)\.?\s*$` (flag i), read from the line's end:
 * white space, a period, a decision word, white space, a colon — no pattern run on a line that does
 * not end with a decision word. (The words are ASCII letters, which flag i matches in either case.)
 */
export function endsWithDecision(s: string): boolean {
  let end = trailingSpaceStart(s);
  if (end > 0 && s.charCodeAt(end - 1) === 46) end--;
  for (const word of DECISION_WORDS_LOWER) {
    const start = end - word.length;
    if (start < 0 || !endsWithWordAt(s, start, word)) continue;
    let colon = start;
    while (colon > 0 && isWhiteSpace(s.charCodeAt(colon - 1))) colon--;
    if (colon > 0 && s.charCodeAt(colon - 1) === 58) return true;
  }
  return false;
}

/** Whether s[start, start + word.length) is `word` (lower case ASCII letters) in any case. */
function endsWithWordAt(s: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

function isGuidelineLabel(line: string): boolean {
  const m = matchItemLabel(line);
  return !!m && m.canonical !== 'Decision rationale';
}

const ORIGINAL_RE = /\bwas\s+the\s+original\s+request\b/i;

function joinLines(src: SourceText, from: number, to: number, pb: PageBreaks): string {
  const parts: string[] = [];
  for (let l = from; l <= to; l++) if (!pb.isIgnored(l)) parts.push(src.lines[l]!.trim());
  return parts.join(' ');
}

/** Whether block `b` is the issues section's opening sentence (found once per block, then kept on it). */
function isIntro(src: SourceText, b: Block): boolean {
  b.intro ??= !b.field && INTRO_LINE.test(src.lines[b.from]!);
  return b.intro;
}

/** A short block that is only a decision-like word (the decision wrapped onto its own line). */
function isLoneDecision(src: SourceText, b: Block): boolean {
  if (b.field || b.from !== b.to) return false;
  const m = LONE_WORD.exec(src.lines[b.from]!);
  return !!m && m[1]!.length <= 24;
}

/** Whether block `b` is an item line; `next` is the block after it, if any. */
function looksLikeHeader(src: SourceText, b: Block, next: Block | undefined, pb: PageBreaks): boolean {
  if (b.field || isIntro(src, b)) return false;
  const lastLine = src.lines[b.to]!;
  if (endsWithDecision(lastLine)) return true;
  // the decision on its own line inside the block: "...knees:" / "Upheld"
  let before = b.to - 1;
  while (before > b.from && pb.isIgnored(before)) before--;
  if (b.to > b.from && endsWithColon(src.lines[before]!) && LONE_WORD.test(lastLine)) return true;
  if (next && isLoneDecision(src, next) && endsWithColon(lastLine)) return true;
  // an item line whose decision is missing or misspelled, right before its guideline lines
  if (next && (next.field === 'claims' || next.field === 'maximus')) return b.to - b.from <= 6 && !/[.;,]\s*$/.test(lastLine);
  return false;
}

export interface ItemsResult {
  items: Item[];
  unparsed: UnparsedBlock[];
}

/** Reads the disputed items in lines [from, to). */
export function parseItems(src: SourceText, from: number, to: number, index: MtusIndex, caseNumber?: string): ItemsResult {
  const pb = new PageBreaks(src, from, to, caseNumber);
  const skip = (line: number) => pb.isFurniture(line);
  const blocks = toBlocks(src, from, to, pb);
  const items: Item[] = [];
  const unparsed: UnparsedBlock[] = [];
  let current: Item | undefined;
  // this parse's rationales, each read once (several items may repeat one): dropped with the parse
  const verdicts = new LetterVerdicts();
  /**
   * The field being read: its label block (`first`) and the last of its continuation blocks, which
   * run on to it (double-spaced letters put blank lines inside a field).
   */
  let open: { kind: FieldKind; first: Block; last: Block } | undefined;

  const closeField = () => {
    if (!current || !open) return;
    const { first, last } = open;
    const body = JoinedText.fromLines(src, first.from, last.to, first.bodyStart, skip).repairWraps();
    if (open.kind === 'rationale') {
      current.rationale = parseRationale(first.labelRange as Range, body, verdicts, current.text);
      if (first.labelIssue) current.rationale.labelIssue = first.labelIssue;
    } else {
      const line: GuidelineLine = parseGuidelineLine(first.label ?? '', first.labelRange as Range, body, index);
      if (first.labelIssue) line.labelIssue = first.labelIssue;
      if (open.kind === 'claims') current.claimsAdministratorGuideline = line;
      else current.maximusGuideline = line;
    }
    current.range = { start: current.range.start, end: src.lineRange(last.to).end };
    open = undefined;
  };

  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (isIntro(src, b)) continue;
    const next = blocks[k + 1];
    if (!b.field && looksLikeHeader(src, b, next, pb)) {
      closeField();
      let decisionBlock: Block | undefined;
      if (next && isLoneDecision(src, next) && endsWithColon(src.lines[b.to]!)) {
        decisionBlock = next;
        k++;
      }
      current = parseHeaderBlock(src, b, decisionBlock, skip);
      items.push(current);
      continue;
    }
    if (b.field) {
      closeField();
      const order = b.field === 'claims' ? 0 : b.field === 'maximus' ? 1 : 2;
      const have = !current ? 3 : current.rationale ? 2 : current.maximusGuideline ? 1 : current.claimsAdministratorGuideline ? 0 : -1;
      if (!current || order <= have) {
        // fields without an item line before them: an item whose header is missing
        const r = src.trimmedLineRange(b.from);
        current = { text: '', textRange: { start: r.start, end: r.start }, remainingPortion: false, range: r, headerRange: { start: r.start, end: r.start } };
        items.push(current);
      }
      open = { kind: b.field, first: b, last: b };
      continue;
    }
    if (current && open) {
      open.last = b; // a further paragraph (or double-spaced line) of the open field
      continue;
    }
    const jt = JoinedText.fromLines(src, b.from, b.to, 0, skip);
    unparsed.push({ text: jt.text, range: jt.fullRange });
  }
  closeField();
  return { items, unparsed };
}

const PREFIX_RE = /^(Associated\s+surgical\s+services?)\s*:\s*/i;
const REMAINING_RE = /remaining\s+IMR\s+eligible\s+portion/i;

function parseHeaderBlock(src: SourceText, b: Block, decisionBlock: Block | undefined, skip: (line: number) => boolean): Item {
  const lastLine = decisionBlock ? decisionBlock.to : b.to;
  const headerRange: Range = { start: src.trimmedLineRange(b.from).start, end: src.trimmedLineRange(lastLine).end };
  const jt = JoinedText.fromLines(src, b.from, b.to, 0, skip).repairWraps();
  let text = jt.text;
  let textStart = 0;
  let textEnd = text.length;
  let decision: string | undefined;
  let decisionRange: Range | undefined;
  let colonEnd: Range | undefined;

  const colon = text.lastIndexOf(':');
  if (decisionBlock) {
    const r = src.trimmedLineRange(decisionBlock.from);
    decision = src.getText(r);
    decisionRange = r;
    if (colon >= 0) {
      textEnd = colon;
      colonEnd = jt.rangeOf(colon + 1, colon + 1);
      colonEnd = { start: colonEnd.end, end: colonEnd.end };
    }
  } else if (colon >= 0) {
    const after = text.slice(colon + 1);
    const word = after.trim();
    const cr = jt.rangeOf(colon, colon + 1);
    colonEnd = { start: cr.end, end: cr.end };
    if (word && word.split(/\s+/).length <= 3 && !/[.,;]./.test(word)) {
      const ws = colon + 1 + after.indexOf(word);
      decision = word;
      decisionRange = jt.rangeOf(ws, ws + word.length);
      textEnd = colon;
    } else if (!word) {
      textEnd = colon;
    }
  }
  const pm = PREFIX_RE.exec(text);
  let prefix: string | undefined;
  if (pm && pm[0].length < textEnd) {
    prefix = pm[1]!.replace(/\s+/g, ' ');
    textStart = pm[0].length;
  }
  while (textEnd > textStart && /\s/.test(text.charAt(textEnd - 1))) textEnd--;
  const itemText = text.slice(textStart, textEnd);
  text = itemText;
  return {
    text,
    textRange: jt.rangeOf(textStart, textEnd),
    prefix,
    remainingPortion: REMAINING_RE.test(itemText),
    decision,
    decisionRange,
    colonEnd,
    range: headerRange,
    headerRange,
  };
}
