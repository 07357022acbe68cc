/**
 * The data compiled at build time (scripts/compile-assets.ts, run by `npm run build`): the standalone
 * schema validators and the compiled bundled MTUS index give exactly what compiling the schemas and
 * parsing the YAML at run time give, and a source that changed after the build is never served stale.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { compiledBundledIndex, GENERATED_INDEX_FILE } from '../../server/src/engine/compiled/bundled-index';
import { createAjv, generatedValidatorFile, lengthsReadAsCodeUnits, SCHEMA_SPECS, SchemaId, schemaValidator } from '../../server/src/engine/compiled/validators';
import { contentStamp } from '../../server/src/engine/compiled/stamp';
import { parseIndexText } from '../../server/src/engine/mtus/yaml-index';
import { bundledIndexPath } from '../../server/src/engine/mtus/load';
import { createIndexProvider, parseLetter, SourceText, toJson } from '../../server/src/engine';
import { FIXTURES, REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

const IDS = Object.keys(SCHEMA_SPECS) as SchemaId[];

function compiledNow(id: SchemaId): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SCHEMA_SPECS[id].file), 'utf8')) as object;
  return createAjv(id, schema).compile(schema);
}

/** What a consumer reads from an error (parentSchema only for its x-rule, the one thing the linter uses). */
function shape(errors: ErrorObject[] | null | undefined): unknown[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params,
    message: e.message,
    xRule: (e.parentSchema as Record<string, unknown> | undefined)?.['x-rule'],
  }));
}

function agree(id: SchemaId, data: unknown): boolean {
  const generated = schemaValidator(id);
  const reference = compiledNow(id);
  const okG = generated(data);
  const okR = reference(data);
  assert.strictEqual(okG, okR, `${id}: valid? generated ${okG}, compiled ${okR}`);
  assert.deepStrictEqual(shape(generated.errors), shape(reference.errors), `${id}: errors differ`);
  return okG;
}

