import { Finding } from '../../engine';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** The text that was linted, for the offsets of fixes and suggestions in ESLint-shaped output; a folder's letter without any fix or suggestion has none (lint-one.ts). */
  text?: string;
  /** Set by --fix / --fix-dry-run when fixes were applied (or would be): how many, by rule id. */
  fixed?: { byRule: Record<string, number>; total: number; written: boolean };
}

export type Formatter = (results: FileResult[], ctx: { cwd: string; version: string; color: boolean }) => string;
