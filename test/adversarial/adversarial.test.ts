import { strict as assert } from 'assert';
import { defaultConfig, lintText, LintResult, toJson, validateDetermination } from '../../server/src/engine';
import { schemaValidator } from '../../server/src/engine/compiled/validators';
import { bundledIndex, REPO_ROOT } from '../helpers/engine';
import { letter, SHAPES } from './shapes';
import { last, nth } from '../helpers/checked';

/**
 * Every adversarial shape (test/adversarial/shapes.ts) linted at 10 KB: the linter returns and what it
 * returns is sane. How long each takes, and how that grows to 1 MB, is measured by `npm run bench`
 * (`npm run bench:adversarial`), never here: a timed unit test would be flaky on a busy machine.
 */

const SIZE = 10 * 1024;
const config = defaultConfig(REPO_ROOT);
const index = bundledIndex();
const lint = (text: string): LintResult => lintText({ text, config, index });

describe('adversarial letter shapes (10 KB each)', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: ${shape.description}`, () => {
      const text = shape.build(SIZE);
      assert.ok(text.length >= SIZE * 0.9, `built ${text.length} characters`);
      const { findings, source } = lint(text);
      assert.ok(findings.length <= text.length, 'at most one finding per character');
      for (const f of findings) {
        assert.notEqual(f.ruleId, 'invalid-input');
        for (const p of [f.range.start, f.range.end]) {
          assert.ok(p.line >= 0 && p.line < source.lines.length, `${f.ruleId}: line ${p.line} outside the letter`);
          assert.ok(p.character >= 0 && p.character <= nth(source.lines, p.line, 'line').length, `${f.ruleId}: character ${p.character} outside line ${p.line}`);
        }
        // a message may quote a value of the letter (a 9 KB section name), never more
        assert.ok(f.message.length > 0 && f.message.length < 1000 + text.length, `${f.ruleId}: message of ${f.message.length} characters`);
      }
    });
  }

  it('the base letter of the shapes is clean', () => {
    assert.deepEqual(lint(letter()).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});

describe('what the linear-time rewrites still read', () => {
  const shape = (name: string, bytes = SIZE) => SHAPES.find((s) => s.name === name)!.build(bytes);

  it('a licensure line with a run of spaces keeps its value, trimmed', () => {
    const { determination } = lint(shape('licensure-spaces'));
    const value = determination.credentials.licensure?.value ?? '';
    assert.ok(value.startsWith('California ') && value.endsWith(' Arizona'), value.slice(0, 20));
  });

  it('"[[" repeated is no marker, and a marker closed after the run is found alone', () => {
    const marked = lint(letter({ rationale: `${'[['.repeat(2000)}x]] The request is not medically necessary.` })).findings.filter((f) => f.ruleId === 'placeholder');
    assert.deepEqual(marked.map((f) => f.message), ['Unfilled template placeholder "[[x]]".']);
    assert.deepEqual(lint(shape('brackets')).findings.filter((f) => f.ruleId === 'placeholder'), []);
  });

  it('schema issues of many items are those of one validation, renumbered from the slices', () => {
    const { determination } = lint(shape('item-lines', 4 * 1024));
    assert.ok(determination.items.length > 100, `${determination.items.length} items`);
    const doc = toJson(determination, true);
    const validate = schemaValidator('determination');
    assert.equal(validate(doc.json), false);
    const whole = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`);
    const sliced = validateDetermination(doc).map((i) => `${i.instancePath} ${i.keyword} ${i.message}`);
    // the same issues in the same order (issues without a rule are left out of both the same way)
    assert.deepEqual(sliced, whole.filter((w) => sliced.includes(w)));
    assert.ok(sliced.length > 100);
    assert.ok(sliced.some((s) => s.startsWith(`/items/${determination.items.length - 1} `)), 'the last item is validated');
  });

  it('a page list of thousands of pages gives one reference per page, all in one sentence', () => {
    const { determination } = lint(shape('rationale-page-list'));
    const refs = nth(determination.items, 0, 'item').rationale?.pageRefs ?? [];
    assert.ok(refs.length > 1000, `${refs.length} references`);
    const first = nth(refs, 0, 'page reference');
    assert.ok(refs.every((r) => r.sentence === first.sentence && r.inList));
    assert.deepEqual([first.from, last(refs, 'page reference').from], [12, 13]);
  });

  it('"Decision based on MTUS" repeated reads the citation after the last one', () => {
    const { determination } = lint(shape('decision-based-on-mtus'));
    const citations = nth(determination.items, 0, 'item').maximusGuideline?.citations ?? [];
    assert.equal(citations[citations.length - 1]?.guidelineId, 'cpmtg-2009');
  });

  it('citations joined by ", and " are each read', () => {
    const { determination } = lint(shape('citation-and-joiners', 4 * 1024));
    const citations = nth(determination.items, 0, 'item').maximusGuideline?.citations ?? [];
    assert.ok(citations.length > 40, `${citations.length} citations`);
    assert.ok(citations.every((c) => c.guidelineId === 'cpmtg-2009' && c.sections.map((s) => s.name).join() === 'Opioids'));
  });
});
