/**
 * The real end-to-end test: the packaged extension (imr-letter-tools.vsix, built by
 * `npm run package`) installed into code-server, driven in headless Chromium like a reviewer would
 * use it. Checks what the reviewer sees — the Problems panel, the suggest widget, a quick fix, the
 * status bar — against what `imr-lint --format json` reports for the same files.
 *
 * Run: npm run test:e2e   (package, e2e setup, mocha --config test/e2e-browser/.mocharc.e2e.json)
 * Screenshots: test-results/e2e/imr-*.png; E2E_UPDATE_DOCS=1 also refreshes docs/images/e2e-problems.png.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliFindings, FIXTURE_WORKSPACE, REPO_ROOT, SeenFinding, sortFindings } from '../e2e/cli-findings';
import { Problem, resultsDir, startVsCode, VsCodeSession } from './harness';

const VSIX = path.join(REPO_ROOT, 'imr-letter-tools.vsix');
const LETTERS = ['draft.imr', 'missing-decision.imr.txt', 'misspelled-heading.imr', 'pasted-twice.imr', 'wrong-page.imr'];

/** Problems panel rows as SeenFindings (the panel shows `imr(rule-id)`: source imr, code rule id). */
function seen(problems: Problem[]): SeenFinding[] {
  return sortFindings(
    problems
      .filter((p) => p.source === 'imr')
      .map((p) => ({
        file: p.file,
        ruleId: p.code,
        line: p.line,
        column: p.column,
        message: p.message,
        severity: p.severity === 'error' ? 'error' : 'warning',
      })),
  );
}

