import * as fs from 'fs';
import * as path from 'path';

/** One entry of a `.code-snippets` file. */
export interface SnippetEntry {
  name: string;
  prefix: string[];
  body: string;
  description?: string;
  scope?: string;
}

/** Removes // and block comments and trailing commas (JSONC → JSON), leaving strings untouched. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

export function parseSnippets(text: string): SnippetEntry[] {
  const json = JSON.parse(stripJsonc(text)) as Record<string, unknown>;
  const entries: SnippetEntry[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (!value || typeof value !== 'object') continue;
    const v = value as { prefix?: unknown; body?: unknown; description?: unknown; scope?: unknown };
    const body = Array.isArray(v.body) ? v.body.map(String).join('\n') : typeof v.body === 'string' ? v.body : undefined;
    if (body === undefined) continue;
    const prefix = Array.isArray(v.prefix) ? v.prefix.map(String) : typeof v.prefix === 'string' ? [v.prefix] : [];
    entries.push({
      name,
      prefix,
      body,
      description: typeof v.description === 'string' ? v.description : undefined,
      scope: typeof v.scope === 'string' ? v.scope : undefined,
    });
  }
  return entries;
}

/**
 * The whole-letter template among the snippets: one whose name or prefix says "letter" (or
 * "template"/"determination") and that contains the standard headings; otherwise the longest
 * snippet that has the decisions heading.
 */
export function findLetterSnippet(entries: SnippetEntry[]): SnippetEntry | undefined {
  const isWholeLetter = (e: SnippetEntry) => /IMR ISSUES, DECISIONS AND RATIONALES/i.test(e.body);
  const named = entries.filter(
    (e) => isWholeLetter(e) && /letter|template|determination/i.test([e.name, ...e.prefix].join(' ')),
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
