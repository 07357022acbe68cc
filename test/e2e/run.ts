/**
 * Extension-host tests: runs test/e2e/suite in a desktop VS Code via @vscode/test-electron.
 * VS Code cannot be downloaded on this machine, so the tests need VSCODE_EXECUTABLE pointing at an
 * installed VS Code (e.g. /usr/share/code/code); without it they are skipped (exit 0).
 * Run: npm run test:vscode   (builds, bundles, then `node out/test/e2e/run.js`)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURE_WORKSPACE, REPO_ROOT } from './cli-findings';

async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE;
  if (!executable) {
    console.log('SKIPPED: extension-host tests need VSCODE_EXECUTABLE (VS Code cannot be downloaded on this machine)');
    return 0;
  }
  if (!fs.existsSync(executable)) {
    console.error(`VSCODE_EXECUTABLE=${executable} does not exist`);
    return 2;
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run `npm run bundle` first');
    return 2;
  }
  // A scratch copy of the fixture letters: the suite edits and saves them.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-vscode-e2e-'));
  fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-vscode-user-'));
  // Imported here so that a machine without VS Code never loads the downloader.
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { IMR_E2E_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userData],
    });
    return 0;
  } catch (err) {
    console.error(`extension-host tests failed: ${String(err)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
