import { Item } from '../model/determination';
import { Range } from '../model/range';
import { itemAt, itemLabel } from './item-ref';

/**
 * From the item's decision line (the line the item is known by) to where the missing part belongs:
 * the next part that is present, or the end of the item.
 */
function missingRange(item: Item, what: string): Range {
  const headerLine = item.decisionRange?.start.line ?? item.colonEnd?.start.line ?? item.headerRange.end.line;
  const start = { line: headerLine, character: headerLine === item.headerRange.start.line ? item.headerRange.start.character : 0 };
  const order = ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'];
  const parts = [item.claimsAdministratorGuideline?.labelRange, item.maximusGuideline?.labelRange, item.rationale?.labelRange];
  const next = parts.slice(order.indexOf(what) + 1).find((r) => r !== undefined);
  const end = next ? next.start : item.range.end;
  return { start, end: end.line >= start.line ? end : start };
}
import { Rule } from './rule';

const FIELD_NAMES: Record<string, string> = {
  claimsAdministratorGuideline: 'Claims Administrator guideline',
  maximusGuideline: 'MAXIMUS guideline',
  rationale: 'Decision rationale',
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
  },
  check(ctx) {
    const items = ctx.determination.items;
    for (const issue of ctx.schemaIssues) {
      if (issue.instancePath === '/items' && issue.keyword === 'minItems') {
        ctx.report({ message: 'No disputed items found (an item line such as "Physical therapy: Upheld" followed by its guideline lines and rationale).', range: issue.range });
        continue;
      }
      const item = itemAt(items, issue.instancePath);
      if (!item) continue;
      const what = issue.keyword === 'required' ? issue.missingProperty ?? '' : issue.instancePath.split('/')[3] ?? '';
      if (what === 'decision') continue; // item-decision reports it
      const name = FIELD_NAMES[what] ?? what;
      const subject = item.text ? `Item ${itemLabel(item)}` : 'An item';
      let message: string;
      if (issue.keyword !== 'required') message = `${subject}: the ${name} is empty.`;
      else if (what === 'rationale') message = `${subject} has no Decision rationale.`;
      else message = `${subject} has no ${name} line.`;
      ctx.report({ message, range: what === 'text' ? item.headerRange : missingRange(item, what) });
    }
  },
};
