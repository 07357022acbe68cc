import * as assert from 'assert';
import { describeGuideline, describeTopic } from '../../server/src/service/describe';
import { DECISION_MEANING } from '../../server/src/service/decisions';
import { doHover } from '../../server/src/service/hover';
import { Hover, MarkupKind, Position } from '../../server/src/service/lsp-types';
import { guideline, topic } from './indexed';
import { at, CLEAN_2009, CLEAN_2016, index, parse, span } from './letter';

function hoverAt(text: string, p: Position): Hover | null {
  return doHover({ determination: parse(text), index: index(), position: p });
}

function value(h: Hover | null): string {
  assert.ok(h, 'a hover');
  assert.strictEqual((h.contents as { kind: string }).kind, MarkupKind.Markdown);
  return (h.contents as { value: string }).value;
}

describe('service/hover', () => {
  it('explains a header field on its label, over the label', () => {
    const h = hoverAt(CLEAN_2016, at(CLEAN_2016, 'Priority:', 2));
    assert.strictEqual(value(h), '**Priority**\n\n`Standard` or `Expedited`.');
    assert.strictEqual(span(h!.range!), '3:0-3:9');
  });

  it('gives a header date its weekday and the intervals it takes part in first, on the label or the value', () => {
    const onValue = hoverAt(CLEAN_2016, at(CLEAN_2016, '02/09/2017', 3));
    assert.strictEqual(
      value(onValue),
      [
        '**Decision Date**',
        '',
        'Thursday, February 9, 2017',
        '',
        '| interval | days |',
        '|---|---|',
        '| **UR denial → decision** | 57 days |',
        '| **application received → decision** | 29 days |',
        '| **assigned → decision** | 23 days |',
        '| **injury → decision** | 710 days (about 23.3 months) |',
        '| UR denial → application received | 28 days |',
      ].join('\n'),
    );
    assert.strictEqual(span(onValue!.range!), '2:22-2:32');
    const onLabel = hoverAt(CLEAN_2016, at(CLEAN_2016, 'Decision Date:'));
    assert.strictEqual(value(onLabel), value(onValue));
    assert.strictEqual(span(onLabel!.range!), '2:0-2:14');
  });

  it('says when a header date is not a date, and marks an interval that runs backwards', () => {
    const text = CLEAN_2016.replace('02/09/2017', '02/30/2017').replace('Date of Injury:      03/02/2015', 'Date of Injury:      03/02/2018');
    assert.match(value(hoverAt(text, at(text, '02/30/2017', 1))), /^\*\*Decision Date\*\*\n\n"02\/30\/2017" is not a date in MM\/DD\/YYYY form\./);
    const injury = value(hoverAt(text, at(text, '03/02/2018', 1)));
    assert.ok(injury.includes('| UR denial → application received | 28 days |'), injury);
    const backwards = CLEAN_2016.replace('UR Denial Date:      12/14/2016', 'UR Denial Date:      01/20/2017');
    assert.ok(value(hoverAt(backwards, at(backwards, '01/20/2017', 1))).includes('| **UR denial → application received ⚠ negative: dates out of order** | -9 days |'));
  });

  it('explains the decision word and quotes what the rationale concludes', () => {
    const up = hoverAt(CLEAN_2016, at(CLEAN_2016, 'Upheld', 2));
    assert.strictEqual(value(up), `${DECISION_MEANING.Upheld}\n\nThis item's rationale concludes: *not medically necessary*.`);
    assert.strictEqual(span(up!.range!), '28:71-28:77');
    const over = hoverAt(CLEAN_2016, at(CLEAN_2016, 'Overturned', 0));
    assert.strictEqual(value(over), `${DECISION_MEANING.Overturned}\n\nThis item's rationale concludes: *medically necessary*.`);
  });

  it('says a word that is not a decision word is not one', () => {
    const text = CLEAN_2009.replace('Exercises: Upheld', 'Exercises: Denied');
    assert.strictEqual(value(hoverAt(text, at(text, 'Denied', 1))).split('\n')[0], '"Denied" is not a decision word; use Upheld or Overturned.');
  });

  it('shows the index entry of a cited guideline and a cited section', () => {
    const g = hoverAt(CLEAN_2016, at(CLEAN_2016, 'Chronic Pain Medical', 3));
    assert.strictEqual(value(g), describeGuideline(guideline('cpmtg-2016')));
    assert.strictEqual(span(g!.range!), '30:55-30:85');
    const s = hoverAt(CLEAN_2016, at(CLEAN_2016, 'Physical medicine treatment', 3));
    assert.strictEqual(value(s), describeTopic(guideline('cpmtg-2016'), topic('cpmtg-2016', 'Physical medicine treatment')));
    assert.strictEqual(span(s!.range!), '31:18-31:45');
  });

  it('checks cited pages against the topic\'s pages (page-style citation and rationale page)', () => {
    const pages = hoverAt(CLEAN_2009, at(CLEAN_2009, '98-99', 1));
    const pm = describeTopic(guideline('cpmtg-2009'), topic('cpmtg-2009', 'Physical medicine'));
    assert.strictEqual(value(pages), `Cited page(s) 98-99 are within the index's pages 98-99.\n\n${pm}`);
    assert.strictEqual(span(pages!.range!), '25:27-25:32');
    const wrong = CLEAN_2009.replace('Medicine Page(s): 98-99.\n\nMAXIMUS', 'Medicine Page(s): 12-13.\n\nMAXIMUS');
    assert.strictEqual(value(hoverAt(wrong, at(wrong, '12-13', 1))), `Cited page(s) 12-13 are **not** the index's pages 98-99.\n\n${pm}`);
    const ref = hoverAt(CLEAN_2016, at(CLEAN_2016, 'page 309', 6));
    assert.strictEqual(value(ref), `Cited page(s) 309 are within the index's pages 309.\n\n${describeTopic(guideline('acoem-low-back-2004'), topic('acoem-low-back-2004', 'Table 12-8'))}`);
    assert.strictEqual(span(ref!.range!), '49:72-49:80');
  });

  it('says when a cited topic is not in the index', () => {
    const text = CLEAN_2016.replace('2016, Section(s): Physical medicine treatment.\n\nMAXIMUS', '2016, Section(s): Underwater basket weaving.\n\nMAXIMUS');
    assert.strictEqual(value(hoverAt(text, at(text, 'Underwater', 2))), '**Underwater basket weaving** is not a topic of Chronic Pain Medical Treatment Guidelines 2016 in the MTUS index.');
  });

  it('has nothing to say on prose, blank lines or past the end', () => {
    assert.strictEqual(hoverAt(CLEAN_2016, at(CLEAN_2016, 'The injured worker', 4)), null);
    assert.strictEqual(hoverAt(CLEAN_2016, { line: 5, character: 0 }), null);
    assert.strictEqual(hoverAt(CLEAN_2016, { line: 999, character: 0 }), null);
  });
});
