import * as fs from 'fs';
import { parseSnippets, SnippetDefinition } from '../templates/snippet-file';

export { parseSnippets, SnippetDefinition, stripJsonComments } from '../templates/snippet-file';

export interface SnippetLoad {
  snippets: SnippetDefinition[];
  /** Why the file could not be used, when it could not. */
  problem?: string;
}

/** Reads and parses a snippet file; never throws. */
export function loadSnippets(file: string | undefined): SnippetLoad {
  if (!file) return { snippets: [], problem: 'snippets/imr.code-snippets not found' };
  try {
    return { snippets: parseSnippets(fs.readFileSync(file, 'utf8')) };
  } catch (e) {
    return { snippets: [], problem: `${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
