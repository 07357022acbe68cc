import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_TIME_PER_FILE_MS, RULES, UNTRUSTED_IGNORED_KEYS } from '../../server/src/engine';

/** package.json contributions stay in step with the engine and with what the .vsix ships. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('client: package.json contributions', () => {
  it('imr.rules lists exactly the engine rule ids, each with off/info/warn/error', () => {
    const rules = contributes.configuration.properties['imr.rules'];
    const ids = RULES.map((r) => r.meta.id).sort();
    assert.deepStrictEqual([...rules.propertyNames.enum].sort(), ids);
    assert.deepStrictEqual(Object.keys(rules.properties).sort(), ids);
    assert.deepStrictEqual(rules.additionalProperties.enum, ['off', 'info', 'warn', 'error']);
  });

  it('every setting has a description', () => {
    const props = contributes.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>;
    for (const key of ['imr.rules', 'imr.index', 'imr.validationDelay', 'imr.run', 'imr.maxTimePerFile', 'imr.trace.server']) {
      assert.ok(props[key], `${key} missing`);
      assert.ok(props[key].description || props[key].markdownDescription, `${key} has no description`);
    }
  });

  it('imr.maxTimePerFile defaults to the engine\'s budget; the lint worker is bundled beside the server and shipped', () => {
    assert.strictEqual(contributes.configuration.properties['imr.maxTimePerFile'].default, DEFAULT_MAX_TIME_PER_FILE_MS);
    // lint-pool.ts loads lint-worker.js from its own folder: out/server/src/lsp/ and dist/ alike
    assert.ok(fs.existsSync(path.join(ROOT, 'out', 'server', 'src', 'lsp', 'lint-worker.js')));
    assert.match(fs.readFileSync(path.join(ROOT, 'scripts', 'bundle.js'), 'utf8'), /\{ in: 'server\/src\/lsp\/lint-worker\.ts', out: 'lint-worker' \}/);
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!dist/lint-worker.js'));
  });

  it('commands have titles in the IMR category', () => {
    const ids = contributes.commands.map((c: { command: string; category: string; title: string }) => {
      assert.strictEqual(c.category, 'IMR');
      assert.ok(c.title);
      return c.command;
    });
    assert.deepStrictEqual(ids.sort(), ['imr.exportPdf', 'imr.exportText', 'imr.insertCitation', 'imr.lintWorkspace', 'imr.newLetter', 'imr.openPreview', 'imr.restartServer', 'imr.verifyIndex']);
  });

  it('the preview has a button with an icon in the letter editor\'s title bar; export is in its menu', () => {
    const title = contributes.menus['editor/title'] as { command: string; when: string; group: string }[];
    const preview = title.find((m) => m.command === 'imr.openPreview');
    assert.ok(preview && preview.group === 'navigation' && /editorLangId == imr/.test(preview.when));
    const icon = contributes.commands.find((c: { command: string }) => c.command === 'imr.openPreview').icon;
    assert.match(icon, /^\$\([a-z-]+\)$/);
    assert.deepStrictEqual(title.filter((m) => m.command.startsWith('imr.export')).map((m) => m.command), ['imr.exportPdf', 'imr.exportText']);
  });

  it('files named by contributions exist and are allowed by .vscodeignore', () => {
    const files = [
      pkg.main,
      ...contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.jsonValidation.map((v: { url: string }) => v.url),
      ...contributes.yamlValidation.map((v: { url: string }) => v.url),
    ].map((f: string) => f.replace(/^\.\//, ''));
    const allowed = fs
      .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => new RegExp('^' + l.slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '.*').replace(/(?<!\.)\*/g, '[^/]*') + '$'));
    for (const f of files) {
      if (f !== 'dist/extension.js') assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} does not exist`);
      assert.ok(allowed.some((re) => re.test(f)), `${f} is not in the .vscodeignore allow-list`);
    }
  });

  it('privacy defaults for letters: no word-based suggestions (they would offer words from other open letters)', () => {
    const defaults = contributes.configurationDefaults['[imr]'];
    // VS Code >= 1.91 (engines.vscode): an enum, "off" | "currentDocument" | "matchingDocuments" | "allDocuments"
    assert.ok(/^\^1\.(9[1-9]|\d{3,})\./.test(pkg.engines.vscode), `engines.vscode ${pkg.engines.vscode}: the enum form needs VS Code 1.91 or later`);
    assert.strictEqual(defaults['editor.wordBasedSuggestions'], 'off');
    // and the README says what the extension does and never does with letter text
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const privacy = readme.slice(readme.indexOf('## Privacy'), readme.indexOf('\n## ', readme.indexOf('## Privacy') + 1));
    for (const topic of [/network/i, /telemetry/i, /temporary/i, /logs?\b/i, /wordBasedSuggestions/, /--redact/]) assert.match(privacy, topic);
  });

  it('workspace trust: limited, with imr.index restricted', () => {
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['imr.index']);
    // the description names every config entry the engine ignores in a restricted workspace
    for (const key of UNTRUSTED_IGNORED_KEYS) assert.ok(pkg.capabilities.untrustedWorkspaces.description.includes(`\`${key}:\``), key);
  });

  it('the grammar and language configuration are valid JSON', () => {
    JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'imr.tmLanguage.json'), 'utf8'));
    const lc = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
    assert.deepStrictEqual(lc.comments.blockComment, ['<!--', '-->']);
    new RegExp(lc.wordPattern);
  });
});
