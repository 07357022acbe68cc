import { strict as assert } from 'assert';
import { loadIndex } from '../../server/src/engine/mtus/load';
import { normalizeName } from '../../server/src/engine/mtus/names';
import { findGuidelineByChapter, matchGuidelinePrefix, resolveGuideline } from '../../server/src/engine/mtus/guidelines';
import { allTopics, findTopic, findTopicByNumber } from '../../server/src/engine/mtus/topics';
import { suggestTopics } from '../../server/src/engine/mtus/similarity';
import { formatPages, pageInTopic, spansOverlapOrContain } from '../../server/src/engine/mtus/pages';
import { splitSectionList, splitSectionSpans } from '../../server/src/engine/mtus/section-list';
import { IndexGuideline, MtusIndex } from '../../server/src/engine/mtus/types';

const index: MtusIndex = loadIndex([]).index;
function guideline(name: string, year?: number): IndexGuideline {
  const g = resolveGuideline(index, name, year);
  assert.ok(g, `guideline ${name} ${year ?? ''} should resolve`);
  return g;
}

describe('mtus lookups', () => {
  it('normalizeName', () => {
    assert.equal(normalizeName('  Manual Therapy  &  Manipulation. '), 'manual therapy and manipulation');
    assert.equal(normalizeName('Bupropion (Wellbutrin®)'), 'bupropion (wellbutrin)');
    assert.equal(normalizeName('Stress–Related Conditions'), 'stress-related conditions');
    assert.equal(normalizeName('Electro- diagnostic testing'), 'electro-diagnostic testing');
    assert.equal(normalizeName('Forearm ,Wrist,  & Hand'), 'forearm, wrist, and hand');
  });

  it('the seed letter citation resolves: MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): 98-99', () => {
    const text = 'Chronic Pain Treatment Guidelines Physical Medicine Page(s): 98-99';
    const m = matchGuidelinePrefix(index, text);
    assert.ok(m);
    assert.equal(m.guideline.id, 'cpmtg-2009');
    assert.equal(text.slice(0, m.length), 'Chronic Pain Treatment Guidelines');
    const topic = findTopic(m.guideline, text.slice(m.length, text.indexOf('Page(s)')));
    assert.ok(topic);
    assert.equal(topic.name, 'Physical medicine');
    assert.equal(topic.verified, true);
    const span = { from: 98, to: 99 }; // the cited pages
    assert.ok(pageInTopic(topic, 98) && pageInTopic(topic, 99));
    assert.ok(!pageInTopic(topic, 97) && !pageInTopic(topic, 100));
    assert.equal(spansOverlapOrContain(topic.pages, span), 'contained');
    assert.equal(resolveGuideline(index, 'Chronic Pain Treatment Guidelines')?.id, 'cpmtg-2009', 'year-less = default');
  });

  it('matchGuidelinePrefix prefers the longest name and tolerates spacing', () => {
    assert.equal(matchGuidelinePrefix(index, 'Chronic  pain   medical treatment guidelines, page 81')?.length, 'Chronic  pain   medical treatment guidelines'.length);
    assert.equal(matchGuidelinePrefix(index, 'Low Back Complaints Table 12-8')?.guideline.id, 'acoem-low-back-2004');
    assert.equal(matchGuidelinePrefix(index, 'Chronically ill'), undefined);
  });

  it('matchGuidelinePrefix finds every guideline name whatever its case and leading spaces (its first-letter prefilter misses none)', () => {
    for (const g of index.guidelines) {
      for (const n of new Set([...g.names, g.title])) {
        for (const text of [`${n} 2009`, `  ${n.toLowerCase()}, page 1`, `\t${n.toUpperCase()} Topic`]) {
          const m = matchGuidelinePrefix(index, text);
          assert.ok(m, `${text} matches a guideline`);
          assert.ok(m.length >= text.search(/\S/) + n.trim().length, `${text} matches at least the name`);
        }
      }
    }
    assert.equal(matchGuidelinePrefix(index, '   '), undefined);
    assert.equal(matchGuidelinePrefix(index, '§ 9792.24'), undefined);
  });

  it('epidural steroid injections: 2016 page 81 vs 2009 page 46, picked by year', () => {
    const g16 = guideline('Chronic Pain Medical Treatment', 2016);
    const g09 = guideline('Chronic Pain Medical Treatment', 2009);
    assert.equal(g16.id, 'cpmtg-2016');
    assert.equal(g09.id, 'cpmtg-2009');
    const e16 = findTopic(g16, 'Epidural Steroid Injections');
    const e09 = findTopic(g09, 'Epidural steroid injections (ESIs)');
    assert.ok(e16 && e09);
    assert.ok(pageInTopic(e16, 81) && !pageInTopic(e16, 46));
    assert.ok(pageInTopic(e09, 46) && !pageInTopic(e09, 81));
    assert.equal(resolveGuideline(index, 'Chronic Pain Medical Treatment', 2012), undefined, 'no guideline of that year');
  });

  it('names letters use resolve with their year', () => {
    const cases: [string, number, string][] = [
      ['Low Back Complaints', 2004, 'acoem-low-back-2004'],
      ['Stress-Related Conditions', 2004, 'acoem-stress-related-2004'],
      ['Opioid Treatment', 2016, 'opioids-2016'],
      ['Acupuncture Treatment', 2007, 'acupuncture-2007'],
      ['Postsurgical Treatment', 2009, 'postsurgical-2009'],
      ['General Approaches', 2004, 'acoem-general-approaches-2004'],
      ['Elbow Complaints', 2007, 'acoem-elbow-2007'],
      ['Forearm, Wrist, and Hand Complaints', 2004, 'acoem-forearm-wrist-hand-2004'],
      ['Forearm, Wrist & Hand Complaints', 2004, 'acoem-forearm-wrist-hand-2004'],
      ['Chronic Pain Medical Treatment Guidelines', 2016, 'cpmtg-2016'],
    ];
    for (const [name, year, id] of cases) assert.equal(resolveGuideline(index, name, year)?.id, id, name);
    assert.equal(resolveGuideline(index, 'Elbow Complaints', 2004), undefined);
  });

  it('Opioids 2016 section 3.3.6 by number, by title and by the full letter string', () => {
    const op = guideline('Opioid Treatment', 2016);
    const byNumber = findTopicByNumber(op, '3.3.6');
    assert.ok(byNumber);
    assert.equal(byNumber.name, 'Use of Urine Drug Testing (UDT)');
    assert.equal(byNumber.part, 'Opioids for Chronic Pain and Chronic Opioid Treatment');
    assert.equal(findTopic(op, 'Use of Urine Drug Testing (UDT)'), byNumber);
    assert.equal(findTopic(op, '3.3.6'), byNumber);
    assert.equal(findTopic(op, '3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)'), byNumber);
    assert.equal(findTopic(op, '3.3.6 Use of Urine Drug Testing (UDT)'), byNumber);
    assert.equal(findTopic(op, '3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment'), undefined, 'number and title disagree');
    assert.equal(findTopicByNumber(op, '3.')?.number, '3');
    const nested = findTopic(op, '3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse');
    assert.equal(nested?.number, '3.3.1.2');
    // the full numbered structure is there
    for (const n of ['1', '1.1', '1.2', '1.3', '1.4', '2', '3', '3.1', '3.2', '3.3', '3.3.1', '3.3.1.1', '3.3.1.2', '3.3.1.3', '3.3.2', '3.3.3', '3.3.4', '3.3.5', '3.3.6', '3.3.7', '3.3.7.1', '3.3.7.2', '3.3.8', '3.3.9', '4', '4.1', '4.2']) {
      assert.ok(findTopicByNumber(op, n), `section ${n}`);
    }
  });

  it('findTopic: aliases and parenthesized parts', () => {
    const g16 = guideline('Chronic Pain Medical Treatment', 2016);
    assert.equal(findTopic(g16, 'Home health services')?.name, 'Home health care services');
    assert.equal(formatPages(findTopic(g16, 'Home health services')!.pages), '89-90');
    assert.equal(findTopic(g16, 'Bupropion (Wellbutrin®)')?.name, 'Bupropion (Wellbutrin®)');
    assert.equal(findTopic(g16, 'manual therapy and manipulation')?.name, 'Manual therapy & manipulation');
    assert.equal(findTopic(g16, 'Celebrex')?.name, 'Celebrex (celecoxib)');
    const lb = guideline('Low Back Complaints', 2004);
    assert.equal(findTopic(lb, 'Inital Care'), undefined, 'a real typo is not an alias');
    assert.equal(findTopic(lb, 'Table 12-8')?.pages[0]?.from, 309);
    assert.equal(findTopic(guideline('Elbow Complaints', 2007), '326'), undefined, 'the "326" artefact is not a section');
  });

  it('cross-reference entries have several spans', () => {
    const g09 = guideline('Chronic Pain Medical Treatment', 2009);
    assert.equal(formatPages(findTopic(g09, 'Tramadol')!.pages), '93-94, 113');
    assert.equal(formatPages(findTopic(g09, 'Gabapentin')!.pages), '18-19, 49');
    assert.equal(formatPages(findTopic(g09, 'Pregabalin')!.pages), '19-20, 99');
    const tens = findTopic(g09, 'TENS, chronic pain (transcutaneous electrical nerve stimulation)')!;
    assert.equal(tens.alphabetical, false);
    assert.ok(pageInTopic(tens, 115));
  });

  it('suggestTopics: "Inital Care" on Low Back suggests Initial Care first', () => {
    const lb = guideline('Low Back Complaints', 2004);
    const s = suggestTopics(lb, 'Inital Care');
    assert.ok(s.length >= 1);
    assert.equal(s[0]!.name, 'Initial Care');
    assert.equal(suggestTopics(lb, 'Diagnositc Criteria')[0]?.name, 'Diagnostic Criteria');
    assert.deepEqual(suggestTopics(lb, 'xylophone repair'), []);
    assert.ok(suggestTopics(lb, 'Special', 1).length <= 1);
    const g16 = guideline('Chronic Pain Medical Treatment', 2016);
    assert.equal(suggestTopics(g16, 'Physical medicine')[0]?.name, 'Physical medicine treatment');
  });

  it('page helpers', () => {
    assert.equal(formatPages([{ from: 98, to: 99 }]), '98-99');
    assert.equal(formatPages([{ from: 18, to: 19 }, { from: 49, to: 49 }]), '18-19, 49');
    assert.equal(formatPages([]), '');
    assert.equal(spansOverlapOrContain([{ from: 98, to: 99 }], { from: 97, to: 98 }), 'overlap');
    assert.equal(spansOverlapOrContain([{ from: 98, to: 99 }], { from: 100, to: 100 }), 'none');
  });

  it('findGuidelineByChapter', () => {
    assert.equal(findGuidelineByChapter(index, 12)?.id, 'acoem-low-back-2004');
    assert.equal(findGuidelineByChapter(index, 10)?.id, 'acoem-elbow-2007');
    assert.equal(findGuidelineByChapter(index, 3)?.id, 'acoem-general-approaches-2004');
    assert.equal(findGuidelineByChapter(index, 99), undefined);
  });

  it('allTopics iterates every topic with its guideline', () => {
    const all = [...allTopics(index)];
    assert.equal(all.length, index.guidelines.reduce((n, g) => n + g.topics.length, 0));
    assert.ok(all.every(({ guideline: g, topic }) => g.topics.includes(topic)));
  });

  describe('splitSectionList', () => {
    it('keeps names with commas together', () => {
      const g16 = guideline('Chronic Pain Medical Treatment', 2016);
      assert.deepEqual(splitSectionList(g16, 'NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs).'), [
        'NSAIDs, GI symptoms & cardiovascular risk',
        'Proton Pump Inhibitors (PPIs)',
      ]);
      assert.deepEqual(splitSectionList(g16, 'Naproxen (Naprosyn, Anaprox, Anaprox DS [otc], Naprelan), Work conditioning, work hardening, Ultrasound, therapeutic'), [
        'Naproxen (Naprosyn, Anaprox, Anaprox DS [otc], Naprelan)',
        'Work conditioning, work hardening',
        'Ultrasound, therapeutic',
      ]);
      assert.deepEqual(splitSectionList(guideline('Postsurgical Treatment', 2009), 'Forearm, Wrist, & Hand, Knee'), ['Forearm, Wrist, & Hand', 'Knee']);
    });

    it('falls back to commas outside parentheses for unknown parts', () => {
      const lb = guideline('Low Back Complaints', 2004);
      assert.deepEqual(splitSectionList(lb, 'Inital Care, Physical Methods, Foo (a, b), Follow-up Visits'), ['Inital Care', 'Physical Methods', 'Foo (a, b)', 'Follow-up Visits']);
    });

    it('numbered sections with commas in their titles, with offsets', () => {
      const op = guideline('Opioid Treatment', 2016);
      const text =
        '3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse, 4.1 Tapering Opioids: Indications for Tapering Opioids.';
      const spans = splitSectionSpans(op, text);
      assert.deepEqual(spans.map((s) => s.topic?.number), ['3.3.1.1', '4.1']);
      for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(!spans[1]!.text.endsWith('.'));
      // unknown numbered section: runs to the next number
      assert.deepEqual(splitSectionList(op, '9.9 Made Up: Title, with comma, 3.3.6'), ['9.9 Made Up: Title, with comma', '3.3.6']);
    });
  });
});
