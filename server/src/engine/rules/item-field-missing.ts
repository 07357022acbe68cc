import { Item } from '../model/determination';
import { Range } from '../model/range';
import { ITEM_FIELDS } from '../vocabulary';
import { itemAt, itemLabel } from './item-ref';

/**
 * From the item's decision line (the line the item is known by) to where the missing part belongs:
 * the next part that is present, or the end of the item.
 */
function missingRange(item: Item, what: string): Range {
  const headerLine = item.decisionRange?.start.line ?? item.colonEnd?.start.line ?? item.headerRange.end.line;
  const start = { line: headerLine, character: headerLine === item.headerRange.start.line ? item.headerRange.start.character : 0 };
  const order: string[] = ITEM_FIELDS.map((f) => f.key);
  const parts = ITEM_FIELDS.map((f) => item[f.key]?.labelRange);
  const next = parts.slice(order.indexOf(what) + 1).find((r) => r !== undefined);
  const end = next ? next.start : item.range.end;
  return { start, end: end.line >= start.line ? end : start };
}
import { Rule } from './rule';

const FIELD_NAMES: Record<string, string> = {
  ...Object.fromEntries(ITEM_FIELDS.map((f) => [f.key, f.label])),
  text: 'item text',
};

export const itemFieldMissing: Rule = {
  meta: {
    id: 'item-field-missing',
    description: 'A disputed item lacks one of its parts: the item text, the Claims Administrator guideline line, the MAXIMUS guideline line or the decision rationale.',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: false,
    hasSuggestions: false,
    messages: {
      noItems: 'No disputed items found (an item line such as "Physical therapy: Upheld" followed by its guideline lines and rationale).',
      empty: 'Item {{item}}: the {{field}} is empty.',
      noRationale: 'Item {{item}} has no Decision rationale.',
      noLine: 'Item {{item}} has no {{field}} line.',
      emptyUnnamed: 'An item: the {{field}} is empty.',
      noRationaleUnnamed: 'An item has no Decision rationale.',
      noLineUnnamed: 'An item has no {{field}} line.',
    },
  },
  check(ctx) {
    const items = ctx.determination.items;
    for (const issue of ctx.schemaIssues) {
      if (issue.instancePath === '/items' && issue.keyword === 'minItems') {
        ctx.report({ messageId: 'noItems', range: issue.range });
        continue;
      }
      const item = itemAt(items, issue.instancePath);
      if (!item) continue;
      const what = issue.keyword === 'required' ? issue.missingProperty ?? '' : issue.instancePath.split('/')[3] ?? '';
      if (what === 'decision') continue; // item-decision reports it
      const name = FIELD_NAMES[what] ?? what;
      const kind = issue.keyword !== 'required' ? 'empty' : what === 'rationale' ? 'noRationale' : 'noLine';
      ctx.report({
        messageId: item.text ? kind : `${kind}Unnamed`,
        data: item.text ? { item: itemLabel(item) } : undefined,
        params: { field: name },
        range: what === 'text' ? item.headerRange : missingRange(item, what),
      });
    }
  },
};
