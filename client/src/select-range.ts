import * as vscode from 'vscode';
import { SELECT_RANGE_COMMAND } from './protocol';

interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * `imr.selectRange [uri, range]`: the server's "Disable … for this line" quick fix runs it after
 * inserting `<!-- imr-disable-next-line rule -- reason -->`, so "reason" is selected, ready to be typed
 * over. Internal (not in the Command Palette).
 */
export function registerSelectRange(): vscode.Disposable {
  return vscode.commands.registerCommand(SELECT_RANGE_COMMAND, (uri: unknown, range: unknown) => {
    if (typeof uri !== 'string' || !isRange(range)) return;
    const key = vscode.Uri.parse(uri).toString();
    const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && e.document.uri.toString() === key);
    if (!editor) return;
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r);
  });
}

function isRange(x: unknown): x is WireRange {
  const r = x as WireRange | undefined;
  return !!r && [r.start?.line, r.start?.character, r.end?.line, r.end?.character].every((n) => typeof n === 'number');
}
