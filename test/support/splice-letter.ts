import * as fs from 'fs';
import * as path from 'path';
import { createIndexProvider, MtusIndex, parseLetter, SectionId } from '../../server/src/engine';
import { TemplateSlot } from '../../server/src/templates/templates';

/**
 * Test wrapper for letter fragments (template parts, rule-doc examples): a fragment is put into a clean,
 * complete base letter (test/fixtures/base-letter.imr.txt) in the place its slot names, so that linting
 * the result reports only what the fragment itself causes.
 */
export type SpliceSlot = TemplateSlot | 'items';

export const BASE_LETTER_PATH = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'base-letter.imr.txt');

export function baseLetter(): string {
  return fs.readFileSync(BASE_LETTER_PATH, 'utf8');
}

let bundled: MtusIndex | undefined;
export function bundledIndex(): MtusIndex {
  if (!bundled) {
    const { index, problems: [problem] } = createIndexProvider().get([]);
    if (problem) throw new Error(`bundled MTUS index: ${problem.message}`);
    bundled = index;
  }
  return bundled;
}

const SECTION_OF: Partial<Record<SpliceSlot, SectionId>> = { howMade: 'howMade', clinicalCaseSummary: 'clinicalCaseSummary', issues: 'issues' };

/**
 * Puts `fragment` into `base`:
 *   letter       the fragment is the whole letter
 *   header       replaces the header block
 *   howMade, clinicalCaseSummary, issues   replaces that section (heading to the next heading)
 *   credentials  replaces the credentials lines
 *   item         is added after the last disputed item
 *   items        replaces all disputed items (rule-doc fragments)
 *   directive    is put on the first line
 */
export function spliceIntoLetter(fragment: string, slot: SpliceSlot, base = baseLetter()): string {
  if (slot === 'letter') return fragment;
  const lines = base.replace(/\n$/, '').split('\n');
  const part = fragment.replace(/\n+$/, '').split('\n');
  const det = parseLetter(base, bundledIndex());
  const replace = (from: number, to: number, insert: string[]) => [...lines.slice(0, from), ...insert, ...lines.slice(to + 1)].join('\n') + '\n';
  const section = SECTION_OF[slot];
  if (section) {
    const s = det.sections.find((x) => x.id === section);
    if (!s) throw new Error(`base letter has no ${section} section`);
    return replace(s.headingRange.start.line, s.range.end.line, part);
  }
  switch (slot) {
    case 'header':
      return replace(det.header.range.start.line, det.header.range.end.line, part);
    case 'credentials': {
      const lic = det.credentials.licensure?.range.start.line;
      const spec = det.credentials.specialty?.range.start.line;
      if (lic === undefined || spec === undefined) throw new Error('base letter has no credentials');
      const from = /credentials:\s*$/.test(lines[lic - 1] ?? '') ? lic - 1 : lic;
      return replace(from, spec, part);
    }
    case 'item': {
      const last = det.items.at(-1);
      if (!last) throw new Error('base letter has no disputed items');
      return replace(last.range.end.line + 1, last.range.end.line, ['', ...part]);
    }
    case 'items': {
      const first = det.items[0];
      const last = det.items.at(-1);
      if (!first || !last) throw new Error('base letter has no disputed items');
      return replace(first.headerRange.start.line, last.range.end.line, part);
    }
    case 'directive':
      return replace(0, -1, part);
    default:
      throw new Error(`unknown slot ${String(slot)}`);
  }
}
