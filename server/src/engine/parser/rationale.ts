import { Conclusion, Rationale } from '../model/determination';
import { Range } from '../model/range';
import { JoinedText } from '../text/joined';
import { findRationalePages } from './page-refs';
import { LetterVerdicts } from '../verdict/reader';

/**
 * The rationale's conclusion about `item`, as the verdict reader reads it (engine/verdict/reader.ts)
 * through the letter's `verdicts`, which read each text of the letter once (items that share a rationale).
 */
export function findConclusion(body: JoinedText, verdicts: LetterVerdicts, item?: string): { conclusion: Conclusion; range?: Range } {
  const v = verdicts.verdict(body.text, item);
  const conclusion: Conclusion = v.value === 'necessary' ? 'medically-necessary' : v.value === 'not-necessary' ? 'not-medically-necessary' : 'unclear';
  return { conclusion, range: v.start !== undefined && v.end !== undefined ? body.rangeOf(v.start, v.end) : undefined };
}

export function parseRationale(labelRange: Range, body: JoinedText, verdicts: LetterVerdicts, item?: string): Rationale {
  const c = findConclusion(body, verdicts, item);
  return {
    text: body.text,
    range: body.fullRange,
    labelRange,
    conclusion: c.conclusion,
    conclusionRange: c.range,
    pageRefs: findRationalePages(body),
  };
}
