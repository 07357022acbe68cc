import * as path from 'path';
import { RULES, docsUrl } from '../../engine';
import { ToolError, UsageError } from '../errors';
import { compact } from './compact';
import { EslintResult, toEslintResults } from './eslint-results';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import { Formatter } from './types';

export const FORMATTERS: Record<string, Formatter> = { stylish, compact, json, sarif, github, gitlab, junit };

/** What a custom formatter gets besides the results, as in ESLint. */
export interface FormatterContext {
  cwd: string;
  color: boolean;
  rulesMeta: Record<string, { type: 'problem'; docs: { description: string; url: string }; fixable?: 'code'; hasSuggestions: boolean; messages?: Record<string, string> }>;
}

/** `--format` names a formatter module when it looks like a path (`./my-formatter.js`). */
function isPath(name: string): boolean {
  return name.includes('/') || name.includes('\\') || /\.(c?js)$/.test(name);
}

/**
 * A built-in formatter by name, or a formatter module with ESLint's signature:
 * `module.exports = (results, context) => string` (results in ESLint's LintResult shape).
 */
export function loadFormatter(name: string, cwd: string): Formatter {
  // an own property only: "__proto__", "constructor" or "toString" name no formatter
  const builtin = Object.prototype.hasOwnProperty.call(FORMATTERS, name) ? FORMATTERS[name] : undefined;
  if (builtin) return builtin;
  if (!isPath(name)) throw new UsageError(`unknown format "${name}" (${Object.keys(FORMATTERS).join(', ')}, or a formatter module such as ./my-formatter.js)`);
  const file = path.resolve(cwd, name);
  let mod: unknown;
  try {
    mod = require(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ToolError(`${name}: cannot load formatter (${code === 'MODULE_NOT_FOUND' ? 'not found' : e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const fn = typeof mod === 'function' ? mod : typeof (mod as { default?: unknown })?.default === 'function' ? (mod as { default: unknown }).default : undefined;
  if (typeof fn !== 'function') throw new ToolError(`${name}: a formatter module must export a function (results, context) => string`);
  return (results, ctx) => {
    const context: FormatterContext = { cwd: ctx.cwd, color: ctx.color, rulesMeta: rulesMeta() };
    let out: unknown;
    try {
      out = (fn as (r: EslintResult[], c: FormatterContext) => unknown)(toEslintResults(results), context);
    } catch (e) {
      throw new ToolError(`${name}: the formatter failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
    if (out instanceof Promise) throw new ToolError(`${name}: the formatter returned a promise; imr-lint needs a formatter that returns a string`);
    return out === undefined || out === null ? '' : String(out);
  };
}

function rulesMeta(): FormatterContext['rulesMeta'] {
  const out: FormatterContext['rulesMeta'] = {};
  for (const r of RULES) {
    out[r.meta.id] = {
      type: 'problem',
      docs: { description: r.meta.description, url: docsUrl(r.meta.id) },
      ...(r.meta.fixable ? { fixable: 'code' as const } : {}),
      hasSuggestions: r.meta.hasSuggestions,
      ...(r.meta.messages ? { messages: r.meta.messages } : {}),
    };
  }
  return out;
}
