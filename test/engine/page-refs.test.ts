import { strict as assert } from 'assert';
import { defaultConfig, lintText } from '../../server/src/engine';
import { bundledIndex, fixture, REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

/**
 * Page references in rationales, every common form, against the MTUS index (rationale-page-mismatch).
 * Each case is a rationale sentence and the pages in it that are wrong; every other page in it is
 * right or belongs to another document and must not be reported. The score over all references is
 * the catch rate (wrong pages reported) and the false alarms (other pages reported).
 */

const letter = fixture('letters/clean-2009-pages.imr');

interface Case {
  sentence: string;
  /** Every page number in the sentence that is a page reference. */
  pages: number[];
  /** The wrong ones among them. */
  wrong: number[];
}

/**
 * Where a page is cited: the words before it, a right page, a right range, a wrong page, a range running
 * outside. The index knows an ACOEM table only on the pages letters cite it (pagesComplete: false), so a
 * table's wrong range is one that misses those pages, not one that runs past them.
 */
const CONTEXTS = [
  { before: 'The MTUS Chronic Pain Medical Treatment Guidelines on physical medicine', right: 98, range: [98, 99], wrong: 97, badRange: [98, 100] },
  { before: 'Per ACOEM Chapter 12, Table 12-8', right: 309, range: [308, 310], wrong: 319, badRange: [319, 320] },
  { before: 'The MTUS ACOEM Low Back chapter', right: 303, range: [300, 301], wrong: 333, badRange: [325, 327] },
  { before: 'ACOEM Chapter 13, Table 13-2', right: 335, range: [335, 337], wrong: 340, badRange: [340, 342] },
  { before: 'The Chronic Pain Medical Treatment Guidelines (2016) on home health care services', right: 89, range: [89, 90], wrong: 91, badRange: [88, 90] },
  { before: 'According to the MTUS Knee Complaints chapter', right: 340, range: [330, 331], wrong: 360, badRange: [356, 358] },
] as const;

/** Single-page forms and range forms, as reviewers write them. */
const SINGLE = ['page {p}', 'p. {p}', 'p {p}', 'p{p}', 'pg. {p}', 'pg {p}', 'Page(s): {p}', 'page(s) {p}', 'Page {p}'];
const RANGES = ['pages {a}-{b}', 'pp. {a}-{b}', 'pp {a}-{b}', 'pages {a} to {b}', 'pages {a} through {b}', 'pages {a}\u2013{b}', 'p{a}-{b}', 'page(s) {a} to {b}', 'Page(s): {a}-{b}'];

function cases(): Case[] {
  const out: Case[] = [];
  for (const c of CONTEXTS) {
    SINGLE.forEach((form, i) => {
      const bad = i % 2 === 0;
      const p = bad ? c.wrong : c.right;
      const ref = form.replace('{p}', String(p));
      const sentence = i % 3 === 0 ? `${c.before} (${ref}) support it.` : `${c.before}, ${ref}, support it.`;
      out.push({ sentence, pages: [p], wrong: bad ? [p] : [] });
    });
    RANGES.forEach((form, i) => {
      const bad = i % 2 === 1;
      const [a, b] = bad ? c.badRange : c.range;
      const ref = form.replace('{a}', String(a)).replace('{b}', String(b));
      const sentence = i % 3 === 0 ? `${c.before} (${ref}) support it.` : `${c.before}, ${ref}, support it.`;
      out.push({ sentence, pages: [a], wrong: bad ? [a] : [] });
    });
    // lists: each page is checked
    out.push({ sentence: `${c.before}, pages ${c.right}, ${c.wrong}, support it.`, pages: [c.right, c.wrong], wrong: [c.wrong] });
    out.push({ sentence: `${c.before}, pp. ${c.wrong} and ${c.right}, support it.`, pages: [c.wrong, c.right], wrong: [c.wrong] });
  }
  // a guideline named after the page
  out.push({ sentence: 'As stated on page 97 of the MTUS Chronic Pain Medical Treatment Guidelines, physical medicine is supported.', pages: [97], wrong: [97] });
  out.push({ sentence: 'As stated on pages 98-99 of the MTUS Chronic Pain Medical Treatment Guidelines, physical medicine is supported.', pages: [98], wrong: [] });
  out.push({ sentence: 'Chapter 12, page 350, does not support it.', pages: [350], wrong: [350] });
  out.push({ sentence: 'Chapter 12, page 300, does not support it.', pages: [300], wrong: [] });
  // pages of other documents and other sources: never checked
  const others = [
    'The progress report of 12/05/2016 (page 3) documents no improvement.',
    'Page 3 of the progress report documents no improvement.',
    'The QME report dated 11/02/2016, page 14, recommends it.',
    'The patient questionnaire (p. 2) lists the pain as 8/10.',
    'The office note of October 18, 2016, pages 2-3, documents tenderness.',
    'ODG, Low Back chapter, page 12, supports imaging after red flags.',
    'The ACOEM Practice Guidelines, 3rd edition, Low Back Disorders, pg. 607 discuss imaging.',
    'The UR determination, page 4, cites the guideline.',
    'Page 2 of 5 of the request for authorization lists the items.',
    'The MTUS Chronic Pain Medical Treatment Guidelines support physical medicine; however, the physical therapy notes (pages 4-5) show no functional improvement.',
    'The medical records (pp. 45-47) show prior therapy.',
    'The article by Smith et al., pages 102-109, reports outcomes.',
    'The orthopedic re-evaluation of 11/12/2016 (p. 6) notes no red flags.',
    'The physician\'s report, p. 7, states the patient improved.',
    'Per the Official Disability Guidelines, page 45, it is recommended.',
    'The PR-2 report of 10/18/2016, page 2, is illegible.',
    'The treating physician\'s letter, pages 1 and 2, describes the injury.',
    'The deposition transcript, page 33, is not relevant.',
  ];
  for (const s of others) out.push({ sentence: s, pages: [...s.matchAll(/\b(?:pages?|pp?\.|pg\.)\s*(\d+)/gi)].map((m) => Number(m[1])), wrong: [] });
  return out;
}

describe('rationale page references (rationale-page-mismatch)', () => {
  const index = bundledIndex();
  const config = defaultConfig(REPO_ROOT);
  const all = cases();

  function reported(sentence: string): string[] {
    const text = letter.replace('Decision rationale: ', `Decision rationale: ${sentence} `);
    return lintText({ text, config, index })
      .findings.filter((f) => f.ruleId === 'rationale-page-mismatch')
      .map((f) => {
        const lines = text.split('\n');
        const r = f.range;
        const line = nth(lines, r.start.line, 'line');
        return r.start.line === r.end.line ? line.slice(r.start.character, r.end.character) : line.slice(r.start.character);
      });
  }

  it('has at least 100 references in the test set', () => {
    const refs = all.reduce((n, c) => n + Math.max(1, c.pages.length), 0);
    assert.ok(refs >= 100, `references: ${refs}`);
  });

  it('catches at least 90% of wrong pages, with no false alarm on right pages or other documents', () => {
    let wrong = 0;
    let caught = 0;
    let right = 0;
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    for (const c of all) {
      const got = reported(c.sentence);
      const gotPages = got.map((t) => Number(/\d+/.exec(t)?.[0]));
      for (const p of c.wrong) {
        wrong++;
        if (gotPages.includes(p)) caught++;
        else missed.push(`${p}: ${c.sentence}`);
      }
      right += Math.max(1, c.pages.length) - c.wrong.length;
      for (const p of gotPages) if (!c.wrong.includes(p)) falseAlarms.push(`${p}: ${c.sentence}`);
    }
    console.log(`      wrong pages caught ${caught}/${wrong}; false alarms ${falseAlarms.length} on ${right} right or other-document pages`);
    assert.deepEqual(falseAlarms, [], 'false alarms');
    assert.ok(caught / wrong >= 0.9, `caught ${caught}/${wrong}; missed:\n${missed.join('\n')}`);
  });

  it('reads each form as its pages, and the document a page belongs to', () => {
    const refs = (sentence: string) => {
      const text = letter.replace('Decision rationale: ', `Decision rationale: ${sentence} `);
      const item = nth(lintText({ text, config, index }).determination.items, 0, 'item');
      return item.rationale!.pageRefs.map((r) => [r.from, r.to, r.outsideMtus ? 'other' : r.chapter ?? r.guideline ?? null]);
    };
    assert.deepEqual(refs('See pp. 46-47 and 49.'), [[46, 47, null], [49, 49, null]]);
    assert.deepEqual(refs('See p46-47, page(s) 46 to 47 and pages 98, 104.'), [[46, 47, null], [46, 47, null], [98, 98, null], [104, 104, null]]);
    assert.deepEqual(refs('The MTUS ACOEM Low Back chapter, page 333, says so.'), [[333, 333, 'Low Back']]);
    assert.deepEqual(refs('The progress report of 12/05/2016 (page 3) says so.'), [[3, 3, 'other']]);
    // counts and measures are not pages
    assert.deepEqual(refs('Per page 98, 10 visits are supported; Page 99, 2016 edition.'), [[98, 98, null], [99, 99, null]]);
  });

  it('reports a Page(s): outside the guideline chapter even when the topic is unknown', () => {
    const text = letter.replace(
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical\nMedicine Page(s): 98-99.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004 Lumbar Supports Page(s): 350.',
    );
    const found = lintText({ text, config, index }).findings.filter((f) => f.ruleId === 'citation-page-mismatch');
    assert.equal(found.length, 1, JSON.stringify(found));
    const { message } = nth(found, 0, 'finding');
    assert.match(message, /350/);
    assert.match(message, /286-326/);
  });
});
