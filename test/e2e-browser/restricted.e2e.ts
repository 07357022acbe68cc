/**
 * Restricted Mode end to end: the packaged extension in code-server with workspace trust enabled and
 * the workspace not trusted. The workspace's `.imrlintrc.yaml` names an extra MTUS index (which would
 * make the letter's Page(s): 97-98 right) and a placeholder pattern (which would flag a word of the
 * letter): both are ignored — the bundled index judges the citation, the default placeholders apply —
 * the user is told (one notification, information diagnostics on the ignored keys), and the CLI,
 * which trusts the folder it is run in, shows what the config would have done. Trusting the
 * workspace then re-lints the letter with them.
 *
 * Run alone: E2E_DIR=/work/e2e-cache npm run test:e2e -- --grep "Restricted Mode"
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliFindings, FIXTURE_WORKSPACE, REPO_ROOT } from '../e2e/cli-findings';
import { Problem, startVsCode, VsCodeSession } from './harness';

const VSIX = path.join(REPO_ROOT, 'imr-letter-tools.vsix');

/** Physical medicine at 97-99: the letter's MAXIMUS citation of 97-98 (line 30) is then right. */
const EXTRA_INDEX = ['version: 1', 'guidelines:', '  - id: cpmtg-2009', '    topics:', '      - name: Physical medicine', '        pages: "97-99"', ''].join('\n');
/** `index:` on line 1 and `placeholders:` (a word on line 32 of the letter) on line 2. */
const CONFIG = 'index: [mtus-extra.yaml]\nplaceholders: ["\\\\bfading\\\\b"]\n';

describe('Restricted Mode (untrusted workspace) in code-server', function () {
  this.timeout(240_000);
  this.slow(60_000);

  let tmp = '';
  let workspace = '';
  let vs: VsCodeSession | undefined;

  before(async function () {
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` (npm run test:e2e does)`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-trust-'));
    workspace = path.join(tmp, 'letters');
    fs.mkdirSync(workspace);
    fs.copyFileSync(path.join(FIXTURE_WORKSPACE, 'wrong-page.imr'), path.join(workspace, 'wrong-page.imr'));
    fs.writeFileSync(path.join(workspace, 'mtus-extra.yaml'), EXTRA_INDEX);
    fs.writeFileSync(path.join(workspace, '.imrlintrc.yaml'), CONFIG);
    vs = await startVsCode({ vsix: VSIX, workspace, name: 'imr-restricted', workspaceTrust: 'untrusted' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && vs) await vs.screenshot(`FAILED-${this.currentTest.title}`).catch(() => undefined);
  });

  after(async function () {
    await vs?.dispose();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the config index and placeholders are ignored, and the user is told once', async function () {
    if (!vs) throw new Error('VS Code session did not start');
    const letter = path.join(workspace, 'wrong-page.imr');
    // what the config does where it is trusted (the CLI): 97-98 is right, "fading" is a placeholder
    const cli = cliFindings([letter], workspace).map((f) => `${f.line} ${f.ruleId}`);
    assert.deepStrictEqual(cli, ['32 placeholder']);

    await vs.waitForRestrictedMode();
    await vs.openFile('wrong-page.imr');
    await vs.openProblemsPanel();
    const imr = (ps: Problem[]) => ps.filter((p) => p.source === 'imr');
    const shownOf = (ps: Problem[]) => imr(ps).map((p) => `${p.file}:${p.line} ${p.severity} ${p.code}`).sort();
    const expected = ['.imrlintrc.yaml:1 info restricted-mode', '.imrlintrc.yaml:2 info restricted-mode', 'wrong-page.imr:30 error citation-page-mismatch'];
    // the letter's and the config file's diagnostics arrive separately: wait for both, exactly
    const problems = await vs.waitForProblems((ps) => JSON.stringify(shownOf(ps)) === JSON.stringify(expected), 'the letter\'s problem and the notes on the config file');
    assert.deepStrictEqual(shownOf(problems), expected);
    assert.match(imr(problems).find((p) => p.code === 'citation-page-mismatch')!.message, /98-99/);

    const told = (ms: string[]) => ms.filter((m) => /Restricted Mode/.test(m) && /index:, placeholders: of \.imrlintrc\.yaml/.test(m));
    const messages = await vs.waitForNotifications((ms) => told(ms).length > 0, 'the Restricted Mode message');
    assert.strictEqual(told(messages).length, 1, JSON.stringify(messages));
    await vs.screenshot('restricted-mode');
  });

  it('trusting the workspace re-lints the letter with the config index and placeholders', async function () {
    if (!vs) throw new Error('VS Code session did not start');
    await vs.grantWorkspaceTrust();
    const imr = (ps: Problem[]) => ps.filter((p) => p.source === 'imr');
    const problems = await vs.waitForProblems(
      (ps) => imr(ps).length === 1 && imr(ps)[0]!.code === 'placeholder',
      'only the placeholder problem of the config\'s pattern (the extra index makes 97-98 right; the notes on the config are gone)',
    );
    assert.deepStrictEqual(imr(problems).map((p) => `${p.file}:${p.line} ${p.code}`), ['wrong-page.imr:32 placeholder']);
    assert.match(imr(problems)[0]!.message, /fading/);
  });

  it('a config file open in the editor is checked as it is typed (unsaved)', async function () {
    if (!vs) throw new Error('VS Code session did not start');
    await vs.openFile('.imrlintrc.yaml');
    await vs.gotoLine(3, 1);
    await vs.typeText('redakt: true');
    // while the line is being typed the server may see "redak" or "redakt" without its value (a YAML
    // error): wait for the problem of the whole line
    const unknownKey = (x: { file: string; code: string; message: string }) => x.file === '.imrlintrc.yaml' && x.code === 'invalid-config' && /unknown key "redakt"/.test(x.message);
    const problems = await vs.waitForProblems((ps) => ps.some(unknownKey), 'the unknown key typed into .imrlintrc.yaml');
    const p = problems.find(unknownKey)!;
    assert.deepStrictEqual([p.line, p.column, p.severity], [3, 1, 'error']);
    assert.match(p.message, /unknown key "redakt" \(did you mean "redact"\?\)/);
    assert.strictEqual(vs.readFile('.imrlintrc.yaml'), CONFIG, 'nothing was saved: the server saw the editor text');
  });
});
