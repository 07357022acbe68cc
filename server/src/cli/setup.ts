import { ConfigResolver, IndexProvider, LintConfig, MtusIndex, resolveLintSetup } from '../engine';
import { ToolError } from './errors';

/** "file:line: what: message" — the one line a failed run prints. */
export function problemLine(p: { file: string; line?: number; message: string }, what: string): string {
  return `${p.file}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${what}: ${p.message}`;
}

/** The config and index that apply to a letter; an invalid config or index file stops the run. */
export function resolveSetup(configs: ConfigResolver, indexes: IndexProvider, file: string | undefined): { config: LintConfig; index: MtusIndex } {
  const { config, index, problem } = resolveLintSetup(configs, indexes, file);
  if (problem || !config) throw new ToolError(problemLine(problem ?? { file: file ?? '<config>', message: 'no configuration' }, problem?.kind === 'index' ? 'invalid MTUS index' : 'invalid config'));
  return { config, index };
}

/** The bundled index plus `extra`; an invalid index file stops the run. */
export function indexFor(indexes: IndexProvider, extra: string[]): MtusIndex {
  const { index, problems } = indexes.get(extra);
  const [problem] = problems;
  if (problem) throw new ToolError(problemLine(problem, 'invalid MTUS index'));
  return index;
}
