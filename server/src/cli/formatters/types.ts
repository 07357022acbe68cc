import { Finding } from '../../engine';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** The text that was linted (for fix offsets in JSON output); undefined when unreadable. */
  text?: string;
}

export type Formatter = (results: FileResult[], ctx: { cwd: string; version: string; color: boolean }) => string;
