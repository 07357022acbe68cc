/**
 * VS Code `.code-snippets` files (JSONC): the one parser the language service (completion) and the
 * VS Code client ("New Determination Letter") both use.
 */

/** One snippet of a VS Code `.code-snippets` file. */
export interface SnippetDefinition {
  name: string;
  prefixes: string[];
  /** Body in VS Code snippet syntax ($1, ${1:default}, $0), lines joined with "\n". */
  body: string;
  description?: string;
}

/** Removes // and /* *\/ comments and trailing commas outside strings (VS Code snippet files are JSONC). */
export function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function asStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Parses a `.code-snippets` file; snippets scoped to other languages are left out. */
export function parseSnippets(text: string): SnippetDefinition[] {
  const data: unknown = JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('the file is not a JSON object of snippets');
  const out: SnippetDefinition[] = [];
  for (const [name, raw] of Object.entries(data as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue;
    const s = raw as Record<string, unknown>;
    const scope = typeof s.scope === 'string' ? s.scope.split(',').map((x) => x.trim()) : [];
    if (scope.length > 0 && !scope.includes('imr')) continue;
    const prefixes = asStrings(s.prefix);
    const body = asStrings(s.body).join('\n');
    if (prefixes.length === 0 || !body) continue;
    out.push({ name, prefixes, body, description: typeof s.description === 'string' ? s.description : undefined });
  }
  return out;
}
