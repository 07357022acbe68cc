import * as path from 'path';
import { FileProblems } from './lint-environment';

/**
 * Restricted Mode (an untrusted workspace): the config entries that read files or run patterns and the
 * `imr.index` setting are ignored (the engine's config resolver does it). The user is told once per
 * session, by one window message, the first time a letter's setup ignored something — not per letter.
 */
export class RestrictedModeNotice {
  private told = false;

  constructor(private readonly show: (message: string) => void) {}

  /** What a letter's setup ignored: config entries (on its FileProblems) and `imr.index` files. */
  note(files: readonly FileProblems[], ignoredIndexSetting: readonly string[]): void {
    if (this.told) return;
    const entries = files.flatMap((f) => (f.ignored ?? []).map((g) => ({ file: f.file, key: g.key })));
    if (entries.length === 0 && ignoredIndexSetting.length === 0) return;
    this.told = true;
    this.show(restrictedModeMessage(entries, ignoredIndexSetting.length > 0));
  }
}

export function restrictedModeMessage(entries: readonly { file: string; key: string }[], indexSetting: boolean): string {
  const parts: string[] = [];
  const byFile = new Map<string, string[]>();
  for (const e of entries) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e.key.startsWith('rules.') ? `${e.key} options` : `${e.key}:`]);
  for (const [file, keys] of byFile) parts.push(`${keys.join(', ')} of ${path.basename(file)}`);
  if (indexSetting) parts.push('the imr.index setting');
  return `IMR: Restricted Mode — ${parts.join('; ')} ignored until you trust this workspace. Letters are checked with the bundled MTUS index and the default placeholders.`;
}
