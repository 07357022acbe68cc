import { Credentials, Determination, Section } from '../model/determination';
import { Range } from '../model/range';
import { MtusIndex } from '../mtus/types';
import { maskPageFurniture } from '../text/page-furniture';
import { SourceText } from '../text/source';
import { leadingSpaceEnd, trailingSpaceStart } from '../text/spaces';
import { parseHeader } from './header';
import { matchHeading } from './headings';
import { parseItems } from './items';
import { CREDENTIAL_LABELS } from '../vocabulary';

// the labels only: the value is the rest of the line, trimmed (a lazy group before `\s*$` backtracks
// quadratically over a run of spaces inside the value)
const LICENSURE_RE = CREDENTIAL_LABELS.licensure.pattern;
const SPECIALTY_RE = CREDENTIAL_LABELS.specialty.pattern;

/** Parses letter text into the structured determination. Never throws on text input. */
export function parseLetter(input: string | SourceText, index: MtusIndex): Determination {
  // page numbers of a paginated PDF's text are blank lines to the parser
  const src = maskPageFurniture(typeof input === 'string' ? new SourceText(input) : input);
  const sections: Section[] = [];
  const credentials: Credentials = {};
  for (let line = 0; line < src.lineCount; line++) {
    const raw = src.lines[line]!;
    // the trimmed line is made only for a line of a heading's length (matchHeading reads 10 to 60 characters)
    const start = leadingSpaceEnd(raw);
    if (start === raw.length) continue;
    const length = trailingSpaceStart(raw) - start;
    const trimmed = length >= 10 && length <= 60 ? raw.slice(start, start + length) : undefined;
    const h = trimmed ? matchHeading(trimmed) : undefined;
    if (trimmed && h) {
      const hr = src.trimmedLineRange(line);
      const open = sections.at(-1);
      if (open) closeSection(src, open, line);
      sections.push({
        id: h.spec.id,
        heading: trimmed,
        canonical: h.spec.canonical,
        exact: h.exact,
        headingRange: hr,
        range: { start: hr.start, end: src.lineRange(src.lineCount - 1).end },
      });
      continue;
    }
    // the credential labels start with S or C (any case) and hold "(s)" or "(S)": the cheap tests before the patterns
    const first = raw.charCodeAt(start) | 0x20;
    if ((first !== 0x73 && first !== 0x63) || (!raw.includes('(s)') && !raw.includes('(S)'))) continue;
    const lic = LICENSURE_RE.exec(raw);
    if (lic && !credentials.licensure) {
      credentials.licensure = credentialValue(src, line, lic[1]!.length, raw.slice(lic[0].length).trimEnd());
      continue;
    }
    const spec = SPECIALTY_RE.exec(raw);
    if (spec && !credentials.specialty) {
      credentials.specialty = credentialValue(src, line, spec[1]!.length, raw.slice(spec[0].length).trimEnd());
    }
  }
  const firstSection = sections[0];
  const firstHeading = firstSection ? firstSection.headingRange.start.line : Math.min(src.lineCount, 30);
  const header = parseHeader(src, firstHeading);

  // Items live in the (first) issues section; without one, everything after the last other section.
  const issues = sections.find((s) => s.id === 'issues');
  let from: number;
  let to = src.lineCount;
  if (issues) {
    from = issues.headingRange.start.line + 1;
    const after = sections.find((s) => s.headingRange.start.line > issues.headingRange.start.line && s.id !== 'issues');
    if (after) to = after.headingRange.start.line;
  } else {
    const lastOther = sections[sections.length - 1];
    from = lastOther ? lastOther.headingRange.start.line + 1 : header.range.end.line + 1;
  }
  const { items, unparsed } = parseItems(src, from, to, index, header.fields.caseNumber?.value);
  return { header, sections, credentials, items, unparsed, lineCount: src.lineCount };
}

function closeSection(src: SourceText, s: Section, nextHeadingLine: number): void {
  let end = nextHeadingLine - 1;
  // the heading's line and the next heading's line are lines of src, so `end` stays one too
  while (end > s.headingRange.start.line && !src.lines[end]!.trim()) end--;
  s.range = { start: s.range.start, end: src.lineRange(Math.max(end, s.headingRange.start.line)).end };
}

/**
 * A credential value, joined with the line it wraps onto: "Public Health &" / "General Preventive
 * Medicine". A value continues on the next line when it ends with a connector (&, a comma, a slash,
 * "and") or is empty, or when the next line is a short fragment standing alone before a blank line or
 * a heading.
 */
function credentialValue(src: SourceText, line: number, startChar: number, first: string): { value: string; range: Range } {
  let value = first;
  let end = line;
  for (let next = line + 1; next < src.lineCount && next <= line + 2; next++) {
    const t = src.lines[next]!.replace(/\f/g, ' ').trim();
    if (!t || t.includes(':') || matchHeading(t)) break;
    const connector = !value || /(?:[&,/-]|\band)$/i.test(value);
    const following = (src.lines[next + 1] ?? '').trim();
    const fragment = t.length <= 50 && !/[.;]$/.test(t) && (!following || !!matchHeading(following));
    if (!connector && !fragment) break;
    value = value ? `${value} ${t}` : t;
    end = next;
    if (!connector) break;
  }
  return { value, range: { start: { line, character: startChar }, end: { line: end, character: src.lines[end]!.trimEnd().length } } };
}
