import { CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupKind, Position, Range } from './lsp-types';
import { CREDENTIAL_LABELS, DECISION_PATTERN, DECISION_WORDS, HEADER_LABEL_TEXT, HEADER_ORDER, HeaderFieldKey, MtusIndex, REQUIRED_ORDER, SectionId, STANDARD_HEADINGS } from '../engine';
import { citationCompletions, TRIGGER_SUGGEST } from './completion-citations';
import { DECISION_MEANING } from './decisions';
import { HEADER_HELP } from './header-fields';
import { FIELD_LABEL, fieldKindOf, FieldKind, INTRO, paragraphBefore } from './paragraph';
import { headingOf, Region, regionAt } from './regions';
import { SnippetDefinition } from './snippets';
import { expandSnippet } from '../templates/snippet';

export interface CompletionInput {
  lines: readonly string[];
  position: Position;
  index: MtusIndex;
  snippets: readonly SnippetDefinition[];
  /** The character that triggered the request, when one did (":" or " "). */
  triggerCharacter?: string;
  /** The client accepts snippet syntax; otherwise snippets are offered as their plain expansion. Default true. */
  snippetSupport?: boolean;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Context-aware completion: headings, header labels, field prefixes and snippets at the start of a
 * line; Upheld/Overturned after an item's colon; guideline names, sections, topics and pages inside
 * "Decision based on MTUS …" citations.
 */
export function doComplete(input: CompletionInput): CompletionList {
  const { lines, position } = input;
  const line = lines[position.line];
  if (line === undefined) return EMPTY;
  const before = line.slice(0, position.character);
  const region = regionAt(lines, position.line);

  if (region === 'issues') {
    const p = paragraphBefore(lines, position);
    const cited = citationCompletions(p, position, input.index);
    if (cited) return { isIncomplete: true, items: cited };
    const decision = decisionCompletions(lines, position, before, p.firstLine);
    if (decision) return { isIncomplete: false, items: decision };
  }
  if (region === 'header' && input.triggerCharacter !== ':') {
    const labels = headerLabelsAfterValue(lines, position, before);
    if (labels) return { isIncomplete: true, items: labels };
  }
  // line start: nothing but (part of) a label, heading or snippet prefix so far
  if (input.triggerCharacter === ':' || input.triggerCharacter === ' ' || before.includes(':')) return EMPTY;
  const typed = before.replace(/^[\s\f]+/, '');
  if (!/^[A-Za-z(-]?[\w()\s,'/-]*$/.test(typed)) return EMPTY;
  const range: Range = { start: { line: position.line, character: before.length - typed.length }, end: position };
  const items = lineStartItems(lines, position.line, region, range, input.snippets, input.snippetSupport !== false).filter((i) => startsLike(i.filterText ?? i.label, typed));
  return { isIncomplete: true, items };
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').toLowerCase();
}

function startsLike(candidate: string, typed: string): boolean {
  return typed === '' || normalize(candidate).startsWith(normalize(typed));
}

function lineStartItems(lines: readonly string[], line: number, region: Region, range: Range, snippets: readonly SnippetDefinition[], snippetSupport: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (region === 'header') items.push(...headerLabelItems(lines, line, range));
  if (region === 'howMade') items.push(...credentialItems(range));
  if (region === 'issues') items.push(...fieldPrefixItems(lines, line, range));
  items.push(...headingItems(lines, range));
  items.push(...snippetItems(snippets, range, snippetSupport));
  return items;
}

// ------------------------------------------------------------------ headings

function headingItems(lines: readonly string[], range: Range): CompletionItem[] {
  const present = new Set<SectionId>();
  for (const l of lines) {
    const id = headingOf(l);
    if (id) present.add(id);
  }
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  STANDARD_HEADINGS.forEach((h, k) => {
    if (seen.has(h.canonical)) return;
    seen.add(h.canonical);
    const required = REQUIRED_ORDER.indexOf(h.id);
    const current = k < 3;
    const missing = !present.has(h.id);
    items.push({
      label: h.canonical,
      kind: CompletionItemKind.Class,
      detail: current ? `section heading${missing ? '' : ' (already in the letter)'}` : 'section heading (older letter layout)',
      documentation: {
        kind: MarkupKind.Markdown,
        value: current
          ? `Standard heading of the current (Dec 2016 –) letter layout${required >= 0 ? `; required, section ${required + 1} of ${REQUIRED_ORDER.length}` : ''}.`
          : 'Heading of an older letter layout, accepted as written in letters that use that layout.',
      },
      sortText: `${missing ? 2 : 5}${current ? 0 : 1}${k}`,
      textEdit: { range, newText: h.canonical },
      filterText: h.canonical,
    });
  });
  return items;
}

// ------------------------------------------------------------------ header

function presentLabels(lines: readonly string[], upTo: number): Set<HeaderFieldKey> {
  const present = new Set<HeaderFieldKey>();
  const text = lines.slice(0, Math.min(lines.length, 60)).filter((_, i) => i !== upTo).join('\n').toLowerCase().replace(/\s+/g, ' ');
  for (const key of HEADER_ORDER) if (text.includes(HEADER_LABEL_TEXT[key].toLowerCase() + ':')) present.add(key);
  return present;
}

function headerLabelItems(lines: readonly string[], line: number, range: Range): CompletionItem[] {
  const present = presentLabels(lines, line);
  return HEADER_ORDER.map((key, k) => {
    const label = `${HEADER_LABEL_TEXT[key]}:`;
    return {
      label,
      kind: CompletionItemKind.Field,
      detail: present.has(key) ? 'header field (already present)' : 'header field',
      documentation: { kind: MarkupKind.Markdown, value: HEADER_HELP[key] },
      sortText: `${present.has(key) ? 4 : 1}${k}`,
      textEdit: { range, newText: `${label} ` },
      filterText: label,
    };
  });
}

/** Second column of the two-column header: "Date Assigned:   01/17/2017      Date of I|". */
function headerLabelsAfterValue(lines: readonly string[], position: Position, before: string): CompletionItem[] | undefined {
  const m = /^[\s\f]*\S.*?:\s*\S+\s{2,}([A-Za-z][A-Za-z ]*)?$/.exec(before);
  if (!m) return undefined;
  const typed = m[1] ?? '';
  const range: Range = { start: { line: position.line, character: before.length - typed.length }, end: position };
  return headerLabelItems(lines, position.line, range).filter((i) => startsLike(i.label, typed));
}

function credentialItems(range: Range): CompletionItem[] {
  const labels: [string, string][] = [
    [CREDENTIAL_LABELS.licensure.label, "States where the expert reviewer is licensed, comma-separated (e.g. `California`)."],
    [CREDENTIAL_LABELS.specialty.label, "The expert reviewer's board certification / specialty (e.g. `Family Practice`)."],
  ];
  return labels.map(([label, doc], k) => ({
    label,
    kind: CompletionItemKind.Field,
    detail: 'expert reviewer credentials',
    documentation: { kind: MarkupKind.Markdown, value: doc },
    sortText: `1${k}`,
    textEdit: { range, newText: `${label} ` },
    filterText: label,
  }));
}

// ------------------------------------------------------------------ item fields

interface FieldPrefix {
  kind: FieldKind;
  label: string;
  text: string;
  doc: string;
  alternative?: boolean;
}

const FIELD_PREFIXES: readonly FieldPrefix[] = [
  {
    kind: 'claims',
    label: 'Claims Administrator guideline:',
    text: 'Claims Administrator guideline: Decision based on MTUS ',
    doc: 'The guideline the claims administrator (utilization review) based its decision on.',
  },
  {
    kind: 'maximus',
    label: 'MAXIMUS guideline:',
    text: 'MAXIMUS guideline: Decision based on MTUS ',
    doc: "The guideline the expert reviewer based the IMR decision on.",
  },
  {
    kind: 'maximus',
    label: 'MAXIMUS guideline: … Non-MTUS',
    text: 'MAXIMUS guideline: Decision based on Non-MTUS Citation ',
    doc: 'The expert reviewer relied on evidence outside the MTUS (e.g. ODG).',
    alternative: true,
  },
  { kind: 'rationale', label: 'Decision rationale:', text: 'Decision rationale: ', doc: "The expert reviewer's reasons, ending with the necessity conclusion." },
];

const ENDS_WITH_DECISION = new RegExp(`:\\s*(${DECISION_PATTERN})\\s*$`, 'i');

/** Which part of the current item comes next, judging from the nearest field label or item line above. */
function nextField(lines: readonly string[], line: number): FieldKind | undefined {
  for (let l = Math.min(line, lines.length) - 1; l >= 0 && line - l < 200; l--) {
    const text = lines[l]!;
    const kind = fieldKindOf(text);
    if (kind === 'claims') return 'maximus';
    if (kind === 'maximus') return 'rationale';
    if (kind === 'rationale') return undefined;
    if (ENDS_WITH_DECISION.test(text) && !INTRO.test(text)) return 'claims';
    if (headingOf(text)) return undefined;
  }
  return undefined;
}

function fieldPrefixItems(lines: readonly string[], line: number, range: Range): CompletionItem[] {
  const next = nextField(lines, line);
  return FIELD_PREFIXES.map((f, k) => ({
    label: f.label,
    kind: CompletionItemKind.Property,
    detail: f.text.trim(),
    documentation: { kind: MarkupKind.Markdown, value: f.doc },
    sortText: `${f.kind === next && !f.alternative ? 0 : f.alternative ? 3 : 1}${k}`,
    preselect: f.kind === next && !f.alternative,
    textEdit: { range, newText: f.text },
    filterText: f.text,
    command: f.kind === 'rationale' ? undefined : TRIGGER_SUGGEST,
  }));
}

// ------------------------------------------------------------------ decisions

function decisionItems(range: Range, leadingSpace: boolean): CompletionItem[] {
  return DECISION_WORDS.map((word, k) => ({
    label: word,
    kind: CompletionItemKind.EnumMember,
    detail: 'IMR decision',
    documentation: { kind: MarkupKind.Markdown, value: DECISION_MEANING[word] },
    sortText: String(k),
    textEdit: { range, newText: `${leadingSpace ? ' ' : ''}${word}` },
    filterText: word,
  }));
}

/** "Item text: |" or a lone decision line under an item line that ends with its colon. */
function decisionCompletions(lines: readonly string[], position: Position, before: string, paragraphStart: number): CompletionItem[] | undefined {
  if (FIELD_LABEL.test(lines[paragraphStart] ?? '') || INTRO.test(before)) return undefined;
  const m = /^[\s\f]*\S.*:([ \t]*)([A-Za-z]*)$/.exec(before);
  if (m) {
    if (INTRO.test(lines[paragraphStart] ?? '') && paragraphStart === position.line) return undefined;
    const [, space = '', typed = ''] = m;
    const range: Range = { start: { line: position.line, character: before.length - typed.length }, end: position };
    return decisionItems(range, space.length === 0);
  }
  const lone = /^[\s\f]*([A-Za-z]*)$/.exec(before);
  const prev = lines[position.line - 1] ?? '';
  if (lone && /\S.*:\s*$/.test(prev) && !FIELD_LABEL.test(prev) && !INTRO.test(prev)) {
    const typed = lone[1] ?? '';
    return decisionItems({ start: { line: position.line, character: before.length - typed.length }, end: position }, false);
  }
  return undefined;
}

// ------------------------------------------------------------------ snippets

function snippetItems(snippets: readonly SnippetDefinition[], range: Range, snippetSupport: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const s of snippets) {
    for (const prefix of s.prefixes) {
      items.push({
        label: prefix,
        kind: CompletionItemKind.Snippet,
        detail: s.description ?? s.name,
        documentation: { kind: MarkupKind.Markdown, value: '```\n' + s.body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') + '\n```' },
        insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText: snippetSupport ? s.body : expandSnippet(s.body) },
        filterText: prefix,
        sortText: `9${prefix}`,
      });
    }
  }
  return items;
}
