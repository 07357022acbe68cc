import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Entry point @vscode/test-electron calls inside the extension host. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 30_000 });
  for (const f of fs.readdirSync(__dirname)) {
    if (f.endsWith('.suite.js')) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
