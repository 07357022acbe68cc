/**
 * A small model of VS Code's snippet syntax, enough for the letter templates:
 *   $1 ${1} ${1:placeholder} ${1|choice one,choice two|} $0   (tabstops; placeholders may nest)
 *   $NAME ${NAME} ${NAME:default}                          (variables)
 *   \$ \} \\ in text, \, \| \\ in choices                  (escapes)
 * Transforms (${1/regex/format/}) are not supported: parsing them throws.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; fallback?: SnippetNode[] };

export class SnippetSyntaxError extends Error {}

/** Parses one snippet body (lines joined with "\n") into nodes. */
export function parseSnippet(body: string): SnippetNode[] {
  const p = new Parser(body);
  const nodes = p.nodes(false);
  if (p.pos < body.length) throw new SnippetSyntaxError(`unexpected "${body[p.pos]}" at offset ${p.pos}`);
  return nodes;
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  /** Nodes up to the end, or (inside a placeholder) up to the closing "}". */
  nodes(nested: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length && '$}\\'.includes(this.s.charAt(this.pos + 1))) {
        text += this.s.charAt(this.pos + 1);
        this.pos += 2;
      } else if (c === '}' && nested) {
        break;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += c;
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  /** A "$…" construct at pos, or undefined when the "$" is literal. */
  private dollar(): SnippetNode | undefined {
    const rest = this.s.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1]! };
    }
    m = /^\$\{(\d+)/.exec(rest);
    if (m) {
      const start = this.pos;
      this.pos += m[0].length;
      const index = Number(m[1]);
      const next = this.s[this.pos];
      if (next === '}') {
        this.pos++;
        return { kind: 'tabstop', index };
      }
      if (next === ':') {
        this.pos++;
        const placeholder = this.nodes(true);
        this.expect('}', start);
        return { kind: 'tabstop', index, placeholder };
      }
      if (next === '|') {
        this.pos++;
        const choices = this.choices(start);
        return { kind: 'tabstop', index, choices };
      }
      if (next === '/') throw new SnippetSyntaxError(`transforms are not supported (offset ${start})`);
      throw new SnippetSyntaxError(`malformed tabstop at offset ${start}`);
    }
    m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      const start = this.pos;
      this.pos += m[0].length;
      const name = m[1]!;
      if (this.s[this.pos] === '}') {
        this.pos++;
        return { kind: 'variable', name };
      }
      if (this.s[this.pos] === ':') {
        this.pos++;
        const fallback = this.nodes(true);
        this.expect('}', start);
        return { kind: 'variable', name, fallback };
      }
      throw new SnippetSyntaxError(`malformed variable at offset ${start}`);
    }
    return undefined;
  }

  private choices(start: number): string[] {
    const out: string[] = [];
    let cur = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length && ',|\\'.includes(this.s.charAt(this.pos + 1))) {
        cur += this.s.charAt(this.pos + 1);
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        out.push(cur);
        cur = '';
        this.pos++;
        continue;
      }
      if (c === '|' && this.s[this.pos + 1] === '}') {
        out.push(cur);
        this.pos += 2;
        return out;
      }
      cur += c;
      this.pos++;
    }
    throw new SnippetSyntaxError(`unterminated choice at offset ${start}`);
  }

  private expect(c: string, start: number): void {
    if (this.s[this.pos] !== c) throw new SnippetSyntaxError(`missing "${c}" for the construct at offset ${start}`);
    this.pos++;
  }
}

/** Writes nodes back in snippet syntax (escaping literal "$", "}" and "\"). */
export function serializeSnippet(nodes: SnippetNode[]): string {
  return nodes.map(serializeNode).join('');
}

function serializeNode(n: SnippetNode): string {
  switch (n.kind) {
    case 'text':
      return escapeText(n.value);
    case 'tabstop':
      if (n.choices) return `\${${n.index}|${n.choices.map((c) => c.replace(/[\\,|]/g, (x) => `\\${x}`)).join(',')}|}`;
      if (n.placeholder) return `\${${n.index}:${serializeSnippet(n.placeholder)}}`;
      return `\${${n.index}}`;
    case 'variable':
      return n.fallback ? `\${${n.name}:${serializeSnippet(n.fallback)}}` : `\${${n.name}}`;
  }
}

/** Escapes literal text for use in a snippet body. */
export function escapeText(s: string): string {
  return s.replace(/[\\$}]/g, (x) => `\\${x}`);
}

/**
 * The text a snippet inserts when every field keeps its default: a placeholder its text, a choice its
 * first option, a mirrored tabstop the value of its placeholder, a variable its default (or nothing).
 */
export function expandSnippet(body: string | SnippetNode[]): string {
  const nodes = typeof body === 'string' ? parseSnippet(body) : body;
  const values = new Map<number, string>();
  const collect = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop') {
        if (n.placeholder) collect(n.placeholder);
        if (!values.has(n.index)) {
          if (n.choices) values.set(n.index, n.choices[0] ?? '');
          else if (n.placeholder) values.set(n.index, render(n.placeholder));
        }
      } else if (n.kind === 'variable' && n.fallback) collect(n.fallback);
    }
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') return n.fallback ? render(n.fallback) : '';
        if (n.choices) return n.choices[0] ?? '';
        if (n.placeholder) return render(n.placeholder);
        return values.get(n.index) ?? '';
      })
      .join('');
  collect(nodes);
  return render(nodes);
}

/**
 * Renumbers tabstops by `offset` (so parts can be joined into one snippet) and drops final-cursor
 * tabstops ($0) unless `keepFinal`.
 */
export function shiftTabstops(nodes: SnippetNode[], offset: number, keepFinal = false): SnippetNode[] {
  const out: SnippetNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'tabstop') {
      if (n.index === 0) {
        if (keepFinal) out.push(n);
        else if (n.placeholder) out.push(...shiftTabstops(n.placeholder, offset, keepFinal));
        continue;
      }
      out.push({ ...n, index: n.index + offset, placeholder: n.placeholder ? shiftTabstops(n.placeholder, offset, keepFinal) : undefined });
    } else if (n.kind === 'variable' && n.fallback) {
      out.push({ ...n, fallback: shiftTabstops(n.fallback, offset, keepFinal) });
    } else {
      out.push(n);
    }
  }
  return out;
}

/** The highest tabstop index used (0 when none). */
export function maxTabstop(nodes: SnippetNode[]): number {
  let max = 0;
  for (const n of nodes) {
    if (n.kind === 'tabstop') max = Math.max(max, n.index, n.placeholder ? maxTabstop(n.placeholder) : 0);
    else if (n.kind === 'variable' && n.fallback) max = Math.max(max, maxTabstop(n.fallback));
  }
  return max;
}
