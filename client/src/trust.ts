import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRUST_CHANGED_NOTIFICATION, TrustChangedParams } from './protocol';

/**
 * Workspace trust. In a restricted workspace the server runs in "limited" mode: it ignores
 * `imr.index` (extra MTUS index files named by the workspace) and config files that point at
 * other files; VS Code itself hides workspace values of `imr.index` (restrictedConfigurations).
 * Trust can only be granted during a session, never revoked (VS Code reloads the window then).
 */
export function isTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

export function watchTrust(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const client = getClient();
    if (!client || !client.isRunning()) return;
    const params: TrustChangedParams = { trusted: true };
    void client.sendNotification(TRUST_CHANGED_NOTIFICATION, params);
  });
}
