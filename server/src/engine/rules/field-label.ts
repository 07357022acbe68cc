import { HeaderFieldKey, LabelIssue } from '../model/determination';
import { Range } from '../model/range';
import { ITEM_FIELD_LABELS } from '../parser/field-labels';
import { HEADER_LABEL_TEXT } from '../vocabulary';
import { Fix, Rule } from './rule';

/** Every label the rule knows: the header's seven and an item's three. */
const LABELS: readonly string[] = [...Object.values(HEADER_LABEL_TEXT), ...ITEM_FIELD_LABELS];

function idOf(label: string): string {
  return label.toLowerCase().replace(/[^a-z]+/g, '-');
}

/** One message per label and mistake: "misspelled-date-of-injury", "no-colon-decision-rationale", … */
const MESSAGES: Record<string, string> = Object.fromEntries(
  LABELS.flatMap((label) => [
    [`misspelled-${idOf(label)}`, `Field label "{{written}}" is misspelled: did you mean "${label}:"?`],
    [`no-colon-${idOf(label)}`, `Field label "${label}" has no colon: did you mean "${label}:"?`],
  ]),
);

export const fieldLabel: Rule = {
  meta: {
    id: 'field-label',
    description: 'A field label is misspelled or has no colon ("Decison rationale:", "Date of Injury 03/02/2015"); the field is still read, and the fix writes the label.',
    defaultSeverity: 'warning',
    category: 'layout',
    fixable: true,
    hasSuggestions: false,
    messages: MESSAGES,
  },
  check(ctx) {
    const report = (label: string, issue: LabelIssue, range: Range) => {
      const written = ctx.source.getText(range);
      // the label's words, without a colon the range may include (and the spaces around it); trimmed
      // rather than matched with /\s*:\s*$/, which is quadratic on a label with a long run of spaces
      const trimmed = written.trimEnd();
      const words = trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : written;
      const wordsRange: Range = { start: range.start, end: { line: range.start.line, character: range.start.character + words.length } };
      const fix: Fix =
        issue === 'no-colon'
          ? { title: `Write "${label}:"`, edits: [{ range: { start: wordsRange.end, end: wordsRange.end }, newText: ':' }] }
          : { title: `Write "${label}"`, edits: [{ range: wordsRange, newText: label }] };
      ctx.report({ messageId: `${issue}-${idOf(label)}`, data: { written: words }, range: wordsRange, fix });
    };
    for (const [key, f] of Object.entries(ctx.determination.header.fields)) {
      if (!f?.labelIssue || f.labelRange.start.line !== f.labelRange.end.line) continue;
      report(HEADER_LABEL_TEXT[key as HeaderFieldKey], f.labelIssue, f.labelRange);
    }
    for (const item of ctx.determination.items) {
      const parts: [string, { labelIssue?: LabelIssue; labelRange: Range } | undefined][] = [
        ['Claims Administrator guideline', item.claimsAdministratorGuideline],
        ['MAXIMUS guideline', item.maximusGuideline],
        ['Decision rationale', item.rationale],
      ];
      for (const [label, part] of parts) {
        if (part?.labelIssue && part.labelRange.start.line === part.labelRange.end.line) report(label, part.labelIssue, part.labelRange);
      }
    }
  },
};
