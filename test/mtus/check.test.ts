import { strict as assert } from 'assert';
import { checkIndex } from '../../server/src/engine/mtus/check';
import { loadIndex } from '../../server/src/engine/mtus/load';

const header = ['version: 1', 'guidelines:', '  - id: test-2009', '    title: Test', '    year: 2009', '    names: [Test]', '    pageCount: 127', '    alphabeticalTopics: true', '    topics:'];
function topics(...lines: string[]): string {
  return [...header, ...lines].join('\n') + '\n';
}

describe('mtus/check', () => {
  it('reports an alphabetical page fall, at the topic that breaks the order', () => {
    const text = topics(
      '      - {name: Acetaminophen, pages: "11-12"}', //  9
      '      - {name: Biofeedback, pages: "5"}', //       10
      '      - {name: Capsaicin, pages: "28-29"}', //     11
      '      - {name: Duloxetine, pages: "43"}', //       12
      '      - {name: Baclofen, pages: "64", alphabetical: false}',
      '      - {name: Gabapentin, pages: ["18-19", "49"]}',
    );
    const problems = checkIndex({ text, file: '/x/alpha.yaml' });
    assert.equal(problems.length, 1, JSON.stringify(problems));
    const problem = problems[0]!;
    assert.equal(problem.line, 10);
    assert.equal(problem.file, '/x/alpha.yaml');
    assert.match(problem.message, /^alphabetical page order broken in test-2009: "Biofeedback" \(page 5\) sorts after "Acetaminophen" \(pages 11-12\) and before "Capsaicin" \(pages 28-29\)/);
  });

  it('a single too-high page is reported once, not for every later topic', () => {
    const text = topics(
      '      - {name: Duragesic, pages: "44"}',
      '      - {name: Epidural steroid injections, pages: "460"}', // 10  (typo for 46) — outside 127 too
      '      - {name: Exercise, pages: "46-47"}',
      '      - {name: Fentanyl, pages: "47"}',
    );
    const problems = checkIndex({ text, file: 'a.yaml' });
    assert.ok(problems.every((p) => p.line === 10), JSON.stringify(problems));
    assert.ok(problems.some((p) => /alphabetical/.test(p.message)));
    assert.ok(problems.some((p) => /page 460 beyond the guideline's 127 pages/.test(p.message)));
  });

  it('reports a duplicate alias and a duplicate name', () => {
    const text = topics(
      '      - {name: Physical medicine, aliases: [Physical therapy], pages: "98-99"}',
      '      - {name: Psychological treatment, aliases: ["PHYSICAL  therapy"], pages: "101-102"}', // 10
      '      - {name: psychological Treatment, pages: "101"}', // 11
    );
    const problems = checkIndex({ text, file: 'dup.yaml' });
    const alias = problems.find((p) => /duplicate alias/.test(p.message));
    assert.ok(alias, JSON.stringify(problems));
    assert.equal(alias.line, 10);
    assert.match(alias.message, /duplicate alias "PHYSICAL {2}therapy" of "Psychological treatment" in test-2009: already an alias of "Physical medicine" \(at line 10\)/);
    const name = problems.find((p) => /duplicate topic name/.test(p.message));
    assert.ok(name);
    assert.equal(name.line, 11);
  });

  it('reports a page outside the page count and a backwards range', () => {
    const text = topics('      - {name: Yoga, pages: "126-130"}', '      - {name: Zinc, pages: "90-80", alphabetical: false}');
    const problems = checkIndex({ text, file: 'pc.yaml' });
    assert.ok(problems.some((p) => p.line === 9 && /pages 126-130 beyond the guideline's 127 pages/.test(p.message)), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.line === 10 && /"90-80" is malformed/.test(p.message)), JSON.stringify(problems));
  });

  it('reports pages outside the pageSpan, duplicate ids and numbering problems', () => {
    const text = [
      'version: 1',
      'guidelines:',
      '  - id: ch-2004', //                                2
      '    title: Chapter',
      '    year: 2004',
      '    names: [Chapter]',
      '    pageSpan: "286-326"',
      '    topics:',
      '      - {name: Table 12-8, pages: "390"}', //       8
      '  - id: ch-2004', //                                9
      '    title: Again',
      '    year: 2004',
      '    names: [Again]',
      '    numberedSections: true',
      '    topics:',
      '      - {name: A, number: "3.3", part: P}', //      15
      '      - {name: B, number: "3.3", part: P}', //      16
      '      - {name: C, number: "4.1"}', //               17
    ].join('\n');
    const problems = checkIndex({ text, file: 'n.yaml' });
    const at = (line: number): string[] => problems.filter((p) => p.line === line).map((p) => p.message);
    assert.ok(at(8).some((m) => /page 390 outside the guideline's pages 286-326/.test(m)), JSON.stringify(problems));
    assert.ok(at(9).some((m) => /duplicate guideline id "ch-2004" \(first defined at line 3\)/.test(m)));
    assert.ok(at(15).some((m) => /no parent section 3/.test(m)));
    assert.ok(at(16).some((m) => /duplicate section number 3.3/.test(m)));
    assert.ok(at(17).some((m) => /no part title/.test(m)));
  });

  it('includes schema problems and never throws on garbage', () => {
    const problems = checkIndex({ text: 'version: 1\nguidelines:\n  - id: x\n    topics:\n      - {name: A, pages: "1–2"}\n', file: 'g.yaml' });
    assert.ok(problems.some((p) => p.line === 4 && /plain hyphen/.test(p.message)), JSON.stringify(problems));
    assert.ok(checkIndex({ text: '\u0000\u0001binary', file: 'b.bin' }).length === 1);
    assert.ok(checkIndex({ text: ': : :\n- [', file: 'y.yaml' }).length >= 1);
  });

  it('checks a corrections file against the bundled index, reporting only its own entries', () => {
    const text = [
      'version: 1',
      'guidelines:',
      '  - id: cpmtg-2009',
      '    topics:',
      '      - name: Exercise', //                          4
      '        pages: "10"',
      '      - name: Zumba', //                             6
      '        aliases: [Yoga]',
      '        pages: "126"',
      '  - id: not-there-2000', //                          9
      '    topics: []',
    ].join('\n');
    const problems = checkIndex({ text, file: '/x/corr.yaml' }, { base: loadIndex([]).index });
    const at = (line: number): string[] => problems.filter((p) => p.line === line).map((p) => p.message);
    assert.ok(at(4).some((m) => /alphabetical page order broken in cpmtg-2009: "Exercise" \(page 10\)/.test(m)), JSON.stringify(problems, null, 1));
    assert.ok(at(6).some((m) => /duplicate alias "Yoga" of "Zumba" in cpmtg-2009: already the name of "Yoga" \(in mtus-index\.yaml:\d+\)/.test(m)));
    assert.ok(at(9).some((m) => /"not-there-2000" is not in the index/.test(m)));
    assert.ok(problems.every((p) => p.file === '/x/corr.yaml'), 'nothing reported against the bundled file');
  });
});
