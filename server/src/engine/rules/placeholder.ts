import { JsonSchema, Rule } from './rule';

/**
 * Default unfilled-template markers; configuration can replace them (`placeholders:` in .imrlintrc).
 * The text between a marker's brackets excludes the opening bracket too: "[[" repeated is then read in
 * one pass, where a body that may contain "[" rescans the rest of the line from every "[[" in it.
 */
export const DEFAULT_PLACEHOLDERS = [
  '\\[\\[[^[\\]\\n]*\\]\\]',
  '\\{\\{[^{}\\n]*\\}\\}',
  '<<[^<>\\n]*>>',
  // hand-made template markers: "[PATIENT NAME]", "[DATE OF INJURY]" (capitals, four or more: not "[OTC]"), "<insert>", "<patient name>"
  "\\[[A-Z][A-Z0-9 _/'-]{3,40}\\]",
  '<[A-Za-z][A-Za-z _]{2,30}>',
  '\\bTBD\\b',
  '\\bTODO\\b',
  '\\b[Xx]{2}/[Xx]{2}/[Xx]{2,4}\\b',
];

/** The default markers as the rule's description and option name them. */
const DEFAULTS_DESCRIBED = '[[…]], {{…}}, <<…>>, [CAPITALS], <words>, TBD, TODO, XX/XX/XXXX';

const compiledCache = new Map<string, RegExp>();

const testCache = new Map<string, RegExp>();

/** One non-global RegExp matching any of the patterns (for "is this value a placeholder?"); compiled once per pattern list. */
export function placeholderRegExp(patterns: string[]): RegExp {
  const key = patterns.join('\u0000');
  let re = testCache.get(key);
  if (!re) {
    re = new RegExp(patterns.map((p) => `(?:${p})`).join('|'));
    if (testCache.size >= 100) testCache.clear();
    testCache.set(key, re);
  }
  return re;
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

export type PlaceholderOptions = {
  /** Regular expressions for unfilled markers, replacing the defaults. */
  patterns: string[];
};

const OPTIONS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    patterns: {
      description: `Regular expressions for unfilled template markers, replacing the defaults (${DEFAULTS_DESCRIBED}).`,
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
  },
};

/** The patterns in force for the given (possibly unchecked) options. */
export function placeholderPatterns(options: Partial<PlaceholderOptions> | undefined): string[] {
  const configured: unknown = options?.patterns;
  return Array.isArray(configured) && configured.every((p) => typeof p === 'string') ? configured : DEFAULT_PLACEHOLDERS;
}

/**
 * Whether the text holds a piece every default marker contains ("[", "{{", "<", "TBD", "TODO", or an
 * x before a slash): a few substring searches over the whole text, before any line runs the pattern —
 * a finished letter rarely has any of them.
 */
function mayHaveDefaultMarker(text: string): boolean {
  return text.includes('[') || text.includes('{{') || text.includes('<') || text.includes('TBD') || text.includes('TODO') || text.includes('x/') || text.includes('X/');
}

export const placeholder: Rule<PlaceholderOptions> = {
  meta: {
    id: 'placeholder',
    description: `Unfilled template markers: ${DEFAULTS_DESCRIBED}.`,
    defaultSeverity: 'error',
    category: 'template',
    fixable: false,
    hasSuggestions: false,
    messages: { unfilled: 'Unfilled template placeholder "{{text}}".' },
    optionsSchema: OPTIONS_SCHEMA,
  },
  defaultOptions: { patterns: DEFAULT_PLACEHOLDERS },
  check(ctx) {
    const patterns = placeholderPatterns(ctx.options);
    const re = compile(patterns);
    const defaults = patterns === DEFAULT_PLACEHOLDERS;
    if (defaults && !mayHaveDefaultMarker(ctx.source.text)) return;
    const lines = ctx.source.lines;
    for (const [line, text] of lines.entries()) {
      if (defaults && !/[[{<TXx]/.test(text)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        ctx.report({
          messageId: 'unfilled',
          data: { text: m[0] },
          range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } },
        });
      }
    }
  },
};
