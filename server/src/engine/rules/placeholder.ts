import { Rule } from './rule';

/** Default unfilled-template markers; configuration can replace them (`placeholders:` in .imrlintrc). */
export const DEFAULT_PLACEHOLDERS = ['\\[\\[[^\\]\\n]*\\]\\]', '\\{\\{[^}\\n]*\\}\\}', '<<[^>\\n]*>>', '\\bTBD\\b', '\\bTODO\\b', '\\b[Xx]{2}/[Xx]{2}/[Xx]{2,4}\\b'];

const compiledCache = new Map<string, RegExp>();

/** One non-global RegExp matching any of the patterns (for "is this value a placeholder?"). */
export function placeholderRegExp(patterns: string[]): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'));
}

function compile(patterns: string[]): RegExp {
  const key = patterns.join('\u0000');
  let re = compiledCache.get(key);
  if (!re) {
    re = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'g');
    compiledCache.set(key, re);
  }
  return re;
}

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    description: 'Unfilled template markers: [[…]], {{…}}, <<…>>, TBD, TODO, XX/XX/XXXX.',
    defaultSeverity: 'error',
    category: 'template',
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    const configured = ctx.options.patterns;
    const patterns = Array.isArray(configured) && configured.every((p) => typeof p === 'string') ? (configured as string[]) : DEFAULT_PLACEHOLDERS;
    const re = compile(patterns);
    const lines = ctx.source.lines;
    for (let line = 0; line < lines.length; line++) {
      const text = lines[line];
      if (patterns === DEFAULT_PLACEHOLDERS && !/[[{<TXx]/.test(text)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        ctx.report({
          message: `Unfilled template placeholder "${m[0]}".`,
          range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } },
        });
      }
    }
  },
};
