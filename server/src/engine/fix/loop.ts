import { RULES } from '../rules';
import { Finding, RuleCategory } from '../rules/rule';
import { applyFixes } from './apply';

/** Passes of lint → fix before the loop gives up (ESLint uses 10 too). */
export const MAX_FIX_PASSES = 10;

const CATEGORY = new Map<string, RuleCategory>(RULES.map((r) => [r.meta.id, r.meta.category]));

export interface FixLoopInput {
  text: string;
  /** Lints a text with the letter's configuration and index (the caller's own lint, e.g. lintText). */
  lint: (text: string) => Finding[];
  /** The findings of `text` when already known (saves the first lint). */
  findings?: Finding[];
  /** Only fixes of rules in these categories (`--fix-type`); every category when omitted. */
  categories?: readonly RuleCategory[];
  maxPasses?: number;
}

export interface FixLoopResult {
  /** The fixed text (the input when nothing applied). */
  text: string;
  /** The findings of the fixed text. */
  findings: Finding[];
  /** Fixes applied, by rule id. */
  applied: Record<string, number>;
  /** Fixes applied in all. */
  total: number;
  /** Lint → fix passes that changed the text. */
  passes: number;
}

/** Whether the loop would apply this finding's fix under `categories`. Suggestions are never applied. */
export function fixWanted(f: Finding, categories?: readonly RuleCategory[]): boolean {
  if (!f.fix) return false;
  if (!categories) return true;
  const c = CATEGORY.get(f.ruleId);
  return c !== undefined && categories.includes(c);
}

/**
 * The fix loop shared by `imr-lint --fix` and the editor's `source.fixAll.imr`: lint, apply the
 * non-overlapping fixes, lint the result again, until nothing is left to fix, the text stops changing
 * or comes back to an earlier state, or `maxPasses` passes are done. Only fixes are applied — never
 * suggestions, which change what the letter decides or cites.
 */
export function runFixLoop(input: FixLoopInput): FixLoopResult {
  const maxPasses = input.maxPasses ?? MAX_FIX_PASSES;
  let text = input.text;
  let findings = input.findings ?? input.lint(text);
  const applied: Record<string, number> = {};
  let total = 0;
  let passes = 0;
  const seen = new Set<string>([text]);
  while (passes < maxPasses) {
    const wanted = findings.filter((f) => fixWanted(f, input.categories));
    if (wanted.length === 0) break;
    const r = applyFixes(text, wanted);
    if (r.applied === 0 || seen.has(r.text)) break;
    seen.add(r.text);
    for (const f of r.appliedFindings) applied[f.ruleId] = (applied[f.ruleId] ?? 0) + 1;
    total += r.applied;
    passes++;
    text = r.text;
    findings = input.lint(text);
  }
  return { text, findings, applied, total, passes };
}
