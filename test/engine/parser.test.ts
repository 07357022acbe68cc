import { strict as assert } from 'assert';
import { parseLetter, SourceText, toJson } from '../../server/src/engine';
import { bundledIndex, fixture } from '../helpers/engine';
import { nth } from '../helpers/checked';

const parse = (text: string) => parseLetter(text, bundledIndex());
const at = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => new SourceText(text).getText(r);

/** Replaces the issues section of a fixture letter with `items`. */
function withItems(items: string): string {
  const base = fixture('letters/clean-2016.imr');
  const i = base.indexOf('Physical therapy two times');
  return base.slice(0, i) + items;
}

describe('parser', () => {
  describe('header', () => {
    it('reads the two-column layout of pdftotext -layout, with the wrapped "Application / Received:" label', () => {
      const text = fixture('letters/clean-2016.imr');
      const h = parse(text).header;
      assert.equal(h.layout, 'two-column');
      assert.equal(h.fields.caseNumber?.value, 'CM17-0100001');
      assert.equal(h.fields.dateOfInjury?.value, '03/02/2015');
      assert.equal(h.fields.urDenialDate?.value, '12/14/2016');
      assert.equal(h.fields.applicationReceived?.value, '01/11/2017');
      assert.equal(h.fields.applicationReceived?.labelRange.end.line, 4, 'label extends onto "Received:"');
      assert.equal(at(text, h.fields.decisionDate!.valueRange), '02/09/2017');
    });

    it('reads one field per line', () => {
      const h = parse(fixture('letters/clean-2009-pages.imr')).header;
      assert.equal(h.layout, 'one-per-line');
      assert.equal(h.fields.priority?.value, 'Standard');
      assert.equal(h.fields.applicationReceived?.value, '05/28/2014');
    });

    it('reads plain pdftotext output: the labels first, then the values, column by column', () => {
      const text = [
        'Case Number:', 'Date Assigned:', 'Decision Date:', 'Priority:', 'Application', 'Received:',
        'CM17-0100009', '01/17/2017', '02/09/2017', 'Standard', '01/11/2017',
        'Date of Injury:', 'UR Denial Date:', '03/02/2015', '12/14/2016', '',
        'HOW THE IMR FINAL DETERMINATION WAS MADE', 'Text.',
      ].join('\n');
      const h = parse(text).header;
      assert.equal(h.layout, 'labels-then-values');
      assert.deepEqual(
        Object.fromEntries(Object.entries(h.fields).map(([k, f]) => [k, f?.value])),
        { caseNumber: 'CM17-0100009', dateAssigned: '01/17/2017', decisionDate: '02/09/2017', priority: 'Standard', applicationReceived: '01/11/2017', dateOfInjury: '03/02/2015', urDenialDate: '12/14/2016' },
      );
      assert.equal(at(text, h.fields.dateOfInjury!.valueRange), '03/02/2015');
    });

    it('reads a label with a long run of spaces inside it in linear time', () => {
      // the colon was stripped from the label with /\s*:$/: 2 s for 40,000 spaces, quadratic
      const text = fixture('letters/clean-2016.imr').replace('Case Number:', `Case${' '.repeat(100_000)}Number :`);
      const start = performance.now();
      const f = parse(text).header.fields.caseNumber;
      assert.ok(performance.now() - start < 1000, `${Math.round(performance.now() - start)} ms`);
      assert.equal(f?.label, 'Case Number');
      assert.equal(f?.value, 'CM17-0100001');
      assert.equal(at(text, f.labelRange), `Case${' '.repeat(100_000)}Number :`);
    });
  });

  describe('sections', () => {
    it('finds centred and flush headings, marks near misses', () => {
      const text = fixture('letters/clean-2016.imr').replace('CLINICAL CASE SUMMARY', 'Clinical Case Sumary');
      const s = parse(text).sections;
      assert.deepEqual(s.map((x) => [x.id, x.exact]), [['howMade', true], ['clinicalCaseSummary', false], ['issues', true]]);
      assert.equal(at(text, nth(s, 1, 'section').headingRange), 'Clinical Case Sumary');
    });

    it('treats a heading with doubled inner spaces or a trailing colon as a near miss', () => {
      for (const bad of ['CLINICAL  CASE SUMMARY', 'CLINICAL CASE SUMMARY:']) {
        const s = parse(fixture('letters/clean-2016.imr').replace('CLINICAL CASE SUMMARY', bad)).sections;
        assert.deepEqual(s.map((x) => [x.id, x.exact]), [['howMade', true], ['clinicalCaseSummary', false], ['issues', true]], bad);
      }
    });

    it('reads the credentials', () => {
      const c = parse(fixture('letters/clean-2016.imr')).credentials;
      assert.equal(c.licensure?.value, 'California');
      assert.equal(c.specialty?.value, 'Physical Medicine & Rehabilitation');
    });
  });

  describe('items', () => {
    it('finds each item with its decision, guideline lines and rationale', () => {
      const d = parse(fixture('letters/clean-2016.imr'));
      assert.deepEqual(d.items.map((i) => [i.text, i.decision]), [
        ['Physical therapy two times a week for four weeks for the lumbar spine', 'Upheld'],
        ['MRI of the lumbar spine without contrast', 'Overturned'],
      ]);
      const [first, second] = [nth(d.items, 0, 'item'), nth(d.items, 1, 'item')];
      assert.equal(second.claimsAdministratorGuideline?.kind, 'no-evidence');
      assert.equal(second.maximusGuideline?.kind, 'mtus+non-mtus');
      assert.equal(first.rationale?.conclusion, 'not-medically-necessary');
      assert.equal(second.rationale?.conclusion, 'medically-necessary');
    });

    it('reads prefixes, the remaining-portion form and a decision wrapped onto its own line', () => {
      const text = withItems(`Associated surgical service: Cold therapy unit, seven day rental: Upheld

Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.

MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care.

Decision rationale: Not supported. The request is not medically necessary.

Acupuncture 12 sessions was the original request. Acupuncture 6 sessions was authorized by the
Claims Administrator. The remaining IMR eligible portion of the original request, acupuncture
6 sessions is: Overturned

Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.

MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.

Decision rationale: Functional improvement is documented. The request is medically necessary.

Additional physical therapy three times a week for two weeks for the lumbar spine and both knees:
Upheld

Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
Section(s): Physical medicine treatment.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):
Physical medicine treatment.

Decision rationale: The request is not medically necessary.
`);
      const items = parse(text).items;
      assert.equal(items.length, 3);
      const [first, second, third] = [nth(items, 0, 'item'), nth(items, 1, 'item'), nth(items, 2, 'item')];
      assert.equal(first.prefix, 'Associated surgical service');
      assert.equal(first.text, 'Cold therapy unit, seven day rental');
      assert.equal(second.remainingPortion, true);
      assert.equal(second.decision, 'Overturned');
      assert.equal(third.decision, 'Upheld');
      assert.equal(third.decisionRange?.start.line, third.headerRange.end.line);
      assert.ok(items.every((i) => i.claimsAdministratorGuideline && i.maximusGuideline && i.rationale));
    });
  });

  it('reads an intro sentence wrapped onto two lines, with the first item right after it', () => {
    const text = fixture('letters/clean-2016.imr').replace(
      'The Final Determination was based on decisions for the disputed items/services set forth below:\n\n',
      'The Final Determination was based on decisions for the disputed items/services set forth\nbelow:\n',
    );
    assert.deepEqual(parse(text).items.map((i) => [i.text, i.decision]), [
      ['Physical therapy two times a week for four weeks for the lumbar spine', 'Upheld'],
      ['MRI of the lumbar spine without contrast', 'Overturned'],
    ]);
  });

  describe('citations', () => {
    const line = (text: string) => {
      const d = parse(withItems(`Item: Upheld\n\nClaims Administrator guideline: ${text}\n\nMAXIMUS guideline: ${text}\n\nDecision rationale: The request is not medically necessary.\n`));
      return nth(d.items, 0, 'item').maximusGuideline!;
    };

    it('splits several guidelines and section lists whose names contain commas', () => {
      const g = line('Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Work-Relatedness, and Postsurgical Treatment 2009, Section(s): Forearm, Wrist, & Hand, and Chronic Pain Medical Treatment 2016, Section(s): NSAIDs, GI symptoms & cardiovascular risk, Physical medicine treatment.');
      assert.deepEqual(g.citations.map((c) => [c.guideline, c.year, c.sections.map((s) => s.name)]), [
        ['Forearm, Wrist, and Hand Complaints', 2004, ['Work-Relatedness']],
        ['Postsurgical Treatment', 2009, ['Forearm, Wrist, & Hand']],
        ['Chronic Pain Medical Treatment', 2016, ['NSAIDs, GI symptoms & cardiovascular risk', 'Physical medicine treatment']],
      ]);
      assert.ok(g.citations.every((c) => c.guidelineId));
    });

    it('reads a guideline name with a long run of commas or spaces in linear time', () => {
      // the name was trimmed with /[\s,]+$/ and /\s+Guidelines?$/: 5 s for 60,000 commas, quadratic
      for (const run of [','.repeat(60_000), ' '.repeat(60_000)]) {
        const start = performance.now();
        const g = line(`Decision based on MTUS Chronic Pain${run} Medical Treatment 2009, Section(s): Opioids.`);
        assert.ok(performance.now() - start < 1000, `${Math.round(performance.now() - start)} ms`);
        assert.deepEqual(g.citations.map((c) => [c.year, c.sections.map((s) => s.name)]), [[2009, ['Opioids']]]);
      }
      const g = line('Decision based on MTUS Chronic Pain Medical Treatment Guidelines ,, 2009, Section(s): Opioids.');
      assert.equal(nth(g.citations, 0, 'citation').guidelineId, 'cpmtg-2009');

      // the joiners were searched with /,?\s+and\s+/ and the list trimmed with /\s+$/: quadratic on a run of no-break spaces
      const nbsp = '\u00a0'.repeat(30_000);
      const start = performance.now();
      const list = line(`Decision based on MTUS Chronic Pain${nbsp}Medical Treatment 2009, Section(s): Opioids,${nbsp}NSAIDs${nbsp}and Chronic Pain Medical Treatment 2009, Section(s): Opioids.`);
      assert.ok(performance.now() - start < 1000, `${Math.round(performance.now() - start)} ms`);
      assert.deepEqual(list.citations.map((c) => c.sections.map((s) => s.name)), [['Opioids', 'NSAIDs'], ['Opioids']]);
    });

    it('reads a year or an edition date in parentheses after the guideline name', () => {
      const cases: [string, string, number, string | undefined, string[]][] = [
        ['Decision based on MTUS Low Back Complaints (2004), Section(s): Special Studies.', 'Low Back Complaints', 2004, 'acoem-low-back-2004', ['Special Studies']],
        ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines (Effective July 18, 2009), Section(s): Opioids.', 'Chronic Pain Medical Treatment', 2009, 'cpmtg-2009', ['Opioids']],
        ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2016), Section(s): Opioids, NSAIDs.', 'Chronic Pain Medical Treatment', 2016, 'cpmtg-2016', ['Opioids', 'NSAIDs']],
      ];
      for (const [text, guideline, year, id, sections] of cases) {
        const c = nth(line(text).citations, 0, 'citation');
        assert.deepEqual([c.guideline, c.year, c.guidelineId, c.sections.map((s) => s.name)], [guideline, year, id, sections], text);
      }
      const paged = nth(line('Decision based on MTUS Chronic Pain Treatment Guidelines (2009) Physical Medicine Page(s): 98-99.').citations, 0, 'citation');
      assert.deepEqual([paged.guidelineId, paged.topic?.name], ['cpmtg-2009', 'Physical Medicine']);
      // a topic followed by "Guidelines"
      const topicGuidelines = nth(line('Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine Guidelines Page(s): 98-99.').citations, 0, 'citation');
      assert.deepEqual([topicGuidelines.guidelineId, topicGuidelines.topic?.name], ['cpmtg-2009', 'Physical Medicine']);
      // two citations, the first with its year in parentheses
      const two = line('Decision based on MTUS Shoulder Complaints (2004), Section(s): Initial Care, and Chronic Pain Medical Treatment (2016), Section(s): Opioids.');
      assert.deepEqual(two.citations.map((c) => [c.guideline, c.year, c.sections.map((s) => s.name)]), [
        ['Shoulder Complaints', 2004, ['Initial Care']],
        ['Chronic Pain Medical Treatment', 2016, ['Opioids']],
      ]);
    });

    it('reads an ACOEM chapter named with the ACOEM book, edition or chapter number before it', () => {
      for (const prefix of ['ACOEM', 'ACOEM Practice Guidelines, 2nd Edition (2004),', 'ACOEM Chapter 12,', 'ACOEM Occupational Medicine Practice Guidelines, 2nd Ed., Chapter 12,']) {
        const text = withItems(`Item: Upheld\n\nClaims Administrator guideline: Decision based on MTUS ${prefix} Low Back Complaints 2004, Section(s): Special Studies.\n\nDecision rationale: The request is not medically necessary.\n`);
        const c = nth(nth(parse(text).items, 0, 'item').claimsAdministratorGuideline!.citations, 0, 'citation');
        assert.deepEqual([c.guideline, c.year, c.guidelineId, c.sections.map((s) => s.name)], ['Low Back Complaints', 2004, 'acoem-low-back-2004', ['Special Studies']], prefix);
        // the name's range is the chapter's name, not the book's
        assert.equal(at(text, c.guidelineRange), 'Low Back Complaints');
      }
      // the edition's year stands for the chapter's when the chapter has none
      const c = nth(line('Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Knee Complaints, Section(s): Special Studies.').citations, 0, 'citation');
      assert.deepEqual([c.guideline, c.year, c.guidelineId], ['Knee Complaints', 2004, 'acoem-knee-2004']);
      // the third edition is not the MTUS's: its name is kept as written, and unknown
      const third = nth(line('Decision based on MTUS ACOEM Practice Guidelines, 3rd Edition, Low Back Disorders, Section(s): Imaging.').citations, 0, 'citation');
      assert.equal(third.guidelineId, undefined);
    });

    it('reads sections separated by semicolons', () => {
      const g = line('Decision based on MTUS Low Back Complaints 2004, Section(s): Initial Care; Special Studies; Surgical Considerations.');
      assert.deepEqual(nth(g.citations, 0, 'citation').sections.map((s) => s.name), ['Initial Care', 'Special Studies', 'Surgical Considerations']);
      const o = line('Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT); 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment.');
      assert.deepEqual(nth(o.citations, 0, 'citation').sections.map((s) => s.number), ['3.3.6', '3.3.9']);
    });

    it('reads the Page(s) style in its forms', () => {
      for (const [pages, want] of [['98-99', [98, 99]], ['98 and 99', [98, 99]], ['p. 98', [98, 98]]] as const) {
        const citations = line(`Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): ${pages}.`).citations;
        const c = nth(citations, 0, 'citation');
        assert.equal(c.guidelineId, 'cpmtg-2009');
        assert.equal(c.topic?.name, 'Physical Medicine');
        const p = nth(c.pages, 0, 'page range');
        assert.deepEqual([p.from, p.to], want);
      }
    });

    it('reads numbered opioid sections with number, part and title', () => {
      const citations = line('Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT).').citations;
      const c = nth(citations, 0, 'citation');
      assert.equal(c.guidelineId, 'opioids-2016');
      const s = nth(c.sections, 0, 'section');
      assert.deepEqual([s.number, s.part, s.title], ['3.3.6', 'Opioids for Chronic Pain and Chronic Opioid Treatment', 'Use of Urine Drug Testing (UDT)']);
    });

    it('repairs PDF wrap artefacts and keeps ranges on the source text', () => {
      const text = withItems(`Item: Upheld

Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
Section(s): Electro- diagnostic testing (EMG/NCS). Decision based on Non- MTUS Citation ODG.

MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.

Decision rationale: Per ACOEM Chapter 12, Table 12-8, page 309 and pages 335-336 (Table 13-2), and ACOEM 3rd ed., pg. 607, it is not medically necessary.
`);
      const item = nth(parse(text).items, 0, 'item');
      const ca = item.claimsAdministratorGuideline!;
      const citation = nth(ca.citations, 0, 'citation');
      const section = nth(citation.sections, 0, 'section');
      assert.equal(section.name, 'Electrodiagnostic testing (EMG/NCS)');
      assert.equal(at(text, section.range), 'Electro- diagnostic testing (EMG/NCS)');
      assert.equal(ca.nonMtus.length, 1);
      assert.equal(ca.kind, 'mtus+non-mtus');
      assert.equal(at(text, citation.guidelineRange), 'Chronic Pain Medical Treatment');
      assert.equal(item.maximusGuideline?.kind, 'no-evidence');
      const refs = item.rationale!.pageRefs;
      assert.deepEqual(refs.map((r) => [r.from, r.to, r.table ?? null]), [[309, 309, 'Table 12-8'], [335, 336, 'Table 13-2'], [607, 607, null]]);
      assert.equal(nth(refs, 2, 'page reference').outsideMtus, true, 'ACOEM 3rd edition pages are not checked against the index');
    });
  });

  it('takes the conclusion from the concluding sentence, not from a later conditional', () => {
    const conclusion = (rationale: string) =>
      nth(parse(withItems(`Item: Upheld\n\nClaims Administrator guideline: x\n\nMAXIMUS guideline: y\n\nDecision rationale: ${rationale}\n`)).items, 0, 'item').rationale?.conclusion;
    assert.equal(conclusion('Therefore, the request is not medically necessary. Further therapy would be medically necessary only with documented improvement.'), 'not-medically-necessary');
    assert.equal(conclusion('The guideline supports it. As such, the request is medically necessary.'), 'medically-necessary');
    assert.equal(conclusion('The MRI is not supported by the provided records as being medically necessary at this time.'), 'not-medically-necessary');
    assert.equal(conclusion('The medical necessity of this request is not established.'), 'not-medically-necessary');
    assert.equal(conclusion('Therefore, medical necessity has not been established.'), 'not-medically-necessary');
    assert.equal(conclusion('Therefore, medical necessity has been established.'), 'medically-necessary');
    assert.equal(conclusion('This decision addresses the medical necessity of opioids as they have been prescribed.'), 'unclear');
    // words of the item's name are not negations of the verdict
    assert.equal(conclusion('As such, the request for non-steroidal anti-inflammatory medication is medically necessary.'), 'medically-necessary');
    assert.equal(conclusion('Therefore, the request for an MRI of the knee without contrast is medically necessary.'), 'medically-necessary');
    assert.equal(conclusion('Therefore, the request is non-medically necessary.'), 'not-medically-necessary');
    assert.equal(conclusion("Therefore, the request isn't medically necessary."), 'not-medically-necessary');
  });

  it('keeps text it does not understand and prints JSON the schema describes', () => {
    const text = withItems('A stray paragraph that is not an item.\n\nItem: Upheld\n\nClaims Administrator guideline: x\n\nMAXIMUS guideline: y\n\nDecision rationale: not medically necessary.\n');
    const d = parse(text);
    assert.equal(nth(d.unparsed, 0, 'unparsed block').text, 'A stray paragraph that is not an item.');
    const { json } = toJson(d, true);
    assert.ok(Array.isArray(json.items) && (json.items[0] as { range?: unknown }).range, 'ranges with --ranges');
    const plain = toJson(d).json;
    assert.equal(nth(plain.items as { range?: unknown }[], 0, 'JSON item').range, undefined);
    // the pointer map, made when first read, is the same with and without --ranges, and places each node
    const pointers = toJson(d).ranges;
    assert.deepEqual([...pointers], [...toJson(d, true).ranges]);
    const item = nth(d.items, 0, 'item');
    assert.deepEqual(pointers.get('/items/0'), item.headerRange);
    assert.deepEqual(pointers.get('/items/0/rationale'), item.rationale?.range);
    assert.deepEqual(pointers.get('/unparsed/0'), nth(d.unparsed, 0, 'unparsed block').range);
  });
});
