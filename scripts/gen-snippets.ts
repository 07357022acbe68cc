/**
 * Writes snippets/imr.code-snippets from server/src/templates/templates.ts.
 *   node out/scripts/gen-snippets.js           write the file
 *   node out/scripts/gen-snippets.js --check   exit 1 when the file is out of date
 * (`npm run gen-snippets` builds first.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { CODE_SNIPPETS_PATH, renderCodeSnippets } from '../server/src/templates/code-snippets';

function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..', '..');
  const file = path.join(root, CODE_SNIPPETS_PATH);
  const want = renderCodeSnippets();
  const have = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (argv.includes('--check')) {
    if (have === want) return 0;
    process.stderr.write(`${CODE_SNIPPETS_PATH} is out of date: run npm run gen-snippets\n`);
    return 1;
  }
  if (have !== want) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, want);
    process.stdout.write(`wrote ${CODE_SNIPPETS_PATH}\n`);
  } else {
    process.stdout.write(`${CODE_SNIPPETS_PATH} is up to date\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
