/**
 * Writes every generated artifact (see scripts/generated.ts) from its source.
 *   node out/scripts/generate.js           write the stale files
 *   node out/scripts/generate.js --check   exit 1, naming each stale file, when any is out of date
 * (`npm run generate` / `npm run check:generated` build first.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { staleArtifacts } from './generated';

function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..', '..');
  const stale = staleArtifacts(root);
  const check = argv.includes('--check');
  let failed = 0;
  for (const s of stale) {
    if (check || s.want === undefined) {
      process.stderr.write(`${s.file}: ${s.problem}${s.want !== undefined ? ' (run npm run generate)' : ''}\n`);
      failed++;
      continue;
    }
    fs.mkdirSync(path.dirname(path.join(root, s.file)), { recursive: true });
    fs.writeFileSync(path.join(root, s.file), s.want);
    process.stdout.write(`wrote ${s.file}\n`);
  }
  if (stale.length === 0) process.stdout.write('generated files are up to date\n');
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