/** Waits until the IMR status bar item's text matches `re` (the extension is active and its server answers). */
async function statusBarText(vs: VsCodeSession, re: RegExp): Promise<string> {
  const handle = await vs.page.waitForFunction(
    (source) => {
      const d = (globalThis as any).document;
      const items = Array.from(d.querySelectorAll('.statusbar-item')) as { textContent: string | null }[];
      return items.map((i) => (i.textContent ?? '').trim()).find((t) => new RegExp(source).test(t));
    },
    re.source,
    { timeout: vs.timeoutMs, polling: 200 },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Shows a workspace letter: clicks its editor tab when it is already open (re-opening through
 * Quick Open races with the list re-rendering its "recently opened" rows), else Quick Open.
 */
async function showLetter(vs: VsCodeSession, rel: string): Promise<void> {
  const name = path.posix.basename(rel);
  const tab = vs.page.locator('.part.editor .tabs-container .tab').filter({ has: vs.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) });
  if ((await tab.count()) === 0) return vs.openFile(rel);
  await tab.first().click();
  await vs.page.waitForFunction(
    (n) => {
      const d = (globalThis as any).document;
      const active = d.querySelector('.part.editor .editor-group-container.active .tab.active .label-name');
      return (active?.textContent ?? '').trim() === n && d.querySelector('.part.editor .editor-group-container.active .monaco-editor .view-lines') !== null;
    },
    name,
    { timeout: vs.timeoutMs, polling: 100 },
  );
  vs.activeFile = rel;
}

/**
 * The text of the preview webview (code-server nests the extension's page in iframes) once `accept`
 * holds for it; fails naming what it waited for and what the frames showed last.
 */
async function previewText(vs: VsCodeSession, accept: (text: string, errorMarks: number) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + vs.timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = [];
    for (const frame of vs.page.frames()) {
      const seen = await frame
        .evaluate(() => {
          const d = (globalThis as any).document;
          const sheet = d.querySelector('.imr-sheet');
          return sheet ? { text: String(sheet.innerText ?? sheet.textContent ?? ''), marks: d.querySelectorAll('.imr-mark-error').length } : undefined;
        })
        .catch(() => undefined);
      if (!seen) continue;
      last.push(seen.text.slice(0, 200));
      if (accept(seen.text, seen.marks)) return seen.text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for the preview to show ${what}; preview frames showed: ${JSON.stringify(last)}`);
}

describe('IMR extension (.vsix) in code-server', function () {
  this.timeout(240_000);
  this.slow(60_000);

  let tmp = '';
  let workspace = '';
  let vs: VsCodeSession | undefined;
  const session = (): VsCodeSession => {
    if (!vs) throw new Error('VS Code session did not start');
    return vs;
  };

  before(async function () {
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` (npm run test:e2e does)`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-ext-'));
    workspace = path.join(tmp, 'letters');
    fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
    // fix-all on save, as the README recommends (applies fixes only, never suggestions)
    vs = await startVsCode({ vsix: VSIX, workspace, name: 'imr', settings: { 'editor.codeActionsOnSave': { 'source.fixAll.imr': 'explicit' } } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && vs) {
      await vs.screenshot(`FAILED-${this.currentTest.title}`).catch(() => undefined);
    }
  });

  after(async function () {
    await vs?.dispose();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('"Lint All Letters in Workspace" fills the Problems panel with exactly the CLI findings', async function () {
    const vs = session();
    const expected = cliFindings(LETTERS.map((f) => path.join(workspace, f)));
    // The defects written into the fixtures, as a reviewer reads them.
    assert.deepStrictEqual(
      expected.map((f) => `${f.file}:${f.line} ${f.ruleId}`),
      [
        'missing-decision.imr.txt:23 item-decision',
        'misspelled-heading.imr:14 heading-format',
        'pasted-twice.imr:35 repeated-text',
        'wrong-page.imr:30 citation-page-mismatch',
      ],
    );
    const message = (ruleId: string) => expected.find((f) => f.ruleId === ruleId)?.message ?? '';
    assert.match(message('repeated-text'), /^This passage repeats the one on line 31 word for word/);
    assert.match(message('citation-page-mismatch'), /98-99.*not 97-98/);

    // Ready: a letter is open, the extension active and its server answering (the Command Palette
    // lists an extension's commands only once the workbench has read its contributions).
    const opening = Date.now();
    await showLetter(vs, 'draft.imr');
    await statusBarText(vs, /Upheld 0 · Overturned 1/);
    // Activation figure: first letter shown → extension active, server started, letter linted and
    // the status bar filled (reported, not asserted: a timing is a benchmark, not a test).
    console.log(`      first letter opened → extension active and status bar ready: ${Date.now() - opening} ms`);
    await vs.runCommand('IMR: Lint All Letters in Workspace');
    await vs.openProblemsPanel();
    const problems = await vs.waitForProblems((ps) => seen(ps).length >= expected.length, `${expected.length} imr problems`);
    assert.deepStrictEqual(seen(problems), expected);
  });

  it('shows the letter, its squiggle and the Upheld/Overturned counts in the status bar', async function () {
    const vs = session();
    await showLetter(vs, 'wrong-page.imr');
    await vs.gotoLine(30, 19);
    const text = await statusBarText(vs, /Upheld 1 · Overturned 0/);
    assert.match(text, /Upheld 1 · Overturned 0/);
    assert.match(text, /MTUS index/i);
    await vs.openProblemsPanel();
    await vs.waitForProblems((ps) => ps.some((p) => p.file === 'wrong-page.imr' && p.code === 'citation-page-mismatch'), 'the page mismatch');
    const shot = await vs.screenshot('problems');
    // The README's picture; refreshed on request only, so a test run leaves the work tree clean.
    if (process.env.E2E_UPDATE_DOCS === '1') {
      fs.mkdirSync(path.join(REPO_ROOT, 'docs', 'images'), { recursive: true });
      fs.copyFileSync(shot, path.join(REPO_ROOT, 'docs', 'images', 'e2e-problems.png'));
    }
  });

  it('hover explains the wrong pages and the decision word; F12 opens the cited topic in the MTUS index', async function () {
    const vs = session();
    await showLetter(vs, 'wrong-page.imr');
    // line 30 "Medicine Page(s): 97-98.": the index has the topic on pages 98-99
    await vs.gotoLine(30, 19);
    const pages = await vs.showHover("the index's pages 98-99");
    assert.match(pages, /Cited page\(s\) 97-98 are not the index's pages 98-99/);
    assert.match(pages, /Physical medicine/i);
    await vs.screenshot('hover-pages');
    await vs.press('Escape');
    // line 24 "Physical therapy for the left knee, 8 sessions: Upheld": what the word decides
    await vs.gotoLine(24, 'Physical therapy for the left knee, 8 sessions: '.length + 2);
    const decision = await vs.showHover('not medically necessary');
    assert.match(decision, /Upheld — the expert reviewer agrees with the claims administrator's utilization review decision/);
    await vs.press('Escape');
    // line 27 "Physical Medicine Page(s): 98-99.": Go to Definition opens the bundled index at the topic
    await vs.gotoLine(27, 3);
    const yaml = fs.readFileSync(path.join(REPO_ROOT, 'server', 'data', 'mtus-index.yaml'), 'utf8').split('\n');
    const topicLine = yaml.findIndex((l) => l.trim() === '- name: Physical medicine') + 1;
    assert.ok(topicLine > 0, 'the bundled index has the topic "Physical medicine"');
    await vs.press('F12');
    // the index file is the active editor, its cursor on the topic's line
    await vs.page.waitForFunction(
      (line) => {
        const d = (globalThis as any).document;
        // the tab's aria-label: "mtus-index.yaml" (", preview" for a preview editor)
        const active = d.querySelector('.part.editor .editor-group-container.active .tab.active');
        const status = d.querySelector('[id="status.editor.selection"]')?.getAttribute('aria-label') ?? '';
        return /^mtus-index\.yaml\b/.test(active?.getAttribute('aria-label') ?? '') && status.startsWith(`Ln ${line},`);
      },
      topicLine,
      { timeout: vs.timeoutMs, polling: 200 },
    );
    assert.strictEqual((await vs.cursorPosition()).line, topicLine);
    await vs.screenshot('definition');
    await vs.runCommand('View: Close Editor');
    await showLetter(vs, 'wrong-page.imr');
  });

  it('a quick fix corrects the wrong Page(s) citation in the saved file', async function () {
    const vs = session();
    await showLetter(vs, 'wrong-page.imr');
    await vs.gotoLine(30, 19);
    await vs.applyQuickFix('Replace pages with 98-99');
    await vs.screenshot('quick-fix-applied');
    const text = await vs.waitForEditorText((t) => t.split('\n')[29] === 'Medicine Page(s): 98-99.', 'line 30 to read "Medicine Page(s): 98-99."');
    assert.strictEqual(text.split('\n')[29], 'Medicine Page(s): 98-99.');
    // The rest of the letter is untouched: only those five characters changed.
    const original = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'wrong-page.imr'), 'utf8');
    assert.strictEqual(text, original.replace('Medicine Page(s): 97-98.', 'Medicine Page(s): 98-99.'));
    // The editor and the CLI now agree there is nothing left in this letter.
    await vs.waitForProblems((ps) => !ps.some((p) => p.file === 'wrong-page.imr' && p.source === 'imr'), 'wrong-page.imr to have no problems');
    assert.deepStrictEqual(cliFindings([path.join(workspace, 'wrong-page.imr')]), []);
  });

  it('a changed imr.rules setting applies without a reload', async function () {
    const vs = session();
    await showLetter(vs, 'misspelled-heading.imr');
    const has = (ps: Problem[]) => ps.some((p) => p.file === 'misspelled-heading.imr' && p.code === 'heading-format');
    await vs.waitForProblems(has, 'the heading-format problem');
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'imr.rules': { 'heading-format': 'off' } }, null, 2));
    await vs.waitForProblems((ps) => !has(ps), 'heading-format to disappear after "imr.rules": {"heading-format": "off"}');
    fs.writeFileSync(settingsFile, JSON.stringify({ 'imr.rules': { 'heading-format': 'warn' } }, null, 2));
    const problems = await vs.waitForProblems(
      (ps) => ps.some((p) => p.file === 'misspelled-heading.imr' && p.code === 'heading-format' && p.severity === 'warning'),
      'heading-format to come back as a warning',
    );
    assert.ok(has(problems));
    fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    await vs.waitForProblems(
      (ps) => ps.some((p) => p.file === 'misspelled-heading.imr' && p.code === 'heading-format' && p.severity === 'error'),
      'heading-format back to an error once the setting is gone',
    );
  });

  it('completion offers MTUS topics with their pages and inserts the citation', async function () {
    const vs = session();
    await showLetter(vs, 'draft.imr');
    const line = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines ';
    await vs.gotoLine(28, line.length + 1);
    await vs.typeText('Physical');
    const items = await vs.waitForCompletionItems(
      (xs) => xs.some((x) => x.label === 'Physical medicine' && /98-99/.test(x.detail)),
      'the "Physical medicine" topic with page(s) 98-99',
    );
    const item = items.find((x) => x.label === 'Physical medicine');
    assert.ok(item);
    assert.match(item.detail, /Chronic Pain Medical Treatment Guidelines 2009 — page\(s\) 98-99/);
    await vs.screenshot('completion');
    await vs.acceptCompletion('Physical medicine');
    const text = await vs.waitForEditorText((t) => /Page\(s\): 98-99$/m.test(t.split('\n')[27]!), 'the accepted citation on line 28');
    assert.strictEqual(text.split('\n')[27], `${line}Physical medicine Page(s): 98-99`);
    // The completed citation is one the linter accepts.
    assert.deepStrictEqual(cliFindings([path.join(workspace, 'draft.imr')]), []);
  });

  it('Go to Symbol lists the sections and the disputed item (outline)', async function () {
    const vs = session();
    await showLetter(vs, 'wrong-page.imr');
    await vs.press('Control+Shift+O');
    const rowSel = '.quick-input-widget .quick-input-list .monaco-list-row';
    const want = ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES', 'Physical therapy for the left knee, 8 sessions'];
    const names = await vs.page.waitForFunction(
      ({ rowSel, want }) => {
        const d = (globalThis as any).document;
        const rows = Array.from(d.querySelectorAll(rowSel)) as { querySelector(s: string): { textContent: string | null } | null }[];
        const labels = rows.map((r) => (r.querySelector('.label-name')?.textContent ?? '').trim());
        return want.every((w) => labels.includes(w)) ? labels : undefined;
      },
      { rowSel, want },
      { timeout: vs.timeoutMs, polling: 200 },
    );
    const labels = (await names.jsonValue()) as string[];
    assert.ok(labels.indexOf('CLINICAL CASE SUMMARY') < labels.indexOf('Physical therapy for the left knee, 8 sessions'));
    await vs.screenshot('outline');
    await vs.press('Escape');
  });

  it('fix-all on save fixes a misspelled heading and a header date, and leaves a missing decision alone', async function () {
    const vs = session();
    await showLetter(vs, 'missing-decision.imr.txt');
    // misspell the heading on line 14 ("CLINICAL CASE SUMMARY" → "CLINICAL CASE SUMMAR")
    await vs.gotoLine(14, 'CLINICAL CASE SUMMARY'.length + 1);
    await vs.press('Backspace');
    // write the date on line 2 without its leading zero ("07/12/2021" → "7/12/2021"), then save
    await vs.gotoLine(2, 'Date Assigned: '.length + 1);
    await vs.press('Delete');
    await vs.save();
    const original = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'missing-decision.imr.txt'), 'utf8');
    const saved = vs.readFile('missing-decision.imr.txt');
    assert.strictEqual(saved.split('\n')[13], 'CLINICAL CASE SUMMARY', 'the heading is fixed on save');
    assert.strictEqual(saved.split('\n')[1], 'Date Assigned: 07/12/2021', 'the date is written MM/DD/YYYY on save');
    assert.strictEqual(saved.split('\n')[22], 'Acetaminophen 500 mg, 60 tablets:', 'no decision written on save');
    assert.strictEqual(saved, original);
    await vs.waitForProblems((ps) => ps.some((p) => p.file === 'missing-decision.imr.txt' && p.code === 'item-decision'), 'the missing decision still reported');
  });

  it('a suggestion is a quick fix applied only when the reviewer chooses it', async function () {
    const vs = session();
    await showLetter(vs, 'missing-decision.imr.txt');
    await vs.gotoLine(23, 10);
    const want = ['Insert "Overturned" (the rationale concludes medically necessary)', 'Insert "Upheld"'];
    let offered: string[] = [];
    for (const deadline = Date.now() + vs.timeoutMs; Date.now() < deadline && !want.every((w) => offered.includes(w)); ) {
      offered = (await vs.openQuickFixMenu()).map((a) => a.title);
      if (!want.every((w) => offered.includes(w))) await new Promise((r) => setTimeout(r, 300));
    }
    assert.ok(want.every((w) => offered.includes(w)), `both decisions offered: ${JSON.stringify(offered)}`);
    await vs.screenshot('suggestions');
    await vs.press('Escape');
    // offered, not applied: the letter on disk and in the editor is unchanged
    assert.ok(!(await vs.isDirty()));
    assert.strictEqual(vs.readFile('missing-decision.imr.txt').split('\n')[22], 'Acetaminophen 500 mg, 60 tablets:');
    await vs.applyQuickFix('Insert "Overturned"');
    const text = await vs.waitForEditorText((t) => t.split('\n')[22] === 'Acetaminophen 500 mg, 60 tablets: Overturned', 'line 23 to read "…: Overturned"');
    assert.strictEqual(text.split('\n')[22], 'Acetaminophen 500 mg, 60 tablets: Overturned');
    await vs.waitForProblems((ps) => !ps.some((p) => p.file === 'missing-decision.imr.txt' && p.source === 'imr'), 'missing-decision.imr.txt to have no problems');
  });

  it('a paragraph pasted twice: removing the copy is a suggestion the reviewer applies', async function () {
    const vs = session();
    const original = vs.readFile('pasted-twice.imr');
    await showLetter(vs, 'pasted-twice.imr');
    await vs.gotoLine(35, 5);
    let offered: string[] = [];
    for (const deadline = Date.now() + vs.timeoutMs; Date.now() < deadline && !offered.includes('Remove the repeated passage'); ) {
      offered = (await vs.openQuickFixMenu()).map((a) => a.title);
      if (!offered.includes('Remove the repeated passage')) await new Promise((r) => setTimeout(r, 300));
    }
    assert.ok(offered.includes('Remove the repeated passage'), `the removal offered: ${JSON.stringify(offered)}`);
    await vs.press('Escape');
    assert.ok(!(await vs.isDirty()), 'offered, not applied');
    await vs.applyQuickFix('Remove the repeated passage');
    // the second copy and the blank line before it are gone; the rest of the letter is as it was
    const lines = original.split('\n');
    const want = [...lines.slice(0, 33), ...lines.slice(36)].join('\n');
    const text = await vs.waitForEditorText((t) => t === want, 'the letter without the repeated paragraph');
    assert.strictEqual(text, want);
    await vs.waitForProblems((ps) => !ps.some((p) => p.file === 'pasted-twice.imr' && p.source === 'imr'), 'pasted-twice.imr to have no problems');
  });

  it('"Disable … for this line" inserts the comment with its reason selected for typing', async function () {
    const vs = session();
    await showLetter(vs, 'misspelled-heading.imr');
    await vs.gotoLine(14, 3);
    await vs.applyQuickFix('Disable heading-format for this line');
    // the client selects "reason" in the inserted comment (line 14) after the edit. The cursor was on
    // line 14 before the edit too, so wait for the selection itself: 6 characters ("reason") on line 14.
    const isReason = (s: { line: number; selected: number }): boolean => s.line === 14 && s.selected === 'reason'.length;
    let at = await vs.selection();
    for (const deadline = Date.now() + vs.timeoutMs; !isReason(at) && Date.now() < deadline; at = await vs.selection()) await new Promise((r) => setTimeout(r, 200));
    assert.ok(isReason(at), `"reason" is selected in the inserted comment (status bar: line ${at.line}, ${at.selected} selected)`);
    // "reason" is selected: typing replaces it
    await vs.typeText('spelling kept from the original');
    const text = await vs.waitForEditorText((t) => t.split('\n')[13]!.includes('spelling kept'), 'the reason typed into the comment');
    assert.strictEqual(text.split('\n')[13], '<!-- imr-disable-next-line heading-format -- spelling kept from the original -->');
    assert.strictEqual(text.split('\n')[14], 'CLINICAL CASE SUMARY', 'fix-all on save leaves a suppressed finding alone');
    await vs.waitForProblems((ps) => !ps.some((p) => p.file === 'misspelled-heading.imr' && p.source === 'imr'), 'misspelled-heading.imr to have no problems');
  });

  it('"New Determination Letter" opens an untitled letter from the template', async function () {
    const vs = session();
    await vs.runCommand('IMR: New Determination Letter');
    const lines = await (async () => {
      for (const deadline = Date.now() + vs.timeoutMs; Date.now() < deadline; ) {
        const l = await vs.readVisibleEditorLines();
        if (l.some((x) => x.includes('HOW THE IMR FINAL DETERMINATION WAS MADE'))) return l;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the template did not appear in the editor');
    })();
    assert.match(lines[0]!, /^Case Number:/);
    await vs.screenshot('new-letter');
    fs.writeFileSync(path.join(resultsDir(), 'imr-new-letter.txt'), lines.join('\n'));
  });
  it('word-based suggestions are off for letters: no words from another open letter are offered', async function () {
    const vs = session();
    // another letter, open in the editor, with a name in it (a made-up one)
    const other = 'other-patient.imr';
    fs.writeFileSync(path.join(workspace, other), 'CLINICAL CASE SUMMARY\n\nThe injured worker, Mr. Quillingham Zorbatrix, is 41 years old.\n');
    await vs.openFile(other);
    await showLetter(vs, 'draft.imr');
    // in the prose of the case summary, where the language server has nothing to complete
    await vs.gotoLine(17, 'Ten sessions of physical therapy were requested.'.length + 1);
    await vs.typeText(' Quill');
    await vs.triggerCompletion();
    const items = await vs.readCompletionItems();
    await vs.screenshot('no-word-suggestions');
    await vs.closeSuggest();
    // with VS Code's default ("matchingDocuments") the other letter's words would be listed here
    assert.ok(!items.some((i) => /Quillingham|Zorbatrix/.test(i.label)), `words of another letter were suggested: ${items.map((i) => i.label).join(', ')}`);
  });

  it('the preview shows the letter as printed, follows edits and marks findings; export writes the PDF', async function () {
    const vs = session();
    const letter = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'export', 'two-items.imr'), 'utf8');
    fs.writeFileSync(path.join(workspace, 'export-me.imr'), letter);
    await showLetter(vs, 'export-me.imr');
    await vs.runCommand('IMR: Open Preview to the Side');
    const shown = await previewText(vs, (t) => t.includes('CM17-0054321') && t.includes('IMR ISSUES, DECISIONS AND RATIONALES'), 'the case number and the headings');
    assert.ok(!shown.includes('imr-disable'), 'suppression comments are not printed');
    await vs.screenshot('preview');

    // live: an invalid case number shows up in the preview with an error mark in the margin
    await showLetter(vs, 'export-me.imr');
    await vs.gotoLine(1, 35);
    await vs.typeText('X');
    await previewText(vs, (t, marks) => t.includes('CM17-0054321X') && marks > 0, 'the edited case number with an error mark');
    await vs.press('Control+Z');
    await previewText(vs, (t, marks) => t.includes('CM17-0054321') && !t.includes('CM17-0054321X') && marks === 0, 'the case number restored, no error mark');

    await showLetter(vs, 'export-me.imr');
    await vs.runCommand('IMR: Export Letter as PDF');
    const pdfFile = path.join(workspace, 'export-me.pdf');
    for (const deadline = Date.now() + vs.timeoutMs; !fs.existsSync(pdfFile) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 200));
    const pdf = fs.readFileSync(pdfFile);
    assert.strictEqual(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const extracted = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    if (extracted.error) console.log('      pdftotext not installed: the PDF text is not checked');
    else assert.match(extracted.stdout, /Case Number:\s+CM17-0054321/);
    await vs.screenshot('exported');
  });

  it('the imr-item snippet inserts a disputed item; its item name is typed once and repeated in the rationale', async function () {
    const vs = session();
    // a letter that stops after the issues section's opening sentence (lines 1-23 of wrong-page.imr)
    const head = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'wrong-page.imr'), 'utf8').split('\n').slice(0, 23);
    fs.writeFileSync(path.join(workspace, 'new-item.imr'), [...head, '', ''].join('\n'));
    await vs.openFile('new-item.imr');
    await vs.gotoLine(25, 1);
    await vs.typeText('imr-it');
    await vs.acceptCompletion('imr-item');
    // the first placeholder is selected: typing replaces it, and its mirror in the rationale follows
    await vs.typeText('Lumbar MRI');
    const text = await vs.waitForEditorText((t) => t.includes('the request for Lumbar MRI is'), 'the item name mirrored in the rationale');
    await vs.press('Escape');
    const lines = text.split('\n');
    assert.strictEqual(lines[24], 'Lumbar MRI: Upheld');
    assert.match(text, /^Claims Administrator guideline: Decision based on \[\[MTUS <guideline> <year>, Section\(s\): <section>\]\]\.$/m);
    assert.match(text, /Therefore, the request for Lumbar MRI is not medically necessary\.$/m);
    await vs.screenshot('snippet');
  });
});
