import * as fs from 'fs';
import * as path from 'path';
import { createIndexProvider, defaultConfig, Finding, lintText, LintConfig, MtusIndex } from '../../server/src/engine';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'dev');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

const provider = createIndexProvider();

export function bundledIndex(): MtusIndex {
  const { index, problems } = provider.get([]);
  if (problems.length > 0) throw new Error(`bundled index problems: ${problems.map((p) => p.message).join('; ')}`);
  return index;
}

export function lint(text: string, config: LintConfig = defaultConfig(REPO_ROOT), index = bundledIndex()): Finding[] {
  return lintText({ text, config, index }).findings;
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/**
 * Corpus letters, or undefined when ../shared/corpus/dev is absent (a user's fresh clone). With
 * IMR_REQUIRE_CORPUS=1 (set by .ci/run) a missing corpus is an error, so the real-letter tests cannot
 * silently turn into skips.
 */
export function corpusFiles(): string[] | undefined {
  if (!fs.existsSync(CORPUS_DIR)) {
    if (process.env.IMR_REQUIRE_CORPUS === '1') throw new Error(`IMR_REQUIRE_CORPUS=1 but the letter corpus ${CORPUS_DIR} is missing`);
    return undefined;
  }
  return fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(CORPUS_DIR, f));
}

export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`);
}
