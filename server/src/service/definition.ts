import { pathToFileURL } from 'url';
import { Location, Position } from './lsp-types';
import { Determination, MtusIndex } from '../engine';
import { citationTargetAt } from './citation-at';

/** A file path as a `file:` URI. */
export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** A zero-width location at the start of a line of a file (the index files' entries). */
export function lineLocation(file: string, line: number): Location {
  return { uri: fileUri(file), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

/** From a cited guideline, section, topic or page to its entry in the index file it came from. */
export function findDefinition(d: Determination, index: MtusIndex, position: Position): Location | null {
  const t = citationTargetAt(d, index, position);
  if (!t) return null;
  if (t.kind !== 'guideline' && t.topic) return lineLocation(t.topic.file, t.topic.line);
  if (t.guideline) return lineLocation(t.guideline.file, t.guideline.line);
  return null;
}