describe('data compiled at build time (generated/)', () => {
  it('npm run build wrote every generated file, each made from the current source', () => {
    for (const id of IDS) {
      const file = path.join(REPO_ROOT, generatedValidatorFile(id));
      assert.ok(fs.existsSync(file), `${file} is missing: run npm run build`);
      const schemaText = fs.readFileSync(path.join(REPO_ROOT, SCHEMA_SPECS[id].file), 'utf8');
      assert.strictEqual((require(file) as { sourceStamp: string }).sourceStamp, contentStamp(schemaText), `${id}: generated from another schema text`);
      // and it is what the engine uses (no schema compiled at run time)
      assert.strictEqual(schemaValidator(id), (require(file) as { default: ValidateFunction }).default);
    }
    assert.ok(fs.existsSync(path.join(REPO_ROOT, GENERATED_INDEX_FILE)));
  });

  it('a content stamp changes with any change of the text: one character, its case, a trailing byte, non-ASCII', () => {
    const base = fs.readFileSync(path.join(REPO_ROOT, 'server', 'data', 'mtus-index.yaml'), 'utf8');
    const variants = [base, `${base} `, `${base}\0`, base.slice(0, -1), base.replace('98-99', '98-98'), base.replace('Physical', 'physical'), base.replace('e', '\u00e9'), `x${base.slice(1)}`, '', 'a', 'b', 'ab', 'ba'];
    const stamps = variants.map(contentStamp);
    assert.strictEqual(new Set(stamps).size, variants.length, 'two texts with one stamp');
    assert.strictEqual(contentStamp(base), contentStamp(`${base}`), 'the same text, the same stamp');
  });

  it('the generated validators need nothing at run time (no require of ajv)', () => {
    for (const id of IDS) {
      const code = fs.readFileSync(path.join(REPO_ROOT, generatedValidatorFile(id)), 'utf8');
      // (ajv's runtime helpers are inlined; their `code` strings still name their module, in quotes)
      assert.ok(!/(?<!['"])require\(["'][^"']*ajv/.test(code), `${id} requires ajv`);
    }
  });

  it('the determination validator reports what compiling the schema reports, x-rule included', () => {
    const letters = ['clean-2016.imr', 'clean-2009-pages.imr'].map((f) => fs.readFileSync(path.join(FIXTURES, 'letters', f), 'utf8'));
    const { index } = createIndexProvider().get([]);
    const broken = [
      (t: string) => t.replace(/Date Assigned:\s+\S+/, 'Date Assigned:        02/30/2017'), // not a calendar date
      (t: string) => t.replace(/Case Number:\s+\S+/, 'Case Number:          17-100001'),
      (t: string) => t.replace(/Priority:\s+Standard/, 'Priority:             Soon'),
      (t: string) => t.replace(/: Upheld/, ': '),
      (t: string) => t.split('\n').slice(6).join('\n'), // no header at all
      () => '',
    ];
    let invalid = 0;
    for (const text of letters) {
      assert.ok(agree('determination', toJson(parseLetter(new SourceText(text), index)).json));
      for (const b of broken) if (!agree('determination', toJson(parseLetter(new SourceText(b(text)), index)).json)) invalid++;
    }
    assert.ok(invalid >= broken.length, 'the broken letters were not all invalid: the comparison proves little');
  });

  it('lengths compared as .length only where code points could not differ (minLength 0 or 1, no maxLength)', () => {
    assert.ok(lengthsReadAsCodeUnits({ properties: { a: { type: 'string', minLength: 1 } }, items: [{ minLength: 0 }] }));
    assert.ok(!lengthsReadAsCodeUnits({ properties: { a: { type: 'string', minLength: 2 } } }));
    assert.ok(!lengthsReadAsCodeUnits({ items: [{ maxLength: 10 }] }));
    assert.ok(!lengthsReadAsCodeUnits({ definitions: { d: { minLength: '1' } } }));
    for (const id of IDS) {
      const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SCHEMA_SPECS[id].file), 'utf8')) as object;
      assert.ok(lengthsReadAsCodeUnits(schema), `${id}: a length bound where code points and code units differ`);
    }
    // a one-character item text outside the BMP (one code point, two code units), and a lone surrogate
    const det = (text: string) => ({ header: {}, sections: {}, items: [{ text, decision: 'Upheld', claimsAdministratorGuideline: { text: 'x', kind: 'other' }, maximusGuideline: { text: 'x', kind: 'other' }, rationale: { text } }] });
    for (const text of ['\u{1F600}', '\ud83d', 'a', '']) agree('determination', det(text));
  });

  it('the config validator agrees with compiling the schema', () => {
    assert.ok(agree('imrlintrc', { rules: { placeholder: 'warn' }, include: ['**/*.imr'] }));
    assert.ok(!agree('imrlintrc', { rules: { placeholder: 'loud' } }));
    assert.ok(!agree('imrlintrc', { rulez: {} }));
    assert.ok(!agree('imrlintrc', { index: 'one.yaml' }));
  });

  it('the MTUS index validator agrees with compiling the schema', () => {
    const data = parseYaml(fs.readFileSync(bundledIndexPath(), 'utf8')) as { guidelines: Record<string, unknown>[] };
    assert.ok(agree('mtus-index', data));
    const bad = JSON.parse(JSON.stringify(data)) as typeof data;
    nth(bad.guidelines, 0, 'guideline').id = 'Not Kebab';
    nth(nth(bad.guidelines, 1, 'guideline').topics as Record<string, unknown>[], 0, 'topic').pages = ['12–14'];
    nth(bad.guidelines, 2, 'guideline').colour = 'red';
    assert.ok(!agree('mtus-index', bad));
  });

  it('the compiled bundled index is the parsed YAML, line numbers and written fields included', () => {
    const file = bundledIndexPath();
    const text = fs.readFileSync(file, 'utf8');
    const parsed = parseIndexText(text, file);
    const compiled = compiledBundledIndex(text, file);
    assert.ok(compiled, 'the compiled index was not used for the current YAML: run npm run build');
    assert.deepStrictEqual(compiled.guidelines, parsed.guidelines);
    assert.deepStrictEqual(compiled.problems, []);
    parsed.guidelines.forEach((g, gi) => {
      const cg = nth(compiled.guidelines, gi, 'compiled guideline');
      assert.deepStrictEqual(compiled.given.get(cg), parsed.given.get(g));
      g.topics.forEach((t, ti) => assert.deepStrictEqual(compiled.given.get(nth(cg.topics, ti, 'compiled topic')), parsed.given.get(t)));
    });
    assert.ok(parsed.guidelines.some((g) => g.topics.some((t) => t.line > 100)), 'line numbers are the YAML lines');
  });

  it('a bundled YAML edited after the build is parsed, not served from the stale compiled copy', () => {
    const file = bundledIndexPath();
    const text = fs.readFileSync(file, 'utf8');
    assert.strictEqual(compiledBundledIndex(text.replace(/pages: /, 'pages:  '), file), undefined);
    assert.strictEqual(compiledBundledIndex(`${text}\n`, file), undefined);
  });
});
