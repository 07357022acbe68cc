import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig, lintText } from '../../server/src/engine';
import { Determination } from '../../server/src/engine/model/determination';
import { bundledIndex, corpusFiles, fixture, REPO_ROOT } from '../helpers/engine';
import { pdftotext, textToPdf } from '../helpers/pdf';
import { plainVariant } from '../helpers/plain-text';

/** What must not depend on how the PDF was turned into text: the items, their decisions and conclusions. */
function essentials(d: Determination): string[] {
  return d.items.map((i) => [i.prefix ?? '', i.text, i.decision ?? '-', i.rationale?.conclusion ?? '-', i.claimsAdministratorGuideline ? 'ca' : '', i.maximusGuideline ? 'mx' : ''].join(' | '));
}

function parse(text: string): { determination: Determination; errors: string[] } {
  const { determination, findings } = lintText({ text, config: defaultConfig(REPO_ROOT), index: bundledIndex() });
  return { determination, errors: findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`) };
}

describe('plain and -layout text give the same model', () => {
  it('page breaks inside a rationale and between an item line and its guideline lines', () => {
    const base = fixture('letters/clean-2016.imr');
    const want = essentials(parse(base).determination);
    const rationale = /Decision rationale: [^\n]*\n/.exec(base)!;
    const at = rationale.index + rationale[0].length;
    const variants: Record<string, string> = {
      'form feed, no blank line, inside a rationale': `${base.slice(0, at)}\f${base.slice(at)}`,
      'blank line then form feed inside a rationale': `${base.slice(0, at)}\n\f${base.slice(at)}`,
      'form feed on its own line between blank lines': `${base.slice(0, at)}\n\f\n\n${base.slice(at)}`,
      'page footer and case number line': `${base.slice(0, at)}\nPage 1 of 3\n\fCM00-0000001\n\n${base.slice(at)}`,
      'form feed between an item line and its guideline lines': base.replace(/(: Upheld\n)\n(Claims Administrator guideline)/, '$1\n\f\n$2'),
      'form feed inside a guideline line': base.replace(/(Claims Administrator guideline: [^\n]*\n)/, '$1\n\f'),
    };
    for (const [name, text] of Object.entries(variants)) {
      assert.notEqual(text, base, name);
      const got = parse(text);
      assert.deepEqual(essentials(got.determination), want, name);
      assert.deepEqual(got.errors, [], name);
    }
  });

  it('joins a credential value wrapped onto a second line', () => {
    const base = fixture('letters/clean-2016.imr');
    const m = /Certification\(s\)\/Specialty:[^\n]*/.exec(base)!;
    const text = base.replace(m[0], 'Certification(s)/Specialty: Public Health &\nGeneral Preventive Medicine');
    assert.equal(parse(text).determination.credentials.specialty?.value, 'Public Health & General Preventive Medicine');
  });

  describe('through a real PDF and pdftotext, with and without -layout', function () {
    const have = pdftotext(textToPdf('probe'), false) !== undefined;
    before(function () {
      if (!have) {
        console.log('      skipped: pdftotext is not installed');
        this.skip();
      }
    });

    it('the fixture letters, with page breaks inside a rationale and an item line', () => {
      const base = fixture('letters/clean-2016.imr');
      const letters = [
        base,
        base.replace('Decision rationale: The California', 'Decision rationale: The\n\fCalifornia'),
        base.replace(/(: Overturned\n)/, '$1\f'),
        fixture('letters/clean-2009-pages.imr').replace('There is no\n', 'There is no\n\f'),
      ];
      for (const [k, text] of letters.entries()) {
        const pdf = textToPdf(text);
        const layout = parse(pdftotext(pdf, true) as string);
        const plain = parse(pdftotext(pdf, false) as string);
        assert.ok(layout.determination.items.length > 0, `letter ${k}: items`);
        assert.deepEqual(essentials(plain.determination), essentials(layout.determination), `letter ${k}`);
        assert.deepEqual(essentials(layout.determination), essentials(parse(text).determination), `letter ${k}: -layout as the source`);
        assert.deepEqual([...plain.errors, ...layout.errors], [], `letter ${k}: errors`);
      }
    });

    it('every real letter (../shared/corpus/dev), extracted in memory', function () {
      const files = corpusFiles();
      if (!files) this.skip();
      const problems: string[] = [];
      for (const file of files ?? []) {
        // the letter goes through pipes only: no temporary copy on disk
        const pdf = textToPdf(fs.readFileSync(file, 'utf8'));
        const layout = parse(pdftotext(pdf, true) as string);
        const plain = parse(pdftotext(pdf, false) as string);
        if (JSON.stringify(essentials(plain.determination)) !== JSON.stringify(essentials(layout.determination))) problems.push(`${path.basename(file)}: items differ`);
        if (plain.errors.length + layout.errors.length > 0) problems.push(`${path.basename(file)}: errors ${[...plain.errors, ...layout.errors].join('; ')}`);
      }
      assert.deepEqual(problems, []);
    });
  });

  describe('real letters (../shared/corpus/dev)', function () {
    const files = corpusFiles();
    before(function () {
      if (!files) {
        console.log('      skipped: ../shared/corpus/dev is absent');
        this.skip();
      }
    });

    it('every letter gives identical items, decisions and conclusions in plain-text variants', () => {
      const problems: string[] = [];
      let breaks = 0;
      for (const file of files ?? []) {
        const text = fs.readFileSync(file, 'utf8');
        breaks += (text.match(/\f/g) ?? []).length;
        const want = essentials(parse(text).determination);
        for (let v = 0; v < 6; v++) {
          const got = parse(plainVariant(text, v));
          const name = `${path.basename(file)} (plain variant ${v})`;
          try {
            assert.deepEqual(essentials(got.determination), want);
          } catch {
            problems.push(`${name}: ${JSON.stringify(essentials(got.determination))} vs ${JSON.stringify(want)}`);
          }
          if (got.errors.length > 0) problems.push(`${name}: errors ${got.errors.join('; ')}`);
        }
      }
      assert.ok(breaks > 50, `page breaks exercised: ${breaks}`);
      assert.deepEqual(problems, []);
    });
  });
});
