import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REQUEST, ExportFinding, ExportFormatName, ExportParams, ExportResult } from './protocol';

const EXPORT_ANYWAY = 'Export anyway';
/** Findings listed in the refusal; the rest are counted. */
const LISTED = 10;

/**
 * "IMR: Export Letter as PDF" / "… as Text": the language server writes the letter as sent next to it
 * (case.imr → case.pdf / case.txt, as `imr export` does). A letter with errors is refused with its
 * errors listed, and an "Export anyway" choice.
 */
export async function exportLetter(client: LanguageClient, doc: vscode.TextDocument, format: ExportFormatName): Promise<ExportResult | undefined> {
  const name = path.basename(doc.uri.path);
  const params: ExportParams = { textDocument: { uri: doc.uri.toString() }, format };
  let result = await client.sendRequest<ExportResult | null>(EXPORT_REQUEST, params);
  if (!result) {
    void vscode.window.showWarningMessage(`IMR: ${name} is not an IMR letter the language server knows.`);
    return undefined;
  }
  if (!result.written && !result.problem && result.errors.length > 0) {
    const choice = await vscode.window.showWarningMessage(
      `IMR: ${name} has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} and was not exported.`,
      { modal: true, detail: listFindings(result.errors) },
      EXPORT_ANYWAY,
    );
    if (choice !== EXPORT_ANYWAY) return result;
    result = await client.sendRequest<ExportResult | null>(EXPORT_REQUEST, { ...params, force: true });
    if (!result) return undefined;
  }
  if (result.problem) {
    void vscode.window.showErrorMessage(`IMR: ${name} was not exported. ${result.problem}`);
  } else if (result.written && result.target) {
    const shown = vscode.workspace.asRelativePath(result.target, false);
    void vscode.window.showInformationMessage(`IMR: exported ${name} to ${shown}${result.errors.length > 0 ? ` (with ${result.errors.length} error${result.errors.length === 1 ? '' : 's'})` : ''}.`);
  }
  return result;
}

function listFindings(errors: ExportFinding[]): string {
  const lines = errors.slice(0, LISTED).map((e) => `Line ${e.line + 1}: ${e.message} (${e.ruleId})`);
  if (errors.length > LISTED) lines.push(`… and ${errors.length - LISTED} more (see the Problems panel).`);
  return lines.join('\n');
}
