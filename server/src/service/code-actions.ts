import { CodeAction, CodeActionKind, Command, Diagnostic, Range, TextEdit, WorkspaceEdit } from './lsp-types';
import { Directive, directiveAt, directiveComment, Finding, Fix, runFixLoop, selectNonOverlapping, textEdits } from '../engine';
import { diagnosticData, isKnownRule } from './diagnostics';
import { indentOf, splitLines } from './text';
import { SELECT_RANGE_COMMAND, SOURCE_FIX_ALL_IMR } from '../../../shared/protocol';

// Code action kind of "fix everything fixable" (editor.codeActionsOnSave: { "source.fixAll.imr": "explicit" }).
export { SOURCE_FIX_ALL_IMR };

/** The text a disable comment carries after "-- " until the reviewer writes the reason. */
export const REASON_PLACEHOLDER = 'reason';

/** How the reason placeholder of an inserted disable comment is put under the cursor. */
export type ReasonSelection =
  /** LSP 3.18 snippet text edits (`workspace.workspaceEdit.snippetEditSupport`): `${1:reason}`. */
  | 'snippet'
  /** The client's `imr.selectRange` command, run after the edit (the VS Code extension). */
  | 'command'
  /** Neither: the word is inserted as plain text. */
  | 'none';

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
  /**
   * Lints a text with the letter's configuration and index: fix-all runs the engine's fix loop with it
   * (lint → fix → lint until stable). Without it, fix-all applies one pass of the current fixes.
   */
  lint?: (text: string) => Finding[];
  /** The request's `only` filter. */
  only?: readonly string[];
  /** Send versioned `documentChanges` (the client supports them) instead of plain `changes`. */
  versionedEdits?: boolean;
  /** How to select the reason placeholder of an inserted disable comment (default 'none'). */
  reasonSelection?: ReasonSelection;
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

function editsOf(fix: Fix): TextEdit[] {
  return fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
}

/**
 * Quick fixes (the rule's fix, preferred; each suggestion, never preferred), "Fix all <rule>
 * problems", disable comments and `source.fixAll.imr` (fixes only, through the engine's fix loop),
 * filtered by `only`.
 */
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
        actions.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: true, edit: workspaceEdit(input, editsOf(data.fix)) });
        const sameRule = (input.findings ?? []).filter((f) => f.ruleId === data.ruleId && f.fix);
        if (sameRule.length > 1 && !fixAllRuleSeen.has(data.ruleId)) {
          fixAllRuleSeen.add(data.ruleId);
          const edits = nonOverlappingEdits(input.text, sameRule);
          actions.push({ title: `Fix all ${data.ruleId} problems`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: workspaceEdit(input, edits) });
        }
      }
      // suggestions change what the letter decides or cites: each one on its own, chosen, never preferred
      if (data.suggestions && current) {
        for (const s of data.suggestions) actions.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: false, edit: workspaceEdit(input, editsOf(s)) });
      }
      if (!isKnownRule(data.ruleId) || data.ruleId === 'unused-suppression') continue;
      const line = diag.range.start.line;
      const lineKey = `${data.ruleId}@${line}`;
      if (!disableSeen.has(lineKey)) {
        disableSeen.add(lineKey);
        actions.push(disableAction(input, `Disable ${data.ruleId} for this line`, diag, disableLineEdit(lines, line, data.ruleId, eol)));
      }
      if (!disableSeen.has(data.ruleId)) {
        disableSeen.add(data.ruleId);
        actions.push(disableAction(input, `Disable ${data.ruleId} for this file`, diag, disableFileEdit(lines, data.ruleId, eol)));
      }
    }
    // disable actions come after every fix and suggestion
    actions.sort((a, b) => Number(a.title.startsWith('Disable ')) - Number(b.title.startsWith('Disable ')));
  }
  if (kindWanted(SOURCE_FIX_ALL_IMR, input.only) && input.findings) {
    const fixable = input.findings.filter((f) => f.fix);
    // an explicit request (on save, or from the source action menu) gets an answer even with nothing to do
    if (fixable.length > 0 || (input.only && input.only.length > 0)) {
      const loop = runFixLoop({ text: input.text, findings: [...input.findings], lint: input.lint ?? (() => []) });
      actions.push({ title: 'Fix all auto-fixable IMR problems', kind: SOURCE_FIX_ALL_IMR, edit: workspaceEdit(input, textEdits(input.text, loop.text)) });
    }
  }
  return actions;
}

