import { Template, TEMPLATES } from './templates';

/** Where the generated file lives, relative to the repository root. */
export const CODE_SNIPPETS_PATH = 'snippets/imr.code-snippets';

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * The text of snippets/imr.code-snippets, generated from TEMPLATES (never edit the file by hand:
 * run `npm run generate`; a test fails when the file and this function disagree).
 */
export function renderCodeSnippets(templates: readonly Template[] = TEMPLATES): string {
  const file: Record<string, SnippetEntry> = {};
  for (const t of templates) file[t.title] = { prefix: t.prefix, description: t.description, body: t.body };
  return `${JSON.stringify(file, null, 2)}\n`;
}
