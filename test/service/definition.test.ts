import * as assert from 'assert';
import { pathToFileURL } from 'url';
import { fileUri, findDefinition, lineLocation } from '../../server/src/service/definition';
import { Position } from '../../server/src/service/lsp-types';
import { guideline, topic } from './indexed';
import { at, CLEAN_2009, CLEAN_2016, index, parse } from './letter';

function defAt(text: string, p: Position) {
  return findDefinition(parse(text), index(), p);
}

describe('service/definition', () => {
  it('makes file: URIs and zero-width line locations', () => {
    assert.strictEqual(fileUri('/a b/c.yaml'), 'file:///a%20b/c.yaml');
    assert.deepStrictEqual(lineLocation('/x/i.yaml', 4), { uri: 'file:///x/i.yaml', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } } });
  });

  it('goes from a cited guideline name to its entry in the index file', () => {
    const g = guideline('cpmtg-2016');
    assert.deepStrictEqual(defAt(CLEAN_2016, at(CLEAN_2016, 'Chronic Pain Medical', 3)), lineLocation(g.file, g.line));
    assert.strictEqual(defAt(CLEAN_2016, at(CLEAN_2016, 'Chronic Pain Medical', 3))?.uri, pathToFileURL(g.file).href);
  });

  it('goes from a cited section, a page-style topic or its pages to the topic\'s entry', () => {
    const pm16 = topic('cpmtg-2016', 'Physical medicine treatment');
    assert.deepStrictEqual(defAt(CLEAN_2016, at(CLEAN_2016, 'Physical medicine treatment', 3)), lineLocation(pm16.file, pm16.line));
    const pm09 = topic('cpmtg-2009', 'Physical medicine');
    assert.deepStrictEqual(defAt(CLEAN_2009, at(CLEAN_2009, 'Physical\nMedicine', 1, 'MAXIMUS')), lineLocation(pm09.file, pm09.line));
    assert.deepStrictEqual(defAt(CLEAN_2009, at(CLEAN_2009, '98-99', 1)), lineLocation(pm09.file, pm09.line));
    assert.notStrictEqual(pm09.line, pm16.line);
  });

  it('goes from a rationale page reference to the table it names', () => {
    const t = topic('acoem-low-back-2004', 'Table 12-8');
    assert.deepStrictEqual(defAt(CLEAN_2016, at(CLEAN_2016, 'page 309', 2)), lineLocation(t.file, t.line));
  });

  it('falls back to the guideline for an unknown topic, and has none for an unknown guideline or prose', () => {
    const unknownTopic = CLEAN_2016.replace('2016, Section(s): Physical medicine treatment.\n\nMAXIMUS', '2016, Section(s): Underwater basket weaving.\n\nMAXIMUS');
    const g = guideline('cpmtg-2016');
    assert.deepStrictEqual(defAt(unknownTopic, at(unknownTopic, 'Underwater', 2)), lineLocation(g.file, g.line));
    const unknownGuideline = CLEAN_2016.replace('Decision based on MTUS Chronic Pain Medical Treatment\n2016', 'Decision based on MTUS Frobnication Guidelines\n2016');
    assert.strictEqual(defAt(unknownGuideline, at(unknownGuideline, 'Frobnication', 2)), null);
    assert.strictEqual(defAt(CLEAN_2016, at(CLEAN_2016, 'The injured worker', 3)), null);
    assert.strictEqual(defAt(CLEAN_2016, at(CLEAN_2016, 'Upheld', 1)), null);
  });
});
