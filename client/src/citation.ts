import type { IndexTopicEntry } from './protocol';

const MTUS_PREFIX = /Decision\s+based\s+on\s+MTUS\s*$/i;

/**
 * The text "IMR: Insert MTUS Citation" inserts for a topic: the citation that follows
 * "Decision based on MTUS " — with that phrase prepended when the cursor is not right after it.
 * `pageStyle` picks "<guideline> <topic> Page(s): <pages>" where the index knows the pages.
 */
export function citationText(topic: IndexTopicEntry, lineBeforeCursor: string, pageStyle: boolean): string {
  const citation = pageStyle && topic.pageStyleInsertText ? topic.pageStyleInsertText : topic.insertText;
  if (MTUS_PREFIX.test(lineBeforeCursor)) return /\s$/.test(lineBeforeCursor) ? citation : ` ${citation}`;
  const sep = lineBeforeCursor.length > 0 && !/\s$/.test(lineBeforeCursor) ? ' ' : '';
  return `${sep}Decision based on MTUS ${citation}`;
}
