import { GuidelineLine, Item, UnparsedBlock } from '../model/determination';
import { Range } from '../model/range';
import { MtusIndex } from '../mtus/types';
import { JoinedText } from '../text/joined';
import { SourceText } from '../text/source';
import { parseGuidelineLine } from './citations';
import { parseRationale } from './rationale';

type FieldKind = 'ca' | 'maximus' | 'rationale';

/** The labels that start the three parts of a disputed item after its item line. */
export const FIELD_LABEL = /^([\s\f]*)(Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:/i;
/** The issues section's opening sentence. */
export const INTRO_LINE = /^[\s\f]*The\s+Final\s+Determination\s+was\s+based\s+on\s+decisions\b/i;
export const DECISION_WORDS = ['Upheld', 'Overturned'] as const;
const ENDS_WITH_DECISION = /:\s*(Upheld|Overturned)\.?\s*$/i;
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
}

function fieldKind(label: string): FieldKind {
  const l = label.toLowerCase();
  if (l.startsWith('claims')) return 'ca';
  if (l.startsWith('maximus')) return 'maximus';
  return 'rationale';
}

function isBlank(line: string): boolean {
  return /^[\s\f]*$/.test(line);
}

/** Splits lines [from, to) into blocks: blank-line separated, and every field label starts a new block. */
function toBlocks(src: SourceText, from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (let line = from; line < to; line++) {
    const text = src.lines[line];
    if (isBlank(text)) {
      cur = undefined;
      continue;
    }
    const f = FIELD_LABEL.exec(text);
    const intro = INTRO_LINE.test(text);
    // an item right after a field paragraph, without a blank line (a page break, or plain text):
    // its line(s) follow the field's last sentence; the decision may be on a line of its own
    const loneDecision = !f && cur?.field !== undefined && /^[\s\f]*(Upheld|Overturned)\.?\s*$/i.test(text) && /:\s*$/.test(src.lines[line - 1] ?? '');
    if (!f && cur && cur.field !== undefined && (ENDS_WITH_DECISION.test(text) || loneDecision)) {
      let start = loneDecision ? line - 1 : line;
      while (start - 1 > cur.from && start > line - 4 && !/[.)"']\s*$/.test(src.lines[start - 1])) start--;
      if (start > cur.from) {
        cur.to = start - 1;
        cur = { from: start, to: line, bodyStart: 0 };
        blocks.push(cur);
        cur = undefined;
        continue;
      }
    }
    if (f || intro || !cur) {
      cur = { from: line, to: line, bodyStart: 0 };
      if (f) {
        cur.field = fieldKind(f[2]);
        cur.label = f[2].replace(/\s+/g, ' ');
        cur.bodyStart = f[0].length;
        cur.labelRange = { start: { line, character: f[1].length }, end: { line, character: f[1].length + f[2].length } };
      }
      blocks.push(cur);
      // the first item may follow the intro without a blank line; a wrapped intro ends at its colon
      if (intro && /:\s*$/.test(text)) cur = undefined;
      continue;
    }
    cur.to = line;
    if (isIntro(src, cur)) {
      if (/:\s*$/.test(text)) cur = undefined;
      continue;
    }
    // an item line that ends with its decision closes the block (the next item may follow directly)
    if (!cur.field && ENDS_WITH_DECISION.test(text)) cur = undefined;
  }
  return blocks;
}

function isIntro(src: SourceText, b: Block): boolean {
  return !b.field && INTRO_LINE.test(src.lines[b.from]);
}

/** A short block that is only a decision-like word (the decision wrapped onto its own line). */
function isLoneDecision(src: SourceText, b: Block): boolean {
  if (b.field || b.from !== b.to) return false;
  const m = LONE_WORD.exec(src.lines[b.from]);
  return !!m && m[1].length <= 24;
}

function looksLikeHeader(src: SourceText, blocks: Block[], k: number): boolean {
  const b = blocks[k];
  if (b.field || isIntro(src, b)) return false;
  const lastLine = src.lines[b.to];
  if (ENDS_WITH_DECISION.test(lastLine)) return true;
  const next = blocks[k + 1];
  // the decision on its own line inside the block: "...knees:" / "Upheld"
  if (b.to > b.from && /:\s*$/.test(src.lines[b.to - 1]) && LONE_WORD.test(lastLine)) return true;
  if (next && isLoneDecision(src, next) && /:\s*$/.test(lastLine)) return true;
  // an item line whose decision is missing or misspelled, right before its guideline lines
  if (next && (next.field === 'ca' || next.field === 'maximus')) return b.to - b.from <= 6 && !/[.;,]\s*$/.test(lastLine);
  return false;
}

export interface ItemsResult {
  items: Item[];
  unparsed: UnparsedBlock[];
}

/** Reads the disputed items in lines [from, to). */
export function parseItems(src: SourceText, from: number, to: number, index: MtusIndex): ItemsResult {
  const blocks = toBlocks(src, from, to);
  const items: Item[] = [];
  const unparsed: UnparsedBlock[] = [];
  let current: Item | undefined;
  /** The field being read: its label block and continuation blocks (double-spaced letters put blank lines inside a field). */
  let open: { kind: FieldKind; blocks: Block[] } | undefined;

  const closeField = () => {
    if (!current || !open) return;
    const first = open.blocks[0];
    const last = open.blocks[open.blocks.length - 1];
    const body = JoinedText.fromLines(src, first.from, last.to, first.bodyStart).repairWraps();
    if (open.kind === 'rationale') {
      current.rationale = parseRationale(first.labelRange as Range, body, current.text);
    } else {
      const line: GuidelineLine = parseGuidelineLine(first.label ?? '', first.labelRange as Range, body, index);
      if (open.kind === 'ca') current.claimsAdministratorGuideline = line;
      else current.maximusGuideline = line;
    }
    current.range = { start: current.range.start, end: src.lineRange(last.to).end };
    open = undefined;
  };

  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (isIntro(src, b)) continue;
    if (!b.field && looksLikeHeader(src, blocks, k)) {
      closeField();
      let decisionBlock: Block | undefined;
      if (blocks[k + 1] && isLoneDecision(src, blocks[k + 1]) && /:\s*$/.test(src.lines[b.to])) {
        decisionBlock = blocks[k + 1];
        k++;
      }
      current = parseHeaderBlock(src, b, decisionBlock);
      items.push(current);
      continue;
    }
    if (b.field) {
      closeField();
      const order = b.field === 'ca' ? 0 : b.field === 'maximus' ? 1 : 2;
      const have = !current ? 3 : current.rationale ? 2 : current.maximusGuideline ? 1 : current.claimsAdministratorGuideline ? 0 : -1;
      if (!current || order <= have) {
        // fields without an item line before them: an item whose header is missing
        const r = src.trimmedLineRange(b.from);
        current = { text: '', textRange: { start: r.start, end: r.start }, remainingPortion: false, range: r, headerRange: { start: r.start, end: r.start } };
        items.push(current);
      }
      open = { kind: b.field, blocks: [b] };
      continue;
    }
    if (current && open) {
      open.blocks.push(b); // a further paragraph (or double-spaced line) of the open field
      continue;
    }
    const jt = JoinedText.fromLines(src, b.from, b.to);
    unparsed.push({ text: jt.text, range: jt.fullRange });
  }
  closeField();
  return { items, unparsed };
}

const PREFIX_RE = /^(Associated\s+surgical\s+services?)\s*:\s*/i;
const REMAINING_RE = /remaining\s+IMR\s+eligible\s+portion/i;

function parseHeaderBlock(src: SourceText, b: Block, decisionBlock: Block | undefined): Item {
  const lastLine = decisionBlock ? decisionBlock.to : b.to;
  const headerRange: Range = { start: src.trimmedLineRange(b.from).start, end: src.trimmedLineRange(lastLine).end };
  const jt = JoinedText.fromLines(src, b.from, b.to).repairWraps();
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
    prefix = pm[1].replace(/\s+/g, ' ');
    textStart = pm[0].length;
  }
  while (textEnd > textStart && /\s/.test(text[textEnd - 1])) textEnd--;
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
