import { strict as assert } from 'assert';
import { applyFixes, createIndexProvider, defaultConfig, Finding, LintConfig, lintText, MtusIndex, SeveritySetting } from '../../server/src/engine';
import { cliFixture, letter, replaceOnce, ROOT } from '../cli/helpers';
import { nth } from '../helpers/checked';

/**
 * Inline suppression comments, through the engine (lintText):
 *   <!-- imr-disable-next-line RULE[, RULE] -- reason -->   the next line only
 *   <!-- imr-disable-file RULE -->                          the whole letter
 * without ids = every rule; unknown ids and directives that suppress nothing are reported as
 * unused-suppression only when enabled (config or the reportUnusedSuppressions option).
 */

let bundled: MtusIndex | undefined;
function index(): MtusIndex {
  if (!bundled) {
    const { index: idx, problems } = createIndexProvider().get([]);
    assert.deepEqual(problems, []);
    bundled = idx;
  }
  return bundled;
}

function config(rules: Record<string, SeveritySetting> = {}): LintConfig {
  const c = defaultConfig(ROOT);
  for (const [id, severity] of Object.entries(rules)) c.rules[id] = { severity, options: {} };
  return c;
}

function findings(text: string, rules: Record<string, SeveritySetting> = {}, reportUnusedSuppressions?: boolean): Finding[] {
  return lintText({ text, config: config(rules), index: index(), reportUnusedSuppressions }).findings;
}

/** "line:col rule" with 1-based line and column. */
function brief(fs: Finding[]): string[] {
  return fs.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
}

// clean-2009-pages.imr, case summary lines 16 and 17 (1-based), each with a TODO at column 11 / 13
const SUMMARY_1 = 'This is a patient with a date of injury of 1/25/13 who has hand and wrist pain. Six more';
const SUMMARY_2 = 'sessions of occupational therapy were requested.';
function twoTodos(): string {
  let t = letter('clean-2009-pages.imr');
  t = replaceOnce(t, SUMMARY_1, 'This is a TODO patient with a date of injury of 1/25/13 who has hand and wrist pain. Six more');
  t = replaceOnce(t, SUMMARY_2, 'sessions TODO of occupational therapy were requested.');
  return t;
}
/** Inserts `line` as a new line before the first line that starts with `before`. */
function insertBefore(text: string, before: string, line: string): string {
  const at = text.indexOf(`\n${before}`);
  assert.ok(at >= 0, `no line starting with ${before}`);
  return `${text.slice(0, at + 1)}${line}\n${text.slice(at + 1)}`;
}

