import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit, WorkspaceEdit } from './lsp-types';
import { createOffsetMapper, Directive, directiveAt, directiveComment, Finding } from '../engine';
import { diagnosticData, isKnownRule } from './diagnostics';
import { indentOf, splitLines } from './text';
import { SOURCE_FIX_ALL_IMR } from '../../../shared/protocol';

// Code action kind of "fix everything fixable" (editor.codeActionsOnSave: { "source.fixAll.imr": "explicit" }).
export { SOURCE_FIX_ALL_IMR };

export interface CodeActionInput {
  uri: string;
  /** Current document version; fixes computed for another version are not offered. */
  version?: number;
  /** Current document text. */
  text: string;
  /** The diagnostics of the request context (with the data we published). */
  diagnostics: readonly Diagnostic[];
  /** Every finding of the current version (for fix-all), or undefined when not known. */
  findings?: readonly Finding[];
  /** The request's `only` filter. */
  only?: readonly string[];
  /** Send versioned `documentChanges` (the client supports them) instead of plain `changes`. */
  versionedEdits?: boolean;
}

/** Whether a kind is wanted under an `only` filter (hierarchical: "source" covers "source.fixAll.imr"). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(input: CodeActionInput, edits: TextEdit[]): WorkspaceEdit {
  if (input.versionedEdits && input.version !== undefined) {
    return { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits }] };
  }
  return { changes: { [input.uri]: edits } };
}

/** Quick fixes, "Fix all <rule> problems", disable comments and `source.fixAll.imr`, filtered by `only`. */
export function getCodeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const wantQuickFix = kindWanted(CodeActionKind.QuickFix, input.only);
  const lines = splitLines(input.text);
  const eol = /\r\n/.test(input.text) ? '\r\n' : /\r/.test(input.text) ? '\r' : '\n';
  if (wantQuickFix) {
    const disableSeen = new Set<string>();
    const fixAllRuleSeen = new Set<string>();
    for (const diag of input.diagnostics) {
      const data = diagnosticData(diag);
      if (!data) continue;
      const current = data.version === undefined || input.version === undefined || data.version === input.version;
      if (data.fix && current) {
        actions.push({
          title: data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diag],
          isPreferred: true,
          edit: workspaceEdit(input, data.fix.edits.map((e) => ({ range: e.range, newText: e.newText }))),
        });
        const sameRule = (input.findings ?? []).filter((f) => f.ruleId === data.ruleId && f.fix);
        if (sameRule.length > 1 && !fixAllRuleSeen.has(data.ruleId)) {
          fixAllRuleSeen.add(data.ruleId);
          const edits = nonOverlappingEdits(input.text, sameRule);
          actions.push({ title: `Fix all ${data.ruleId} problems`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: workspaceEdit(input, edits) });
        }
      }
      if (!isKnownRule(data.ruleId) || data.ruleId === 'unused-suppression') continue;
      const line = diag.range.start.line;
      const lineKey = `${data.ruleId}@${line}`;
      if (!disableSeen.has(lineKey)) {
        disableSeen.add(lineKey);
        actions.push({ title: `Disable ${data.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: workspaceEdit(input, [disableLineEdit(lines, line, data.ruleId, eol)]) });
      }
      if (!disableSeen.has(data.ruleId)) {
        disableSeen.add(data.ruleId);
        actions.push({ title: `Disable ${data.ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: workspaceEdit(input, [disableFileEdit(lines, data.ruleId, eol)]) });
      }
    }
    // disable actions come after every fix
    actions.sort((a, b) => Number(a.title.startsWith('Disable ')) - Number(b.title.startsWith('Disable ')));
  }
  if (kindWanted(SOURCE_FIX_ALL_IMR, input.only) && input.findings) {
    const fixable = input.findings.filter((f) => f.fix);
    // an explicit request (on save, or from the source action menu) gets an answer even with nothing to do
    if (fixable.length > 0 || (input.only && input.only.length > 0)) {
      actions.push({ title: 'Fix all auto-fixable IMR problems', kind: SOURCE_FIX_ALL_IMR, edit: workspaceEdit(input, nonOverlappingEdits(input.text, fixable)) });
    }
  }
  return actions;
}

/**
 * The edits of every fix that does not touch an earlier accepted fix (the engine's applyFixes rule:
 * overlapping spans and two insertions at one point are skipped; a second fix-all picks them up).
 */
export function nonOverlappingEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  const offset = createOffsetMapper(text);
  const accepted: { start: number; end: number }[] = [];
  const out: TextEdit[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const spans = f.fix.edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end) }));
    const clash = spans.some((s) => accepted.some((a) => (s.start < a.end && a.start < s.end) || (a.start === a.end && s.start === s.end && a.start === s.start)));
    if (clash) continue;
    accepted.push(...spans);
    for (const e of f.fix.edits) out.push({ range: e.range, newText: e.newText });
  }
  return out;
}

/** Adds a rule to the directive on `line`, if it is one of `kind`, after its last rule id. undefined when there is none, or it already suppresses everything or that rule. */
function extendDirective(lines: readonly string[], line: number, kind: Directive['kind'], ruleId: string): TextEdit | undefined {
  const d = directiveAt(lines, line);
  const last = d?.ruleRanges[d.ruleRanges.length - 1];
  if (!d || d.kind !== kind || !last || d.rules.includes(ruleId)) return undefined;
  return { range: { start: last.end, end: last.end }, newText: `, ${ruleId}` };
}

export function disableLineEdit(lines: readonly string[], line: number, ruleId: string, eol = '\n'): TextEdit {
  if (line > 0) {
    const ext = extendDirective(lines, line - 1, 'next-line', ruleId);
    if (ext) return ext;
  }
  const indent = indentOf(lines[line] ?? '');
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${directiveComment('next-line', [ruleId])}${eol}` };
}

export function disableFileEdit(lines: readonly string[], ruleId: string, eol = '\n'): TextEdit {
  for (let l = 0; l < Math.min(lines.length, 20); l++) {
    const ext = extendDirective(lines, l, 'file', ruleId);
    if (ext) return ext;
  }
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at } as Range, newText: `${directiveComment('file', [ruleId])}${eol}` };
}
