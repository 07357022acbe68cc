import * as fs from 'fs';
import * as path from 'path';
import { CANONICAL_HEADING } from '../../server/src/engine/vocabulary';
import { parseSnippets, SnippetDefinition, stripJsonComments } from '../../server/src/templates/snippet-file';

/** One snippet of the extension's snippets file (parsed by the same code as the language service's). */
export type SnippetEntry = SnippetDefinition;

export { parseSnippets, stripJsonComments };

/**
 * The whole-letter template among the snippets: one whose name or prefix says "letter" (or
 * "template"/"determination") and that contains the standard headings; otherwise the longest
 * snippet that has the decisions heading.
 */
export function findLetterSnippet(entries: SnippetEntry[]): SnippetEntry | undefined {
  const isWholeLetter = (e: SnippetEntry) => e.body.toUpperCase().includes(CANONICAL_HEADING.issues);
  const named = entries.filter(
    (e) => isWholeLetter(e) && /letter|template|determination/i.test([e.name, ...e.prefixes].join(' ')),
  );
  const pool = named.length > 0 ? named : entries.filter(isWholeLetter);
  return pool.sort((a, b) => b.body.length - a.body.length)[0];
}

export const SNIPPETS_FILE = path.join('snippets', 'imr.code-snippets');

export function loadLetterTemplate(extensionPath: string): SnippetEntry | undefined {
  const file = path.join(extensionPath, SNIPPETS_FILE);
  if (!fs.existsSync(file)) return undefined;
  return findLetterSnippet(parseSnippets(fs.readFileSync(file, 'utf8')));
}
