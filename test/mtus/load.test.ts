import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkIndex } from '../../server/src/engine/mtus/check';
import { bundledIndexPath, clearIndexCache, formatIndexProblem, loadIndex, loadIndexFromText } from '../../server/src/engine/mtus/load';
import { resolveGuideline } from '../../server/src/engine/mtus/guidelines';
import { findTopic } from '../../server/src/engine/mtus/topics';
import { formatPages } from '../../server/src/engine/mtus/pages';
import { cleanupTmp, nth, repoRoot, tmpFile } from './helpers';

describe('mtus/load', () => {
  after(cleanupTmp);

  it('finds the bundled index under server/data', () => {
    assert.equal(bundledIndexPath(), path.join(repoRoot, 'server', 'data', 'mtus-index.yaml'));
  });

  it('loads the bundled index with zero problems', () => {
    const { index, problems } = loadIndex([]);
    assert.deepEqual(problems, []);
    assert.equal(index.label, 'bundled MTUS index');
    assert.deepEqual(index.files, [bundledIndexPath()]);
    assert.ok(index.guidelines.length >= 15, `expected at least 15 guidelines, got ${index.guidelines.length}`);
    const ids = index.guidelines.map((g) => g.id);
    for (const id of ['cpmtg-2009', 'cpmtg-2016', 'opioids-2016', 'acoem-low-back-2004', 'acoem-elbow-2007', 'acoem-general-approaches-2004', 'acupuncture-2007', 'postsurgical-2009']) {
      assert.ok(ids.includes(id), `missing ${id}`);
    }
  });

  it('bundled index passes checkIndex with zero problems', () => {
    assert.deepEqual(checkIndex(loadIndex([]).index), []);
  });

  it('bundled file passes checkIndex as file contents too', () => {
    const file = bundledIndexPath();
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(checkIndex({ text, file }), []);
  });

  it('caches: repeated loads return the same frozen index', () => {
    const a = loadIndex([]).index;
    const b = loadIndex([]).index;
    assert.equal(a, b);
    const guideline = nth(a.guidelines, 0, 'a guideline');
    assert.ok(Object.isFrozen(a) && Object.isFrozen(guideline) && Object.isFrozen(nth(guideline.topics, 0, 'a topic')));
  });

  it('records zero-based lines of guidelines and topics', () => {
    const text = 'version: 1\nguidelines:\n  - id: x-2000\n    title: X\n    year: 2000\n    names: [X]\n    topics:\n      - name: A\n        pages: "1-2"\n';
    const { guidelines, problems } = loadIndexFromText(text, '/tmp/x.yaml');
    assert.deepEqual(problems, []);
    const guideline = nth(guidelines, 0, 'guideline x-2000');
    assert.equal(guideline.line, 2);
    const topic = nth(guideline.topics, 0, 'topic A');
    assert.equal(topic.line, 7);
    assert.deepEqual(topic.pages, [{ from: 1, to: 2 }]);
    assert.equal(topic.alphabetical, true);
    assert.deepEqual(topic.aliases, []);
  });

  describe('bad input never throws and names file and line', () => {
    it('broken YAML', () => {
      const text = 'version: 1\nguidelines:\n  - id: a-1\n    title: "unterminated\n    year: 2000\n';
      const { guidelines, problems } = loadIndexFromText(text, '/x/broken.yaml');
      assert.equal(guidelines.length, 0);
      assert.ok(problems.length >= 1);
      for (const p of problems) {
        assert.equal(p.file, '/x/broken.yaml');
        assert.equal(typeof p.line, 'number');
        assert.match(p.message, /^YAML syntax error/);
        assert.match(formatIndexProblem(p), /^broken\.yaml:\d+: YAML syntax error/);
      }
    });

    it('duplicate keys are a YAML error', () => {
      const { problems } = loadIndexFromText('version: 1\nversion: 1\nguidelines: []\n', 'dup.yaml');
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.line, 1);
    });

    it('wrong types, bad pages, unknown keys: line of the offending node, valid rest kept', () => {
      const text = [
        'version: 1', //                          0
        'guidelines:', //                         1
        '  - id: good-2000', //                   2
        '    title: Good', //                     3
        '    year: 2000', //                      4
        '    names: [Good]', //                   5
        '    topics:', //                         6
        '      - name: Fine', //                  7
        '        pages: "10-12"', //              8
        '      - name: Dash', //                  9
        '        pages: ["98–99"]', //            10
        '      - name: Typo', //                  11
        '        page: "5"', //                   12
        '  - id: Bad_Id', //                      13
        '    title: Bad', //                      14
        '    year: "two thousand"', //            15
        '    names: Bad', //                      16
        '    topics: []', //                      17
      ].join('\n');
      const { guidelines, problems } = loadIndexFromText(text, '/x/types.yaml');
      const byLine = new Map(problems.map((p) => [p.line, p.message]));
      assert.match(byLine.get(10) ?? '', /^good-2000\.topics\[1\]\.pages\[0\] "98–99" must be a page like "46" or a range like "98-99" — use a plain hyphen/);
      assert.match(byLine.get(12) ?? '', /unknown property "page" \(did you mean "pages"\?\)/);
      assert.match(byLine.get(13) ?? '', /"Bad_Id" must be kebab-case/);
      assert.match(byLine.get(15) ?? '', /year "two thousand" must be an integer/);
      assert.match(byLine.get(16) ?? '', /names "Bad" must be a list/);
      assert.equal(guidelines.length, 1, 'the bad guideline is left out');
      assert.deepEqual(guidelines[0]!.topics.map((t) => t.name), ['Fine'], 'bad topics are left out');
      for (const p of problems) assert.equal(p.file, '/x/types.yaml');
    });

    it('missing title/year/names of a new guideline', () => {
      const { problems } = loadIndexFromText('version: 1\nguidelines:\n  - id: n-1\n    title: N\n    topics: []\n', 'n.yaml');
      assert.ok(problems.some((p) => p.line === 2 && /missing "names"/.test(p.message)), JSON.stringify(problems));
      assert.ok(problems.some((p) => p.line === 2 && /missing "year"/.test(p.message)), JSON.stringify(problems));
    });

    it('wrong version and wrong top level', () => {
      const v2 = nth(loadIndexFromText('version: 2\nguidelines: []\n', 'v.yaml').problems, 0, 'a problem with version 2');
      assert.match(v2.message, /^version 2 is not supported/);
      assert.equal(formatIndexProblem(v2), v2 && `v.yaml:1: ${v2.message}`);
      assert.match(nth(loadIndexFromText('- a\n- b\n', 'l.yaml').problems, 0, 'a problem with a list at the top level').message, /must be a mapping/);
      assert.match(nth(loadIndexFromText('', 'e.yaml').problems, 0, 'a problem with an empty file').message, /empty/);
    });

    it('binary garbage', () => {
      const file = tmpFile('garbage.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
      const { index, problems } = loadIndex([file]);
      assert.equal(problems.length, 1);
      const problem = problems[0]!;
      assert.equal(problem.file, file);
      assert.equal(typeof problem.line, 'number');
      assert.match(problem.message, /^not a text file/);
      assert.ok(index.guidelines.length >= 15, 'the bundled index still loads');
      assert.equal(index.label, 'bundled MTUS index');
    });

    it('missing file', () => {
      const missing = path.join(repoRoot, 'no-such-dir', 'corrections.yaml');
      const { index, problems } = loadIndex([missing]);
      assert.equal(problems.length, 1);
      const problem = problems[0]!;
      assert.equal(problem.file, missing);
      assert.equal(problem.line, undefined, 'a problem with the whole file has no line');
      assert.equal(problem.message, `file not found: ${missing}`);
      assert.ok(index.guidelines.length >= 15);
    });

    it('a directory and a missing bundled index', () => {
      assert.match(nth(loadIndex([repoRoot]).problems, 0, 'a problem with a directory').message, /is a directory/);
      const { index, problems } = loadIndex([], { bundled: false });
      assert.deepEqual(problems, []);
      assert.equal(index.guidelines.length, 0);
      assert.equal(index.label, 'no MTUS index loaded');
    });
  });

  describe('extra index files', () => {
    it('correct a page span and add a topic; the label names the file', () => {
      const file = tmpFile(
        'corrections.yaml',
        [
          'version: 1',
          'guidelines:',
          '  - id: cpmtg-2009',
          '    topics:',
          '      - name: epidural STEROID injections (ESIs)',
          '        pages: ["46", "47"]',
          '        verified: true',
          '        source: DWC PDF page footer',
          '      - name: Hypnosis',
          '        pages: "51"',
          '        alphabetical: false',
          '        description: Hypnosis for chronic pain.',
          '  - id: local-guide-2020',
          '    title: Local guide',
          '    year: 2020',
          '    names: [Local Guide]',
          '    topics:',
          '      - name: Something',
        ].join('\n'),
      );
      const { index, problems } = loadIndex([file]);
      assert.deepEqual(problems, []);
      assert.equal(index.label, 'bundled MTUS index + corrections.yaml');
      assert.deepEqual(index.files, [bundledIndexPath(), file]);
      const g = resolveGuideline(index, 'Chronic Pain Medical Treatment', 2009);
      assert.ok(g);
      const esi = findTopic(g, 'Epidural steroid injections (ESIs)');
      assert.ok(esi);
      assert.equal(esi.name, 'Epidural steroid injections (ESIs)', 'keeps the bundled spelling');
      assert.equal(formatPages(esi.pages), '46, 47');
      assert.equal(esi.verified, true);
      assert.equal(esi.file, file);
      assert.equal(esi.line, 4);
      assert.ok(esi.aliases.includes('Epidural steroid injections'), 'fields not given are kept');
      const added = findTopic(g, 'Hypnosis');
      assert.ok(added);
      assert.equal(formatPages(added.pages), '51');
      assert.ok(resolveGuideline(index, 'Local Guide', 2020));
      // the bundled index itself is untouched
      const plain = resolveGuideline(loadIndex([]).index, 'Chronic Pain Medical Treatment', 2009);
      assert.equal(formatPages(findTopic(plain!, 'Epidural steroid injections')!.pages), '46');
      assert.equal(findTopic(plain!, 'Hypnosis'), undefined);
    });

    it('a partial entry for an unknown id is a problem; other entries still load', () => {
      const file = tmpFile('unknown.yaml', 'version: 1\nguidelines:\n  - id: nope-1999\n    topics:\n      - name: X\n');
      const { index, problems } = loadIndex([file]);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.line, 2);
      assert.match(problems[0]!.message, /^guideline "nope-1999" is not in the index loaded so far; a new guideline needs title, year and names/);
      assert.equal(index.label, 'bundled MTUS index + unknown.yaml');
    });

    it('files merge in order: a later file wins', () => {
      const a = tmpFile('a.yaml', 'version: 1\nguidelines:\n  - id: acoem-low-back-2004\n    topics:\n      - name: Special Studies\n        pages: "303-305"\n');
      const b = tmpFile('b.yaml', 'version: 1\nguidelines:\n  - id: acoem-low-back-2004\n    topics:\n      - name: Special Studies\n        pages: "303-304"\n');
      clearIndexCache();
      const { index, problems } = loadIndex([a, b]);
      assert.deepEqual(problems, []);
      const lb = resolveGuideline(index, 'Low Back Complaints', 2004)!;
      assert.equal(formatPages(findTopic(lb, 'Special Studies')!.pages), '303-304');
      assert.equal(index.label, 'bundled MTUS index + a.yaml + b.yaml');
    });
  });
});
