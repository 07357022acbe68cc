import { CANONICAL_HEADING, REQUIRED_ORDER } from '../vocabulary';
import { SectionId } from '../model/determination';
import { Range } from '../model/range';
import { isBlankText } from '../text/spaces';
import { RuleContext, Rule } from './rule';

/** The sentence each standard section opens with: where a missing heading belongs. */
const OPENERS: Record<string, RegExp> = {
  howMade: /^\s*MAXIMUS Federal Services sent the complete case file/i,
  clinicalCaseSummary: /^\s*The expert reviewer developed the following clinical case summary/i,
  issues: /^\s*The Final Determination was based on decisions/i,
};

function whereMissing(ctx: RuleContext, id: SectionId): Range | undefined {
  const opener = OPENERS[id];
  const lines = ctx.source.lines;
  if (opener) {
    for (const [line, text] of lines.entries()) {
      // `\s*` in each opener also skips a leading form feed
      if (opener.test(text)) return ctx.source.trimmedLineRange(line);
    }
  }
  // after the section that should precede it, or before the one that should follow it
  const rank = REQUIRED_ORDER.indexOf(id);
  const next = ctx.determination.sections.find((s) => REQUIRED_ORDER.indexOf(s.id) > rank);
  if (next) return next.headingRange;
  const prev = [...ctx.determination.sections].reverse().find((s) => REQUIRED_ORDER.indexOf(s.id) < rank);
  return prev ? { start: prev.range.end, end: prev.range.end } : undefined;
}

/** The sections whose heading must have text under it. */
const TEXT_REQUIRED: ReadonlySet<SectionId> = new Set(['howMade', 'clinicalCaseSummary']);

function hasText(ctx: RuleContext, from: number, to: number): boolean {
  for (let line = from; line <= to; line++) if (!isBlankText(ctx.source.lines[line] ?? '')) return true;
  return false;
}

/**
 * Structural: the schema's `sections.required` list names the sections every letter must have; the
 * rule also reports a "how made" or case-summary heading with no text under it.
 */
export const sectionMissing: Rule = {
  meta: {
    id: 'section-missing',
    description: 'A standard section required by the schema (HOW THE IMR FINAL DETERMINATION WAS MADE, CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES) is missing, or has no text under its heading.',
    defaultSeverity: 'error',
    category: 'layout',
    fixable: true,
    hasSuggestions: false,
    messages: { missingSection: 'Missing section "{{section}}".', missingPart: 'Missing {{part}}.', emptySection: 'Section "{{section}}" has no text.' },
  },
  check(ctx) {
    // a heading with nothing under it before the next heading (the issues section's items are
    // item-field-missing's; a heading written twice is section-duplicate's, one mistake, one finding)
    const sections = ctx.determination.sections;
    const count = new Map<SectionId, number>();
    for (const s of sections) count.set(s.id, (count.get(s.id) ?? 0) + 1);
    for (const s of sections) {
      if (!TEXT_REQUIRED.has(s.id) || count.get(s.id)! > 1) continue;
      if (hasText(ctx, s.headingRange.start.line + 1, s.range.end.line)) continue;
      ctx.report({ messageId: 'emptySection', params: { section: CANONICAL_HEADING[s.id] ?? s.heading }, range: s.headingRange });
    }
    for (const issue of ctx.schemaIssues) {
      if (issue.keyword === 'required' && issue.instancePath === '/sections') {
        const id = issue.missingProperty as SectionId;
        const name = CANONICAL_HEADING[id] ?? id;
        const at = whereMissing(ctx, id);
        ctx.report({
          messageId: 'missingSection',
          params: { section: name },
          range: at ?? issue.range,
          fix: at && OPENERS[id]?.test(ctx.source.lines[at.start.line] ?? '') ? { title: `Insert the heading "${name}"`, edits: [{ range: { start: { line: at.start.line, character: 0 }, end: { line: at.start.line, character: 0 } }, newText: `${name}${ctx.source.eol}` }] } : undefined,
        });
      } else if (issue.keyword === 'required' && issue.instancePath === '') {
        ctx.report({ messageId: 'missingPart', params: { part: issue.missingProperty ?? '' }, range: issue.range });
      }
    }
  },
};
