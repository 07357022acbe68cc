import * as assert from 'assert';
import * as path from 'path';
import { applyEvidencePolicy, checkIndex, defaultConfig, lintText, loadConfigText, provenanceOf } from '../../server/src/engine';
import { clearIndexCache, loadIndex } from '../../server/src/engine/mtus/load';
import { fixture, REPO_ROOT } from '../helpers/engine';
import { cleanupTmp, tmpFile } from './helpers';

const correction = (topic: string) => `version: 1
guidelines:
  - id: cpmtg-2009
    topics:
${topic}`;

describe('index evidence', () => {
  after(() => {
    cleanupTmp();
    clearIndexCache();
  });

  it('imr index check accepts PDF and consensus evidence that back the entry', () => {
    const text = correction(`      - name: Physical medicine
        pages: "98-99"
        verified: true
        evidence: {pdf: "CPMTG.pdf", page: 98}
      - name: Aquatic therapy
        pages: "22"
        evidence: {letters: 31, consensus: "22"}
`);
    assert.deepStrictEqual(checkIndex({ text, file: '/x/ok.yaml' }), []);
  });

  it('reports malformed evidence, evidence outside the pages, and a consensus claimed as verification', () => {
    const text = correction(`      - name: Physical medicine
        pages: "98-99"
        verified: true
        evidence: {pdf: "CPMTG.pdf", page: 97}
      - name: Aquatic therapy
        pages: "22"
        verified: true
        evidence: {letters: 31, consensus: "23"}
      - name: Exercise
        evidence: {pdf: "CPMTG.pdf"}
      - name: Yoga
        evidence: {letters: 0, consensus: "126", pgae: 1}
      - name: Biofeedback
        evidence: {pdf: "CPMTG.pdf", page: 24}
      - name: Yoga (again)
        evidence: {}
`);
    const msgs = checkIndex({ text, file: '/x/bad.yaml' }).map((p) => `${p.line! + 1}: ${p.message}`);
    assert.deepStrictEqual(msgs, [
      '14: cpmtg-2009.topics[2].evidence: missing "page" — evidence is {pdf, page} (the guideline PDF) and/or {letters, consensus} (a letter consensus)',
      '16: cpmtg-2009.topics[3].evidence: unknown property "pgae" (did you mean "page"?); allowed: pdf, page, letters, consensus',
      '16: cpmtg-2009.topics[3].evidence.letters 0 must be >= 1',
      '20: cpmtg-2009.topics[5].evidence must give {pdf, page} and/or {letters, consensus}',
      `9: topic "Aquatic therapy" in cpmtg-2009: evidence consensus 23 of 31 letters is not within the topic's page 22`,
      '9: topic "Aquatic therapy" in cpmtg-2009: a letter consensus alone does not verify an entry: set verified: false (the indexEvidence setting decides how much a consensus counts)',
      '17: topic "Biofeedback" in cpmtg-2009: evidence names PDF page 24 but the entry is not verified: true (a topic the PDF confirms is verified)',
      `5: topic "Physical medicine" in cpmtg-2009: evidence PDF page 97 is not within the topic's pages 98-99`,
    ]);
  });

  it('a consensus of enough letters is shown as one; its findings stay warnings unless the config trusts consensus', () => {
    const file = tmpFile('consensus.yaml', correction(`      - name: Aquatic therapy
        pages: "22"
        evidence: {letters: 25, consensus: "22"}
`));
    const { index, problems } = loadIndex([file]);
    assert.deepStrictEqual(problems, []);
    const aquatic = index.guidelines.find((g) => g.id === 'cpmtg-2009')!.topics.find((t) => t.name === 'Aquatic therapy')!;
    assert.deepStrictEqual(provenanceOf(aquatic), { kind: 'consensus', letters: 25, consensus: '22' });
    assert.strictEqual(provenanceOf(aquatic, { consensusLetters: 30 }).kind, 'unverified');
    assert.strictEqual(applyEvidencePolicy(index, {}), index);

    const letter = fixture('letters/clean-2009-pages.imr').replace('Physical Medicine Page(s): 98-99.', 'Aquatic therapy Page(s): 30.');
    const severity = (cfgText?: string) => {
      const config = cfgText ? loadConfigText(cfgText, path.join(REPO_ROOT, '.imrlintrc.yaml')).config! : defaultConfig(REPO_ROOT);
      return lintText({ text: letter, config, index }).findings.filter((f) => f.ruleId === 'citation-page-mismatch').map((f) => f.severity);
    };
    assert.deepStrictEqual(severity(), ['warning']);
    assert.deepStrictEqual(severity('indexEvidence: {trustConsensus: true}\n'), ['error']);
    assert.deepStrictEqual(severity('indexEvidence: {trustConsensus: true, consensusLetters: 40}\n'), ['warning']);
    const bad = loadConfigText('indexEvidence: {consensusLetters: "many"}\n', path.join(REPO_ROOT, '.imrlintrc.yaml'));
    assert.strictEqual(bad.problems.length, 1);
  });
});
