/**
 * Every MTUS citation in the guideline lines of the dev corpus letters must resolve to a guideline
 * of the bundled index, and every `Section(s):` entry to a topic of it — except the genuine letter
 * errors listed in LETTER_ERRORS below.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadIndex } from '../../server/src/engine/mtus/load';
import { resolveGuideline } from '../../server/src/engine/mtus/guidelines';
import { findTopic } from '../../server/src/engine/mtus/topics';
import { splitSectionList } from '../../server/src/engine/mtus/section-list';
import { corpusFiles, CORPUS_DIR } from '../helpers/engine';

const corpusDir = CORPUS_DIR;

/**
 * Genuine errors in the letters — the linter should flag these, so the index must NOT resolve them.
 * Key: "<case number>|<guideline name> <year>|<section as written>".
 */
const LETTER_ERRORS = new Map<string, string>([
  // Typo of "Initial Care" in the Claims Administrator line (Low Back chapter section).
  ['CM17-0002198|Low Back Complaints 2004|Inital Care', 'typo of "Initial Care"'],
  // "326" is a page number of the 2004 ACOEM Low Back chapter (its last page), entered as an
  // Elbow 2007 section: a data-entry artefact (mtus-facts §5, letter-anatomy §2).
  ['CM17-0002324|Elbow Complaints 2007|326', 'page number entered as a section'],
  ['CM17-0003623|Elbow Complaints 2007|326', 'page number entered as a section'],
  ['CM17-0014800|Elbow Complaints 2007|326', 'page number entered as a section'],
]);

/** The "Claims Administrator guideline:" / "MAXIMUS guideline:" lines of a letter, wrapped lines joined. */
function guidelineLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  const start = /^\s*(Claims Administrator guideline|MAXIMUS guideline):/;
  for (let i = 0; i < lines.length; i++) {
    if (!start.test(lines[i]!)) continue;
    let s = lines[i]!.trim();
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !start.test(lines[j]!) && !/^\s*Decision rationale:/.test(lines[j]!); j++) {
      s += ' ' + lines[j]!.trim();
    }
    out.push(s);
  }
  return out;
}

interface Citation {
  name: string;
  year: number;
  sections?: string;
}

/** "MTUS <name> <year>[ Guidelines][, Section(s): a, b][, and <name2> <year2>…]" citations of a line. */
function mtusCitations(line: string): Citation[] {
  const m = /Decision based on MTUS (.*)$/.exec(line);
  if (!m) return [];
  const body = m[1]!.split(/\.\s+Decision based on Non-MTUS/)[0]!.trim().replace(/\.$/, '');
  const years = [...body.matchAll(/ ((?:19|20)\d{2})(?: Guidelines)?(?=,|$)/g)];
  const out: Citation[] = [];
  let start = 0;
  years.forEach((y, k) => {
    const at = y.index ?? 0;
    const afterYear = at + y[0].length;
    const segEnd = k + 1 < years.length ? (years[k + 1]!.index ?? body.length) : body.length;
    const seg = body.slice(afterYear, segEnd);
    const sep = k + 1 < years.length ? seg.indexOf(', and ') : -1;
    const tail = sep >= 0 ? seg.slice(0, sep) : seg;
    const sm = /^, Section\(s\): (.*)$/s.exec(tail);
    assert.ok(tail === '' || sm, `unparsed citation text ${JSON.stringify(tail)} in ${JSON.stringify(line)}`);
    out.push({ name: body.slice(start, at).trim(), year: Number(y[1]), ...(sm ? { sections: sm[1] } : {}) });
    start = sep >= 0 ? afterYear + sep + ', and '.length : segEnd;
  });
  return out;
}

describe('mtus/corpus: every citation in the dev letters resolves', function () {
  it('resolves guidelines and sections (except the listed letter errors)', function () {
    if (!corpusFiles()) {
      console.log(`      (skipped: letter corpus not found at ${corpusDir})`);
      this.skip();
    }
    const { index } = loadIndex([]);
    const failures: string[] = [];
    const usedErrors = new Set<string>();
    let citations = 0;
    let sections = 0;
    const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length > 0, 'corpus folder is empty');
    for (const f of files) {
      const caseNo = path.basename(f, '.txt');
      for (const line of guidelineLines(fs.readFileSync(path.join(corpusDir, f), 'utf8'))) {
        for (const c of mtusCitations(line)) {
          citations++;
          const g = resolveGuideline(index, c.name, c.year);
          if (!g) {
            failures.push(`${caseNo}: guideline "${c.name} ${c.year}" does not resolve`);
            continue;
          }
          if (c.sections === undefined) continue;
          for (const s of splitSectionList(g, c.sections)) {
            sections++;
            const key = `${caseNo}|${c.name} ${c.year}|${s}`;
            const t = findTopic(g, s);
            if (LETTER_ERRORS.has(key)) {
              usedErrors.add(key);
              assert.equal(t, undefined, `${key} is a letter error and must not resolve`);
            } else if (!t) {
              failures.push(`${caseNo}: section "${s}" of ${g.id} does not resolve`);
            }
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(citations > 200, `expected >200 MTUS citations, found ${citations}`);
    assert.ok(sections > 150, `expected >150 sections, found ${sections}`);
    const unused = [...LETTER_ERRORS.keys()].filter((k) => !usedErrors.has(k));
    assert.deepEqual(unused, [], 'allow-list entries that no longer occur');
  });

  it('the citation extractor handles names with commas and several guidelines', () => {
    const cs = mtusCitations(
      'MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care, Follow-up Visits, and Forearm, Wrist, and Hand Complaints 2004, and Chronic Pain Medical Treatment 2016 Guidelines, Section(s): NSAIDs, GI symptoms & cardiovascular risk. Decision based on Non-MTUS Citation ODG',
    );
    assert.deepEqual(cs, [
      { name: 'Shoulder Complaints', year: 2004, sections: 'Initial Care, Follow-up Visits' },
      { name: 'Forearm, Wrist, and Hand Complaints', year: 2004 },
      { name: 'Chronic Pain Medical Treatment', year: 2016, sections: 'NSAIDs, GI symptoms & cardiovascular risk' },
    ]);
  });
});
