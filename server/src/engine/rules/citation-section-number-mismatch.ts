import { guidelineById } from '../mtus/guidelines';
import { findTopic, findTopicByNumber } from '../mtus/topics';
import { citations } from './citation-walk';
import { Rule, replace } from './rule';

export const citationSectionNumberMismatch: Rule = {
  meta: {
    id: 'citation-section-number-mismatch',
    description: 'A numbered section (Opioids Treatment Guidelines "3.3.6 …: Use of Urine Drug Testing (UDT)") has a number that does not match its title.',
    defaultSeverity: 'error',
    category: 'citation',
    // a section number taken from the index changes what the letter cites: a suggestion
    fixable: false,
    hasSuggestions: true,
    messages: { mismatch: 'Section {{number}} is {{numberIs}}; "{{title}}" is section {{titleNumber}}.' },
  },
  check(ctx) {
    for (const { citation } of citations(ctx.determination)) {
      const g = guidelineById(ctx.index, citation.guidelineId);
      if (!g || !g.numberedSections) continue;
      for (const s of citation.sections) {
        if (!s.number || !s.title || !s.numberRange) continue;
        const byTitle = findTopic(g, s.title);
        if (!byTitle?.number || byTitle.number === s.number) continue;
        // a sub-section under its parent's title ("3.3.1.1 …: Screening for Risk of Addiction …", the title of 3.3.1)
        if (s.number.startsWith(`${byTitle.number}.`)) continue;
        const byNumber = findTopicByNumber(g, s.number);
        ctx.report({
          messageId: 'mismatch',
          data: { number: s.number },
          params: { numberIs: byNumber ? `"${byNumber.name}"` : 'not a section number', title: byTitle.name, titleNumber: byTitle.number },
          range: s.numberRange,
          suggestions: [replace(s.numberRange, byTitle.number, `Replace with ${byTitle.number}`)],
          severity: byTitle.verified ? undefined : 'warning',
          related: [{ message: `Index entry: ${byTitle.number} ${byTitle.name}`, file: byTitle.file, line: byTitle.line }],
        });
      }
    }
  },
};
