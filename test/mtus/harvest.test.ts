import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { imrInProcess } from '../helpers/cli-io';
import { parseLetter } from '../../server/src/engine';
import { HarvestAggregator, HarvestRow } from '../../server/src/engine/mtus/harvest/harvest';
import { bundledIndex, CORPUS_DIR, corpusFiles, fixture } from '../helpers/engine';
import { nth } from './helpers';

const imr = imrInProcess;

/**
 * Independent count by plain text search: in each letter (whitespace collapsed), the citations
 * "<guideline> <year>, Section(s): … <section>" up to the end of that guideline's section list.
 */
function textCount(files: string[], guideline: string, section: string): { count: number; letters: number } {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${esc(guideline)},? Section\\(s\\):(?:(?!MTUS|guideline:|Decision rationale)[^])*?${esc(section)}(?=[,.]|$| and )`, 'gi');
  let count = 0;
  let letters = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8').replace(/\s+/g, ' ');
    const n = (text.match(re) ?? []).length;
    count += n;
    if (n > 0) letters++;
  }
  return { count, letters };
}

describe('imr index harvest', function () {
  this.timeout(120000);
  const files = corpusFiles();

  it('counts citations and distinct letters per section like a plain text count over the dev corpus', async function () {
    if (!files) this.skip();
    const r = await imr(['index', 'harvest', CORPUS_DIR, '--format', 'json'], process.cwd());
    assert.strictEqual(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { letters: number; rows: HarvestRow[] };
    assert.strictEqual(out.letters, files!.length);
    const row = (id: string, section: string) => out.rows.find((x) => x.guidelineId === id && x.section.toLowerCase() === section.toLowerCase());
    const cases: [string, string, string][] = [
      ['cpmtg-2016', 'Chronic Pain Medical Treatment 2016', 'Physical medicine treatment'],
      ['cpmtg-2016', 'Chronic Pain Medical Treatment 2016', 'Manual therapy & manipulation'],
      ['acoem-low-back-2004', 'Low Back Complaints 2004', 'Special Studies'],
      ['acoem-neck-upper-back-2004', 'Neck and Upper Back Complaints 2004', 'Special Studies'],
      ['acoem-shoulder-2004', 'Shoulder Complaints 2004', 'Initial Care'],
    ];
    for (const [id, guideline, section] of cases) {
      const want = textCount(files!, guideline, section);
      const got = row(id, section);
      assert.ok(got, `no row for ${guideline} ${section}`);
      assert.ok(want.letters > 0, `${section}: the text count found nothing`);
      assert.deepStrictEqual({ count: got!.count, letters: got!.letters }, want, `${guideline}, ${section}`);
    }
    // a misspelled section stays visible as unknown, ahead of the known ones
    const firstKnown = out.rows.findIndex((x) => x.status === 'known');
    const unknown = out.rows.findIndex((x) => x.status === 'unknown-section');
    assert.ok(unknown >= 0 && unknown < firstKnown);
  });

  it('page citations: consensus next to the index pages, distinct letters, sorted by need', () => {
    const index = bundledIndex();
    const agg = new HarvestAggregator(index);
    const letter = fixture('letters/clean-2009-pages.imr');
    const at = (pages: string) => letter.replace('Physical Medicine Page(s): 98-99.', `Aquatic therapy Page(s): ${pages}.`);
    // 3 letters cite page 23 (the index says 22, unverified), one cites 22; one letter cites 23 twice
    for (const t of [at('23'), at('23'), at('22'), at('23')]) agg.add(parseLetter(t, index));
    agg.add(parseLetter(letter, index));
    const rows = agg.rows();
    const aquatic = rows.find((r) => r.topic === 'Aquatic therapy')!;
    assert.strictEqual(aquatic.status, 'consensus-disagrees');
    assert.deepStrictEqual(aquatic.consensus, { pages: '23', count: nth(aquatic.pages, 0, 'a page of Aquatic therapy').count, letters: 3 });
    assert.deepStrictEqual(aquatic.pages.map((p) => [p.pages, p.letters]), [['23', 3], ['22', 1]]);
    assert.strictEqual(aquatic.indexPages, '22');
    assert.strictEqual(aquatic.verified, false);
    assert.strictEqual(aquatic.letters, 4);
    const physical = rows.find((r) => r.topic === 'Physical medicine')!;
    assert.strictEqual(physical.status, 'consensus-agrees');
    assert.ok(rows.indexOf(aquatic) < rows.indexOf(physical));
    assert.strictEqual(agg.lettersSeen, 5);
  });

  it('csv output and bad input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-harvest-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'a.imr.txt'), fixture('letters/clean-2009-pages.imr'));
      fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
      fs.writeFileSync(path.join(dir, 'c.pdf'), '%PDF-1.7');
      const r = await imr(['index', 'harvest', dir, '--format', 'csv'], dir);
      assert.strictEqual(r.code, 0, r.err);
      const lines = r.out.trim().split('\n');
      assert.match(lines[0]!, /^status,guideline,year,guidelineId,section,topic,count,letters,consensusPages,/);
      assert.ok(lines.some((l) => /^consensus-agrees,Chronic Pain Medical Treatment Guidelines,2009,cpmtg-2009,Physical Medicine,Physical medicine,2,1,98-99,1,98-99,true,/.test(l)), r.out);
      const s = await imr(['index', 'harvest', dir], dir);
      assert.match(s.out, /1 letter\(s\) read, 1 skipped \(binary or too large\)/);
      const bad = await imr(['index', 'harvest', path.join(dir, 'nope')], dir);
      assert.strictEqual(bad.code, 2);
      assert.match(bad.err, /^imr: .*nope: no such file or directory\n$/);
      const fmt = await imr(['index', 'harvest', dir, '--format', 'xml'], dir);
      assert.strictEqual(fmt.code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
