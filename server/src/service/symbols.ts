import { DocumentSymbol, SymbolKind } from './lsp-types';
import { Determination, GuidelineLine, HEADER_ORDER, Item, ITEM_FIELDS, Range } from '../engine';
import { comparePositions } from './text';

/** Guard against pathological letters (yaml-language-server caps symbols the same way). */
export const MAX_SYMBOLS = 5000;

function cover(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

function short(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function fieldSymbol(name: string, line: GuidelineLine): DocumentSymbol {
  const cited = line.citations.map((c) => `${c.guideline}${c.year ? ` ${c.year}` : ''}`).join('; ');
  return { name, detail: cited || line.kind, kind: SymbolKind.Property, range: cover(line.range, line.labelRange), selectionRange: line.labelRange };
}

function itemSymbol(item: Item): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  const [claims, maximus, rationale] = ITEM_FIELDS.map((f) => f.label);
  if (item.claimsAdministratorGuideline) children.push(fieldSymbol(claims ?? '', item.claimsAdministratorGuideline));
  if (item.maximusGuideline) children.push(fieldSymbol(maximus ?? '', item.maximusGuideline));
  if (item.rationale) {
    const r = item.rationale;
    children.push({ name: rationale ?? '', detail: r.conclusion?.replace(/-/g, ' '), kind: SymbolKind.String, range: cover(r.range, r.labelRange), selectionRange: r.labelRange });
  }
  const name = short(`${item.prefix ? `${item.prefix}: ` : ''}${item.text}`) || '(item)';
  const range = cover(item.range, item.headerRange);
  return { name, detail: item.decision ?? 'no decision', kind: SymbolKind.Event, range, selectionRange: item.textRange, children };
}

/**
 * Makes every symbol's range contain its selection range and its children (VS Code drops the whole
 * outline when one symbol breaks this), whatever the parser's ranges are.
 */
function contained(sym: DocumentSymbol): DocumentSymbol {
  const children = sym.children?.map(contained);
  let range = cover(sym.range, sym.selectionRange);
  for (const c of children ?? []) range = cover(range, c.range);
  return { ...sym, range, ...(children ? { children } : {}) };
}

/** Outline: the header block, then each section; the disputed items sit under the issues section. */
export function findDocumentSymbols(d: Determination): DocumentSymbol[] {
  return outline(d).map(contained);
}

function outline(d: Determination): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  let budget = MAX_SYMBOLS;
  if (d.header.layout !== 'none') {
    const fields: DocumentSymbol[] = [];
    for (const key of HEADER_ORDER) {
      const f = d.header.fields[key];
      if (!f) continue;
      fields.push({ name: f.label, detail: f.value, kind: SymbolKind.Field, range: cover(f.labelRange, f.valueRange), selectionRange: f.labelRange });
    }
    out.push({ name: 'Header', detail: d.header.fields.caseNumber?.value, kind: SymbolKind.Namespace, range: d.header.range, selectionRange: d.header.range, children: fields });
    budget -= fields.length + 1;
  }
  const firstIssues = d.sections.find((s) => s.id === 'issues');
  for (const s of d.sections) {
    if (budget-- <= 0) break;
    const children: DocumentSymbol[] = [];
    if (s === firstIssues) {
      for (const item of d.items) {
        if (budget <= 0) break;
        const sym = itemSymbol(item);
        budget -= 1 + (sym.children?.length ?? 0);
        children.push(sym);
      }
    }
    out.push({ name: s.heading, detail: s.exact ? undefined : `should be ${s.canonical}`, kind: SymbolKind.Module, range: s.range, selectionRange: s.headingRange, children });
  }
  if (!firstIssues && d.items.length > 0) {
    // items without an issues heading: list them at the top level
    for (const item of d.items) if (budget-- > 0) out.push(itemSymbol(item));
  }
  return out;
}
