import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

type WorkspaceMiddleware = NonNullable<Middleware['provideWorkspaceDiagnostics']>;

/** What one workspace pull reported: letters, and the problems of those reported in full. */
export interface WorkspaceLintSummary {
  letters: number;
  problems: number;
}

/**
 * "Lint All Letters in Workspace" over LSP 3.17 pull diagnostics. The server answers
 * `workspace/diagnostic` for every letter the configuration selects, reading the files itself (no
 * letter is opened as a document, so no other extension sees its text). vscode-languageclient asks
 * for workspace diagnostics on its own every few seconds; until the command has been run, this
 * middleware answers those requests with nothing, so the server lints the whole workspace only when
 * the user asks — and from then on keeps the Problems panel current (unchanged letters are not
 * linted again: result ids).
 */
export class WorkspaceLint {
  private enabled = false;
  private waiters: ((s: WorkspaceLintSummary) => void)[] = [];

  readonly middleware: WorkspaceMiddleware = async (resultIds, token, reporter, next) => {
    if (!this.enabled) return { items: [] };
    const summary: WorkspaceLintSummary = { letters: 0, problems: 0 };
    const counting: typeof reporter = (chunk) => {
      for (const item of chunk?.items ?? []) {
        summary.letters++;
        if (item.kind === 'full') summary.problems += item.items.length;
      }
      reporter(chunk);
    };
    try {
      return await next(resultIds, token, counting);
    } finally {
      if (!token.isCancellationRequested) for (const w of this.waiters.splice(0)) w(summary);
    }
  };

  /** Turns workspace diagnostics on and resolves with the next complete workspace pull. */
  run(token?: vscode.CancellationToken): Promise<WorkspaceLintSummary | undefined> {
    this.enabled = true;
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      token?.onCancellationRequested(() => resolve(undefined));
    });
  }

  /** Back to no workspace diagnostics (the server restarted). */
  reset(): void {
    this.enabled = false;
  }
}