describe('inline suppressions (engine)', function () {
  this.timeout(30_000);

  it('the fixtures report what these tests suppress', () => {
    assert.deepEqual(brief(findings(twoTodos())), ['16:11 placeholder', '17:10 placeholder']);
    assert.deepEqual(brief(findings(cliFixture('mixed-2016.imr'))), ['17:33 heading-format', '21:95 placeholder', '29:72 item-decision']);
  });

  describe('imr-disable-next-line', () => {
    it('suppresses that rule on the next line only', () => {
      const t = insertBefore(twoTodos(), 'This is a TODO', '<!-- imr-disable-next-line placeholder -- marker kept for the reviewer -->');
      assert.deepEqual(brief(findings(t)), ['18:10 placeholder'], 'line 17 suppressed, line 18 (the next-but-one) still reported');
    });

    it('does not suppress other rules on that line', () => {
      const t = insertBefore(twoTodos(), 'This is a TODO', '<!-- imr-disable-next-line heading-format -- wrong rule -->');
      assert.deepEqual(brief(findings(t)), ['17:11 placeholder', '18:10 placeholder']);
    });

    it('lists several rules, separated by commas or spaces', () => {
      for (const ids of ['heading-format, placeholder', 'heading-format placeholder', 'placeholder,heading-format']) {
        const t = insertBefore(twoTodos(), 'This is a TODO', `<!-- imr-disable-next-line ${ids} -->`);
        assert.deepEqual(brief(findings(t)), ['18:10 placeholder'], ids);
      }
    });

    it('without rule ids suppresses every rule on the next line', () => {
      let t = cliFixture('mixed-2016.imr');
      t = insertBefore(t, 'Physical therapy two times', '<!-- imr-disable-next-line -->');
      assert.deepEqual(brief(findings(t)), ['17:33 heading-format', '21:95 placeholder']);
    });

    it('applies to the line where a finding starts (second line of a wrapped citation)', () => {
      const t = insertBefore(cliFixture('page-error-2009.imr'), 'Physical Medicine Page(s): 97.', '<!-- imr-disable-next-line citation-page-mismatch -- page confirmed against the 2009 PDF -->');
      assert.deepEqual(brief(findings(t)), []);
      // a directive on the citation's first line does not cover a finding on its second
      const above = insertBefore(cliFixture('page-error-2009.imr'), 'Claims Administrator guideline:', '<!-- imr-disable-next-line citation-page-mismatch -->');
      assert.deepEqual(brief(findings(above)), ['27:28 citation-page-mismatch']);
    });

    it('tolerates indentation and CRLF line endings', () => {
      const t = insertBefore(twoTodos(), 'This is a TODO', '   <!--imr-disable-next-line placeholder-->  ').replace(/\n/g, '\r\n');
      assert.deepEqual(brief(findings(t)), ['18:10 placeholder']);
    });

    it('is only a directive on a line of its own', () => {
      const t = replaceOnce(twoTodos(), 'This is a TODO', '<!-- imr-disable-next-line placeholder --> This is a TODO');
      assert.deepEqual(brief(findings(t)), ['16:54 placeholder', '17:10 placeholder']);
    });
  });

  describe('imr-disable-file', () => {
    it('suppresses a rule everywhere in the letter, and only that rule', () => {
      const t = '<!-- imr-disable-file placeholder -- template markers reviewed -->\n' + cliFixture('mixed-2016.imr').replace('Physical therapy two', 'TBD Physical therapy two');
      assert.deepEqual(brief(findings(t)), ['18:33 heading-format', '30:76 item-decision']);
    });

    it('works anywhere in the letter, not only at the top', () => {
      const t = cliFixture('mixed-2016.imr') + '\n<!-- imr-disable-file item-decision, heading-format -->\n';
      assert.deepEqual(brief(findings(t)), ['21:95 placeholder']);
    });

    it('without rule ids suppresses every rule', () => {
      const t = '<!-- imr-disable-file -->\n' + cliFixture('mixed-2016.imr');
      assert.deepEqual(brief(findings(t)), []);
    });
  });

  describe('unused-suppression', () => {
    const unknownId = () => insertBefore(twoTodos(), 'This is a TODO', '<!-- imr-disable-next-line no-such-rule -->');
    const unusedId = () => insertBefore(twoTodos(), 'This is a TODO', '<!-- imr-disable-next-line heading-format -->');

    it('is not reported by default (off)', () => {
      assert.deepEqual(brief(findings(unknownId())), ['17:11 placeholder', '18:10 placeholder']);
      assert.deepEqual(brief(findings(unusedId())), ['17:11 placeholder', '18:10 placeholder']);
    });

    it('reports unknown rule ids and ids that suppressed nothing when enabled in the config', () => {
      const a = findings(unknownId(), { 'unused-suppression': 'warn' });
      assert.deepEqual(brief(a), ['16:1 unused-suppression', '17:11 placeholder', '18:10 placeholder']);
      const unknown = nth(a, 0, 'finding');
      assert.equal(unknown.severity, 'warning');
      assert.match(unknown.message, /unknown rule "no-such-rule"/);
      const b = findings(unusedId(), { 'unused-suppression': 'error' });
      assert.deepEqual(brief(b), ['16:1 unused-suppression', '17:11 placeholder', '18:10 placeholder']);
      const unused = nth(b, 0, 'finding');
      assert.equal(unused.severity, 'error');
      assert.match(unused.message, /"heading-format"/);
      const c = findings(insertBefore(letter('clean-2016.imr'), 'MRI of the lumbar', '<!-- imr-disable-next-line -->'), { 'unused-suppression': 'info' });
      assert.deepEqual(brief(c), ['41:1 unused-suppression']);
      const bare = nth(c, 0, 'finding');
      assert.equal(bare.severity, 'info');
      assert.match(bare.message, /suppresses nothing/);
    });

    it('reports only the unused ids of a directive that was partly used', () => {
      const t = insertBefore(twoTodos(), 'This is a TODO', '<!-- imr-disable-next-line placeholder, date-order -->');
      const f = findings(t, { 'unused-suppression': 'warn' });
      assert.deepEqual(brief(f), ['16:1 unused-suppression', '18:10 placeholder']);
      const { message } = nth(f, 0, 'finding');
      assert.match(message, /"date-order"/);
      assert.ok(!message.includes('"placeholder"'), message);
    });

    it('a directive that suppressed something is not reported', () => {
      const t = '<!-- imr-disable-file placeholder -->\n' + insertBefore(cliFixture('mixed-2016.imr'), 'Physical therapy two', '<!-- imr-disable-next-line item-decision -->');
      assert.deepEqual(brief(findings(t, { 'unused-suppression': 'warn' })), ['18:33 heading-format']);
    });

    it('its fix removes the comment line', () => {
      const original = letter('clean-2009-pages.imr');
      const t = insertBefore(original, 'Therapeutic Exercises: Upheld', '<!-- imr-disable-next-line citation-page-mismatch -- not needed -->');
      const f = findings(t, { 'unused-suppression': 'warn' });
      assert.deepEqual(brief(f), ['23:1 unused-suppression']);
      assert.ok(nth(f, 0, 'finding').fix);
      assert.equal(applyFixes(t, f).text, original);
    });

    it('reportUnusedSuppressions turns it on whatever the config says (severity from the config)', () => {
      const f = findings(unusedId(), { 'unused-suppression': 'error' }, true);
      assert.deepEqual(brief(f), ['16:1 unused-suppression', '17:11 placeholder', '18:10 placeholder']);
      assert.equal(nth(f, 0, 'finding').severity, 'error');
    });

    it('reportUnusedSuppressions with the default config reports a warning (no throw)', () => {
      const f = findings(unusedId(), {}, true);
      assert.deepEqual(brief(f), ['16:1 unused-suppression', '17:11 placeholder', '18:10 placeholder']);
      assert.equal(nth(f, 0, 'finding').severity, 'warning');
    });
  });

  describe('directive lines do not disturb parsing', () => {
    it('an item line directly after a directive (no blank line before it) is still found', () => {
      const original = letter('clean-2009-pages.imr');
      const t = replaceOnce(original, 'set forth below:\n\nTherapeutic Exercises: Upheld', 'set forth below:\n<!-- imr-disable-next-line placeholder -->\nTherapeutic Exercises: Upheld');
      const r = lintText({ text: t, config: config(), index: index() });
      assert.deepEqual(brief(r.findings), []);
      assert.equal(r.determination.items.length, 1);
      const item = nth(r.determination.items, 0, 'item');
      assert.equal(item.decision, 'Upheld');
      assert.equal(item.textRange.start.line, 22, 'item line numbers are those of the letter as written');
    });

    it('a directive between an item line and its guideline lines', () => {
      const t = replaceOnce(cliFixture('page-error-2009.imr'), 'Therapeutic Exercises: Upheld\n\n', 'Therapeutic Exercises: Upheld\n<!-- imr-disable-next-line heading-format -->\n');
      const r = lintText({ text: t, config: config(), index: index() });
      assert.equal(r.determination.items.length, 1);
      assert.deepEqual(brief(r.findings), ['26:28 citation-page-mismatch'], 'the item keeps its citations');
    });

    it('a directive inside a wrapped citation keeps the citation whole', () => {
      const t = insertBefore(cliFixture('page-error-2009.imr'), 'Physical Medicine Page(s): 97.', '<!-- imr-disable-next-line placeholder -->');
      assert.deepEqual(brief(findings(t)), ['27:28 citation-page-mismatch']);
    });

    it('a directive in the header does not break the header fields', () => {
      const t = insertBefore(letter('clean-2016.imr'), 'Decision Date:', '<!-- imr-disable-next-line header-field -->');
      const r = lintText({ text: t, config: config(), index: index() });
      assert.deepEqual(brief(r.findings), []);
    });
  });
});
