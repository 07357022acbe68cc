import { Conclusion, Rationale } from '../model/determination';
import { Range } from '../model/range';
import { JoinedText } from '../text/joined';
import { findRationalePages } from './page-refs';
import { readVerdict } from '../verdict/reader';

/** The rationale's conclusion about `item`, as the verdict reader reads it (engine/verdict/reader.ts). */
export function findConclusion(body: JoinedText, item?: string): { conclusion: Conclusion; range?: Range } {
  const v = readVerdict(body.text, item);
  const conclusion: Conclusion = v.value === 'necessary' ? 'medically-necessary' : v.value === 'not-necessary' ? 'not-medically-necessary' : 'unclear';
  return { conclusion, range: v.start !== undefined && v.end !== undefined ? body.rangeOf(v.start, v.end) : undefined };
}

export function parseRationale(labelRange: Range, body: JoinedText, item?: string): Rationale {
  const c = findConclusion(body, item);
  return {
    text: body.text,
    range: body.fullRange,
    labelRange,
    conclusion: c.conclusion,
    conclusionRange: c.range,
    pageRefs: findRationalePages(body),
  };
}
