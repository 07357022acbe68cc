import { Finding } from '../../engine';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** The text that was linted (for fix offsets in JSON output); undefined when unreadable. */
  text?: string;
  /** Set by --fix / --fix-dry-run when fixes were applied (or would be): how many, by rule id. */
  fixed?: { byRule: Record<string, number>; total: number; written: boolean };
}

export type Formatter = (results: FileResult[], ctx: { cwd: string; version: string; color: boolean }) => string;
