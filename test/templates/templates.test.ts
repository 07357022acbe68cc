import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig, Finding, lintText } from '../../server/src/engine';
import { CODE_SNIPPETS_PATH, renderCodeSnippets } from '../../server/src/templates/code-snippets';
import { parseSnippet } from '../../server/src/templates/snippet';
import { expandTemplate, TEMPLATES } from '../../server/src/templates/templates';
import { bundledIndex, spliceIntoLetter } from '../support/splice-letter';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function lint(text: string): Finding[] {
  return lintText({ text, config: defaultConfig(ROOT), index: bundledIndex() }).findings;
}

function show(findings: Finding[]): string {
  return findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`).join('\n');
}

describe('templates', () => {
  it('have unique names and prefixes, and parse as snippets', () => {
    assert.strictEqual(new Set(TEMPLATES.map((t) => t.name)).size, TEMPLATES.length);
    assert.strictEqual(new Set(TEMPLATES.map((t) => t.prefix)).size, TEMPLATES.length);
    for (const name of ['letter', 'header', 'how-made', 'clinical-case-summary', 'issues', 'item', 'credentials']) {
      assert.ok(TEMPLATES.some((t) => t.name === name), `template ${name}`);
    }
    for (const t of TEMPLATES) assert.doesNotThrow(() => parseSnippet(t.body.join('\n')), t.name);
  });

  describe('expanded and linted in a letter (default config, bundled index)', () => {
    for (const t of TEMPLATES) {
      it(`${t.name}: only placeholder findings${t.markedFillIns ? ', at least one' : ', none'}`, () => {
        const letter = spliceIntoLetter(expandTemplate(t), t.slot);
        const findings = lint(letter);
        const others = findings.filter((f) => f.ruleId !== 'placeholder');
        assert.ok(others.length === 0, `findings other than placeholder for template ${t.name}:\n${show(others)}\n--- letter ---\n${letter}`);
        const marked = findings.filter((f) => f.ruleId === 'placeholder');
        if (t.markedFillIns) assert.ok(marked.length > 0, `template ${t.name} has fill-ins but no placeholder finding`);
        else assert.ok(marked.length === 0, show(marked));
      });
    }
  });

  it('the whole letter marks every fill-in: item, guideline lines, rationale, summary, specialty, case number, five dates', () => {
    const letter = expandTemplate(TEMPLATES.find((t) => t.name === 'letter')!);
    const marked = lint(letter).filter((f) => f.ruleId === 'placeholder');
    assert.strictEqual(marked.length, 13, show(marked));
  });

  it(`${CODE_SNIPPETS_PATH} is generated from the templates (run npm run generate after changing them)`, () => {
    const file = path.join(ROOT, CODE_SNIPPETS_PATH);
    assert.ok(fs.existsSync(file), `${CODE_SNIPPETS_PATH} is missing: run npm run generate`);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), renderCodeSnippets(), `${CODE_SNIPPETS_PATH} differs from the templates: run npm run generate`);
  });

  it(`${CODE_SNIPPETS_PATH} has one entry per template with prefix, description and body`, () => {
    const data = JSON.parse(renderCodeSnippets()) as Record<string, { prefix: string; body: string[]; description: string }>;
    assert.deepStrictEqual(Object.values(data).map((s) => s.prefix), TEMPLATES.map((t) => t.prefix));
    for (const s of Object.values(data)) assert.ok(s.body.length > 0 && s.description);
  });
});