/** The edits of the engine's selection of non-overlapping fixes (selectNonOverlapping): one pass. */
export function nonOverlappingEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  return selectNonOverlapping(text, findings).flatMap((f) => (f.fix ? editsOf(f.fix) : []));
}

/** An edit that inserts a disable comment, and where its reason placeholder is (when it has one). */
export interface DisableEdit extends TextEdit {
  reason?: Range;
}

/** A "Disable …" quick fix: the comment, with its reason placeholder selected as the client allows. */
function disableAction(input: CodeActionInput, title: string, diag: Diagnostic, edit: DisableEdit): CodeAction {
  const plain: TextEdit = { range: edit.range, newText: edit.newText };
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: workspaceEdit(input, [plain]) };
  if (!edit.reason) return action;
  if (input.reasonSelection === 'snippet') {
    const at = edit.reason.start.character - edit.range.start.character;
    const before = edit.newText.slice(0, at);
    const after = edit.newText.slice(at + REASON_PLACEHOLDER.length);
    const snippet = `${escapeSnippet(before)}\${1:${REASON_PLACEHOLDER}}${escapeSnippet(after)}`;
    // LSP 3.18 SnippetTextEdit, only inside documentChanges
    const snippetEdit = { range: edit.range, snippet: { kind: 'snippet', value: snippet } } as unknown as TextEdit;
    action.edit = { documentChanges: [{ textDocument: { uri: input.uri, version: input.version ?? null }, edits: [snippetEdit] }] };
  } else if (input.reasonSelection === 'command') {
    const command: Command = { title: 'Select the reason', command: SELECT_RANGE_COMMAND, arguments: [input.uri, edit.reason] };
    action.command = command;
  }
  return action;
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Adds a rule to the directive on `line`, if it is one of `kind`, after its last rule id. undefined when there is none, or it already suppresses everything or that rule. */
function extendDirective(lines: readonly string[], line: number, kind: Directive['kind'], ruleId: string): TextEdit | undefined {
  const d = directiveAt(lines, line);
  const last = d?.ruleRanges[d.ruleRanges.length - 1];
  if (!d || d.kind !== kind || !last || d.rules.includes(ruleId)) return undefined;
  return { range: { start: last.end, end: last.end }, newText: `, ${ruleId}` };
}

/**
 * "Disable <rule> for this line": adds the rule to a next-line comment right above, or inserts
 * `<!-- imr-disable-next-line <rule> -- reason -->` with "reason" (REASON_PLACEHOLDER, at `reason`)
 * for the reviewer to replace.
 */
export function disableLineEdit(lines: readonly string[], line: number, ruleId: string, eol = '\n'): DisableEdit {
  if (line > 0) {
    const ext = extendDirective(lines, line - 1, 'next-line', ruleId);
    if (ext) return ext;
  }
  return withReason(line, indentOf(lines[line] ?? ''), 'next-line', ruleId, eol);
}

/** "Disable <rule> for this file": joins a file comment near the top, or inserts one with a reason placeholder. */
export function disableFileEdit(lines: readonly string[], ruleId: string, eol = '\n'): DisableEdit {
  for (let l = 0; l < Math.min(lines.length, 20); l++) {
    const ext = extendDirective(lines, l, 'file', ruleId);
    if (ext) return ext;
  }
  return withReason(0, '', 'file', ruleId, eol);
}

/** An insertion at the start of `line` of the comment, its reason being REASON_PLACEHOLDER (at `reason`). */
function withReason(line: number, indent: string, kind: Directive['kind'], ruleId: string, eol: string): DisableEdit {
  const at = { line, character: 0 };
  const comment = directiveComment(kind, [ruleId], REASON_PLACEHOLDER);
  const reasonAt = indent.length + comment.lastIndexOf(REASON_PLACEHOLDER);
  return {
    range: { start: at, end: at },
    newText: `${indent}${comment}${eol}`,
    reason: { start: { line, character: reasonAt }, end: { line, character: reasonAt + REASON_PLACEHOLDER.length } },
  };
}
