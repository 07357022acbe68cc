import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRUST_CHANGED_NOTIFICATION, TrustChangedParams } from './protocol';

/**
 * Workspace trust. In a restricted workspace the server runs in "limited" mode: the engine's config
 * resolver (trusted: false) ignores what reads other files or runs patterns — the `index:`,
 * `placeholders:`, `include:`/`exclude:` entries and rule options of `.imrlintrc` files, and the
 * `imr.index` setting — so letters are checked with the bundled MTUS index and the default
 * placeholders; the server says so once per session. VS Code itself hides workspace values of
 * `imr.index` (restrictedConfigurations). Trust can only be granted during a session, never revoked
 * (VS Code reloads the window then); when it is, the server reads the configs again and re-lints.
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
