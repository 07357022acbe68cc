import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { artifacts, replaceBetweenMarkers, staleArtifacts } from '../scripts/generated';
import { RULES_BY_ID } from '../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');

describe('generated files (npm run generate)', () => {
  it('every generated file is up to date with its source (npm run check:generated)', () => {
    const stale = staleArtifacts(ROOT).map((s) => `${s.file}: ${s.problem}`);
    assert.deepStrictEqual(stale, [], `stale generated files; run npm run generate:\n${stale.join('\n')}`);
  });

  it("changing a rule's description and default severity in its module makes every place that repeats them stale", () => {
    const meta = RULES_BY_ID.get('placeholder')?.meta;
    assert.ok(meta);
    const saved = { description: meta.description, defaultSeverity: meta.defaultSeverity };
    try {
      meta.description = 'Changed description.';
      meta.defaultSeverity = 'info';
      const stale = staleArtifacts(ROOT);
      assert.deepStrictEqual(stale.map((s) => s.file).sort(), ['README.md', 'docs/rules/README.md', 'docs/rules/placeholder.md', 'package.json', 'schemas/imrlintrc.schema.json']);
      const docs = stale.find((s) => s.file === 'docs/rules/README.md')?.want ?? '';
      assert.match(docs, /\| \[placeholder\]\(placeholder\.md\) \| info \| no \| template \| Changed description\. \|/);
      const pkg = JSON.parse(stale.find((s) => s.file === 'package.json')?.want ?? '{}');
      assert.strictEqual(pkg.contributes.configuration.properties['imr.rules'].properties.placeholder.description, 'Changed description.');
    } finally {
      Object.assign(meta, saved);
    }
    assert.deepStrictEqual(staleArtifacts(ROOT), []);
  });

  it('hand edits between the markers are overwritten', () => {
    const readme = artifacts().find((a) => a.file === 'docs/rules/README.md');
    assert.ok(readme);
    const current = fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
    const tampered = replaceBetweenMarkers(current, 'rules', 'hand-edited\n', 'x');
    assert.notStrictEqual(tampered, current);
    assert.strictEqual(readme.render(tampered), current);
  });

  it('missing markers are reported, not silently skipped', () => {
    assert.throws(() => replaceBetweenMarkers('no markers here', 'rules', 'x', 'README.md'), /README\.md: markers .* not found/);
  });
});
