import { Report, RuleMeta } from '../rules/rule';

/**
 * The fix policy, enforced where a rule reports (ESLint does the same with `meta.fixable` and
 * `meta.hasSuggestions`):
 *  - a `fix` is mechanical and certain, safe to apply unattended (`--fix`, `source.fixAll.imr`):
 *    heading spelling and case, a field label's spelling, an unambiguous misspelling of a decision
 *    word, removing an unused suppression comment, re-inserting a missing standard heading, pages
 *    from a verified index entry on a `Page(s):` guideline line;
 *  - a `suggestion` is anything that changes what the letter decides or cites: a decision word where
 *    none was written, section numbers or names taken from the index, pages from an unverified
 *    entry, anything inside rationale prose. The reviewer chooses suggestions one at a time.
 * A rule that reports a fix without declaring `fixable`, or suggestions without declaring
 * `hasSuggestions`, has a programming error: it throws, so the mistake cannot ship quietly.
 */
export function checkReportPolicy(meta: RuleMeta, r: Report): void {
  if (r.fix && !meta.fixable) throw new Error(`rule ${meta.id} reported a fix but its meta.fixable is false`);
  if (r.suggestions && r.suggestions.length > 0 && !meta.hasSuggestions) {
    throw new Error(`rule ${meta.id} reported suggestions but its meta.hasSuggestions is false`);
  }
}
